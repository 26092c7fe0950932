using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4012: a certificate-validation callback that always returns <c>true</c>, and
/// <c>HttpClientHandler.DangerousAcceptAnyServerCertificateValidator</c>. A validation callback is any delegate
/// whose signature takes an <c>SslPolicyErrors</c> and returns <c>bool</c>
/// (<c>ServerCertificateCustomValidationCallback</c>, <c>RemoteCertificateValidationCallback</c>,
/// <c>ServicePointManager.ServerCertificateValidationCallback</c>, <c>SslStream</c> constructor arguments, …).
/// "Always returns true": an expression body that is the constant <c>true</c>, or a block whose every
/// <c>return</c> returns the constant <c>true</c>; method groups are judged by the same rule on their syntax.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CertificateValidationDisabledAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    private static readonly IdentifierNames AcceptAnyValidator = IdentifierNames.Of("DangerousAcceptAnyServerCertificateValidator");

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = context.Compilation.State(static compilation =>
            compilation.GetTypeByMetadataName("System.Net.Security.SslPolicyErrors") is { } sslPolicyErrors
                ? new Callbacks(
                    sslPolicyErrors,
                    SymbolFacts.Member<IPropertySymbol>(compilation.GetTypeByMetadataName("System.Net.Http.HttpClientHandler"), "DangerousAcceptAnyServerCertificateValidator"))
                : null);
        context.RegisterOperationAction(analysis, static (analysis, operation) => analysis.AnalyzeDelegateCreation(operation), OperationKind.DelegateCreation);
        context.RegisterOperationActionAt(
            analysis,
            AcceptAnyValidator,
            IdentifierActions.ReferenceNamedBy,
            OperationKind.PropertyReference,
            static (analysis, operation) => analysis.AnalyzePropertyReference(operation));
    }

    private sealed class Callbacks
    {
        private readonly INamedTypeSymbol _sslPolicyErrors;
        private readonly IPropertySymbol? _acceptAny;

        public Callbacks(INamedTypeSymbol sslPolicyErrors, IPropertySymbol? acceptAny)
        {
            _sslPolicyErrors = sslPolicyErrors;
            _acceptAny = acceptAny;
        }

        public void AnalyzePropertyReference(FoundOperationContext context)
        {
            // Only uses of a property of that name come here (found by name in the file).
            var reference = (IPropertyReferenceOperation)context.Operation;
            if (_acceptAny is not null && string.Equals(reference.Property.Name, _acceptAny.Name, System.StringComparison.Ordinal)
                && SymbolEqualityComparer.Default.Equals(reference.Property.OriginalDefinition, _acceptAny))
            {
                context.Report(Descriptors.CertificateValidationDisabled, reference.Syntax.GetLocation(), "DangerousAcceptAnyServerCertificateValidator");
            }
        }

        public void AnalyzeDelegateCreation(OperationAnalysisContext context)
        {
            var creation = (IDelegateCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol { DelegateInvokeMethod: { } invoke } || invoke.ReturnType.SpecialType != SpecialType.System_Boolean || !TakesPolicyErrors(invoke))
            {
                return;
            }

            var alwaysTrue = creation.Target switch
            {
                IAnonymousFunctionOperation lambda => AlwaysReturnsTrue(lambda.Symbol, lambda.Syntax),
                IMethodReferenceOperation method => AlwaysReturnsTrue(method.Method, null),
                _ => false,
            };
            if (alwaysTrue)
            {
                context.Report(Descriptors.CertificateValidationDisabled, creation.Target.Syntax.GetLocation(), Destination(creation) + " returning true");
            }
        }

        private bool TakesPolicyErrors(IMethodSymbol invoke)
        {
            foreach (var parameter in invoke.Parameters)
            {
                if (SymbolEqualityComparer.Default.Equals(parameter.Type, _sslPolicyErrors))
                {
                    return true;
                }
            }

            return false;
        }

        private static string Destination(IDelegateCreationOperation creation)
        {
            var parent = creation.Parent;
            while (parent is IConversionOperation)
            {
                parent = parent.Parent;
            }

            return parent switch
            {
                IAssignmentOperation { Target: IPropertyReferenceOperation property } => property.Property.Name,
                IAssignmentOperation { Target: IEventReferenceOperation @event } => @event.Event.Name,
                IArgumentOperation { Parameter: { } parameter } => parameter.Name,
                _ => creation.Type!.Name,
            };
        }

        private static bool AlwaysReturnsTrue(IMethodSymbol method, SyntaxNode? lambdaSyntax)
        {
            SyntaxNode? body = lambdaSyntax switch
            {
                AnonymousFunctionExpressionSyntax anonymous => (SyntaxNode?)anonymous.ExpressionBody ?? anonymous.Block,
                _ => null,
            };

            if (body is null)
            {
                if (method.DeclaringSyntaxReferences.Length != 1)
                {
                    return false;
                }

                body = method.DeclaringSyntaxReferences[0].GetSyntax() switch
                {
                    MethodDeclarationSyntax declaration => (SyntaxNode?)declaration.ExpressionBody?.Expression ?? declaration.Body,
                    LocalFunctionStatementSyntax local => (SyntaxNode?)local.ExpressionBody?.Expression ?? local.Body,
                    _ => null,
                };
            }

            return body switch
            {
                BlockSyntax block => AllReturnsTrue(block),
                ExpressionSyntax expression => IsTrue(expression),
                _ => false,
            };
        }

        private static bool AllReturnsTrue(BlockSyntax block)
        {
            var returns = 0;
            foreach (var node in block.DescendantNodes(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is ReturnStatementSyntax statement)
                {
                    if (statement.Expression is null || !IsTrue(statement.Expression))
                    {
                        return false;
                    }

                    returns++;
                }
            }

            return returns > 0;
        }

        private static bool IsTrue(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression.IsKind(SyntaxKind.TrueLiteralExpression);
        }
    }
}

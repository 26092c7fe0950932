using System.Collections.Immutable;
using System.Threading;
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
/// CG4014: <c>UseDeveloperExceptionPage()</c> that no development check guards. Guarded means one of: an enclosing
/// <c>if</c> (or <c>?:</c>) whose condition calls <c>IsDevelopment()</c> or <c>IsEnvironment("Development")</c> and the
/// call sits in the branch taken in development (<c>if (env.IsDevelopment())</c>, <c>if (!env.IsDevelopment()) {…} else
/// {call}</c>, <c>&amp;&amp;</c>-combined conditions); an earlier statement of an enclosing block
/// <c>if (!env.IsDevelopment()) return;</c> (or <c>throw</c>); or an enclosing <c>#if DEBUG</c> region.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeveloperExceptionPageAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DebugModeEnabled);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static readonly IdentifierNames UseDeveloperExceptionPage = IdentifierNames.Of("UseDeveloperExceptionPage");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var guards = context.Compilation.State(static compilation =>
            compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.DeveloperExceptionPageExtensions") is { } extensions
                ? new Guards(
                    extensions,
                    compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.HostEnvironmentEnvExtensions"),
                    compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Hosting.HostingEnvironmentExtensions"))
                : null);
        context.RegisterOperationActionAt(
            guards,
            UseDeveloperExceptionPage,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (guards, operation) => guards.AnalyzeInvocation(operation));
    }

    private sealed class Guards
    {
        private readonly INamedTypeSymbol _extensions;
        private readonly INamedTypeSymbol? _hostExtensions;
        private readonly INamedTypeSymbol? _legacyHostExtensions;

        public Guards(INamedTypeSymbol extensions, INamedTypeSymbol? hostExtensions, INamedTypeSymbol? legacyHostExtensions)
        {
            _extensions = extensions;
            _hostExtensions = hostExtensions;
            _legacyHostExtensions = legacyHostExtensions;
        }

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (invocation.TargetMethod.Name != "UseDeveloperExceptionPage" || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, _extensions))
            {
                return;
            }

            if (IsGuarded(invocation) || InDebugRegion(invocation.Syntax, context.CancellationToken))
            {
                return;
            }

            var syntax = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                ? Location.Create(call.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(access.Name.SpanStart, call.Span.End))
                : invocation.Syntax.GetLocation();
            context.Report(Descriptors.DebugModeEnabled, syntax, "UseDeveloperExceptionPage()");
        }

        private bool IsGuarded(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when child != conditional.Condition:
                        var inTrueBranch = child == conditional.WhenTrue;
                        if (ChecksDevelopment(conditional.Condition, expectTrue: inTrueBranch))
                        {
                            return true;
                        }

                        break;
                    case IBlockOperation block:
                        foreach (var statement in block.Operations)
                        {
                            if (statement == child)
                            {
                                break;
                            }

                            if (statement is IConditionalOperation { WhenFalse: null } early && ExitsAlways(early.WhenTrue) && ChecksDevelopment(early.Condition, expectTrue: false))
                            {
                                return true;
                            }
                        }

                        break;
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return false;
                }
            }

            return false;
        }

        private static bool ExitsAlways(IOperation operation) =>
            operation switch
            {
                IReturnOperation or IThrowOperation => true,
                IExpressionStatementOperation { Operation: IThrowOperation } => true,
                IBlockOperation { Operations.Length: > 0 } block => ExitsAlways(block.Operations[block.Operations.Length - 1]),
                _ => false,
            };

        /// <summary>Whether <paramref name="condition"/> being <paramref name="expectTrue"/> implies a development environment.</summary>
        private bool ChecksDevelopment(IOperation condition, bool expectTrue)
        {
            condition = SymbolFacts.Unwrap(condition);
            switch (condition)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return ChecksDevelopment(not.Operand, !expectTrue);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } both when expectTrue:
                    return ChecksDevelopment(both.LeftOperand, true) || ChecksDevelopment(both.RightOperand, true);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } either when !expectTrue:
                    return ChecksDevelopment(either.LeftOperand, false) || ChecksDevelopment(either.RightOperand, false);
                case IInvocationOperation invocation when expectTrue:
                    return IsDevelopmentCheck(invocation);
                default:
                    return false;
            }
        }

        private bool IsDevelopmentCheck(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            if (!SymbolFacts.IsType(type, _hostExtensions) && !SymbolFacts.IsType(type, _legacyHostExtensions))
            {
                return false;
            }

            return method.Name == "IsDevelopment"
                || (method.Name == "IsEnvironment" && invocation.Arguments.Length == 2
                    && invocation.Arguments[1].Value.ConstantValue.Value is string name
                    && string.Equals(name, "Development", System.StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Inside <c>#if DEBUG</c> (not <c>#if !DEBUG</c>) the call does not exist in release builds.</summary>
        private static bool InDebugRegion(SyntaxNode node, CancellationToken cancellationToken)
        {
            var root = node.SyntaxTree.GetRoot(cancellationToken);
            if (!root.ContainsDirectives)
            {
                return false;
            }

            var depthOfDebug = -1;
            var depth = 0;
            for (var directive = root.GetFirstDirective(); directive is not null && directive.SpanStart < node.SpanStart; directive = directive.GetNextDirective())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (directive)
                {
                    case IfDirectiveTriviaSyntax ifDirective:
                        depth++;
                        if (depthOfDebug < 0 && ifDirective.Condition is IdentifierNameSyntax { Identifier.ValueText: "DEBUG" })
                        {
                            depthOfDebug = depth;
                        }

                        break;
                    case ElifDirectiveTriviaSyntax or ElseDirectiveTriviaSyntax when depth == depthOfDebug:
                        depthOfDebug = -1;
                        break;
                    case EndIfDirectiveTriviaSyntax:
                        if (depth == depthOfDebug)
                        {
                            depthOfDebug = -1;
                        }

                        depth--;
                        break;
                }
            }

            return depthOfDebug > 0;
        }
    }
}

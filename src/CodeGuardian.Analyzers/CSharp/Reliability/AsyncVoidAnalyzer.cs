using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>
/// CG3003: <c>async void</c> methods and local functions, and async lambdas/anonymous methods converted to a
/// void-returning delegate type such as <c>Action</c>. Event handlers are the intended use of async void and
/// stay silent: methods shaped <c>(object sender, XxxEventArgs e)</c>, lambdas converted to such a delegate,
/// and lambdas subscribed to an event with <c>+=</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AsyncVoidAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.AsyncVoid);

    private static readonly IdentifierNames AsyncModifier = IdentifierNames.Of("async");

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // EventArgs may be absent (exotic core libraries); the name-based check still covers event handlers.
            var eventArgs = start.Compilation.State(static compilation => new StrongBox<INamedTypeSymbol?>(compilation.GetTypeByMetadataName("System.EventArgs")));
            // Only functions marked async can be async void: they are found by their async modifier.
            start.RegisterSyntaxNodeActionAt(eventArgs, AsyncModifier, static token => token.Parent, static (eventArgs, context) => Analyze(context, eventArgs.Value));
        });
    }

    private static void Analyze(FoundNodeContext context, INamedTypeSymbol? eventArgs)
    {
        if (context.Node is AnonymousFunctionExpressionSyntax)
        {
            AnalyzeAnonymousFunction(context, eventArgs);
        }
        else
        {
            AnalyzeDeclaration(context, eventArgs);
        }
    }

    private static void AnalyzeDeclaration(FoundNodeContext context, INamedTypeSymbol? eventArgs)
    {
        SyntaxTokenList modifiers;
        TypeSyntax returnType;
        SyntaxToken identifier;
        string kind;
        switch (context.Node)
        {
            case MethodDeclarationSyntax method:
                (modifiers, returnType, identifier, kind) = (method.Modifiers, method.ReturnType, method.Identifier, "Method");
                break;
            case LocalFunctionStatementSyntax local:
                (modifiers, returnType, identifier, kind) = (local.Modifiers, local.ReturnType, local.Identifier, "Local function");
                break;
            default:
                return;
        }

        if (!modifiers.Any(SyntaxKind.AsyncKeyword) || returnType is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } || identifier.IsMissing)
        {
            return;
        }

        if (context.SemanticModel.GetDeclaredSymbol(context.Node, context.CancellationToken) is IMethodSymbol symbol
            && IsEventHandlerShape(symbol, eventArgs))
        {
            return;
        }

        context.Report(Descriptors.AsyncVoid, identifier.GetLocation(), kind + " '" + identifier.ValueText + "'");
    }

    private static void AnalyzeAnonymousFunction(FoundNodeContext context, INamedTypeSymbol? eventArgs)
    {
        var function = (AnonymousFunctionExpressionSyntax)context.Node;
        if (!function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword))
        {
            return;
        }

        var model = context.SemanticModel;
        if (model.GetTypeInfo(function, context.CancellationToken).ConvertedType is not INamedTypeSymbol { DelegateInvokeMethod: { ReturnsVoid: true } invoke } delegateType
            || IsEventHandlerShape(invoke, eventArgs)
            || IsEventSubscription(function, model, context))
        {
            return;
        }

        var end = function switch
        {
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ArrowToken.Span.End,
            SimpleLambdaExpressionSyntax simple => simple.ArrowToken.Span.End,
            AnonymousMethodExpressionSyntax anonymous => anonymous.ParameterList?.Span.End ?? anonymous.DelegateKeyword.Span.End,
            _ => function.AsyncKeyword.Span.End,
        };
        var what = function is AnonymousMethodExpressionSyntax ? "Anonymous method" : "Lambda";
        context.Report(
            Descriptors.AsyncVoid,
            Location.Create(function.SyntaxTree, TextSpan.FromBounds(function.SpanStart, end)),
            what + " converted to '" + delegateType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) + "'");
    }

    /// <summary><c>(object sender, XxxEventArgs e)</c>: the one shape async void is meant for.</summary>
    internal static bool IsEventHandlerShape(IMethodSymbol method, INamedTypeSymbol? eventArgs)
    {
        if (method.Parameters.Length != 2 || method.Parameters[0].Type.SpecialType != SpecialType.System_Object)
        {
            return false;
        }

        var second = method.Parameters[1].Type;
        if (second.Name.EndsWith("EventArgs", System.StringComparison.Ordinal))
        {
            return true;
        }

        for (var type = second as INamedTypeSymbol; type is not null && eventArgs is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, eventArgs))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>x.Event += async () => …</c>: the handler of an event, whatever the delegate type.</summary>
    private static bool IsEventSubscription(SyntaxNode function, SemanticModel model, FoundNodeContext context)
    {
        var node = function.Parent;
        while (node is ParenthesizedExpressionSyntax or CastExpressionSyntax)
        {
            node = node.Parent;
        }

        return node is AssignmentExpressionSyntax assignment
            && (assignment.IsKind(SyntaxKind.AddAssignmentExpression) || assignment.IsKind(SyntaxKind.SubtractAssignmentExpression))
            && model.GetSymbolInfo(assignment.Left, context.CancellationToken).Symbol is IEventSymbol;
    }
}

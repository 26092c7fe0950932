using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Reliability;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace CodeGuardian.CodeFixes.Reliability;

/// <summary>
/// CG3003: <c>async void</c> → <c>async Task</c> for methods and local functions (adding
/// <c>using System.Threading.Tasks;</c> when needed). Not offered where the signature is dictated from outside
/// or the change would break callers: overrides, virtual/abstract/partial/extern methods, interface
/// implementations, methods used as a method group (e.g. assigned to an <c>Action</c>) and methods called as a
/// statement from async code (the call would then warn CS4014). Lambdas are not
/// rewritten: their delegate type decides the return type.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AsyncVoidCodeFixProvider))]
[Shared]
public sealed class AsyncVoidCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = RuleIdentifiers.AsyncVoid + ".ReturnTask";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.AsyncVoid);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var token = root.FindToken(diagnostic.Location.SourceSpan.Start);
            var declaration = token.Parent;
            if (declaration is not (MethodDeclarationSyntax or LocalFunctionStatementSyntax)
                || ReturnTypeOf(declaration) is not PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword } voidType
                || model.GetDeclaredSymbol(declaration, context.CancellationToken) is not IMethodSymbol method
                || !CanChangeSignature(declaration, method)
                || await HasReferenceThatNeedsVoidAsync(document.Project.Solution, method, context.CancellationToken).ConfigureAwait(false)
                || TaskTypeReference.At(model, voidType.SpanStart) is not { } taskType)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Return Task instead of void",
                    cancellationToken => ReplaceReturnTypeAsync(document, voidType, taskType, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    private static TypeSyntax? ReturnTypeOf(SyntaxNode declaration) => declaration switch
    {
        MethodDeclarationSyntax method => method.ReturnType,
        LocalFunctionStatementSyntax local => local.ReturnType,
        _ => null,
    };

    private static bool CanChangeSignature(SyntaxNode declaration, IMethodSymbol method)
    {
        if (declaration is MethodDeclarationSyntax syntax)
        {
            if (syntax.ExplicitInterfaceSpecifier is not null)
            {
                return false;
            }

            foreach (var modifier in syntax.Modifiers)
            {
                if (modifier.Kind() is SyntaxKind.OverrideKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.AbstractKeyword
                    or SyntaxKind.PartialKeyword or SyntaxKind.ExternKeyword)
                {
                    return false;
                }
            }
        }

        var containingType = method.ContainingType;
        if (containingType is null || method.MethodKind == MethodKind.LocalFunction)
        {
            return true;
        }

        foreach (var @interface in containingType.AllInterfaces)
        {
            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(containingType.FindImplementationForInterfaceMember(member), method))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// A reference that is not the target of a call (<c>Action a = M;</c>, <c>x.Event += M;</c>) needs a void method;
    /// a call statement inside async code would start warning CS4014 once the method returns a Task.
    /// </summary>
    private static async Task<bool> HasReferenceThatNeedsVoidAsync(Solution solution, IMethodSymbol method, CancellationToken cancellationToken)
    {
        var references = await SymbolFinder.FindReferencesAsync(method, solution, cancellationToken).ConfigureAwait(false);
        foreach (var reference in references)
        {
            foreach (var location in reference.Locations)
            {
                var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                var node = root?.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                if (node is null)
                {
                    continue;
                }

                var callee = node.Parent is MemberAccessExpressionSyntax memberAccess && memberAccess.Name == node ? memberAccess : node;
                if (callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee)
                {
                    // An un-awaited Task call inside async code raises CS4014, which breaks warnings-as-errors builds.
                    if (invocation.Parent is ExpressionStatementSyntax && AsyncContext.IsAsync(AsyncContext.EnclosingFunction(invocation), cancellationToken))
                    {
                        return true;
                    }
                }
                else if (!IsInsideNameOf(callee))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsInsideNameOf(SyntaxNode node) =>
        node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } } };

    private static async Task<Document> ReplaceReturnTypeAsync(Document document, TypeSyntax voidType, TaskTypeReference taskType, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit)
        {
            return document;
        }

        var newType = taskType.Type.WithTriviaFrom(voidType);
        unit = unit.ReplaceNode(voidType, newType);
        if (taskType.NeedsUsing)
        {
            unit = TaskTypeReference.AddUsing(unit);
        }

        return document.WithSyntaxRoot(unit);
    }
}

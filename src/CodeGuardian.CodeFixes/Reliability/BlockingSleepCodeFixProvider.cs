using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.CodeFixes.Reliability;

/// <summary>
/// CG3005: <c>Thread.Sleep(x)</c> → <c>await Task.Delay(x)</c> (milliseconds or a TimeSpan), passing the one
/// <c>CancellationToken</c> parameter or local in scope when there is exactly one. Offered only when the sleep is
/// a whole statement or an expression body, where <c>await</c> is allowed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingSleepCodeFixProvider))]
[Shared]
public sealed class BlockingSleepCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = RuleIdentifiers.BlockingSleepInAsync + ".TaskDelay";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingSleepInAsync);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InvocationExpressionSyntax sleep
                || sleep.ArgumentList.Arguments.Count != 1
                || sleep.Parent is not (ExpressionStatementSyntax or ArrowExpressionClauseSyntax or AnonymousFunctionExpressionSyntax)
                || !AwaitPlacement.CanAwaitAt(sleep)
                || !HasDelayOverload(model.Compilation, sleep, model, context.CancellationToken)
                || TaskTypeReference.At(model, sleep.SpanStart) is not { } taskType)
            {
                continue;
            }

            var token = SingleCancellationTokenInScope(model, sleep.SpanStart, context.CancellationToken);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use await Task.Delay",
                    cancellationToken => ReplaceAsync(document, sleep, taskType, token, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>Task.Delay must accept the argument's type (int or TimeSpan) together with a token.</summary>
    private static bool HasDelayOverload(Compilation compilation, InvocationExpressionSyntax sleep, SemanticModel model, CancellationToken cancellationToken)
    {
        var task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        var argumentType = model.GetTypeInfo(sleep.ArgumentList.Arguments[0].Expression, cancellationToken).ConvertedType;
        if (task is null || argumentType is null)
        {
            return false;
        }

        foreach (var member in task.GetMembers("Delay"))
        {
            if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 2 } delay
                && SymbolEqualityComparer.Default.Equals(delay.Parameters[0].Type, argumentType)
                && delay.Parameters[1].Type.Name == "CancellationToken")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name of the only CancellationToken parameter or already-declared local in scope, else null.</summary>
    private static string? SingleCancellationTokenInScope(SemanticModel model, int position, CancellationToken cancellationToken)
    {
        var tokenType = model.Compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if (tokenType is null)
        {
            return null;
        }

        string? found = null;
        foreach (var symbol in model.LookupSymbols(position))
        {
            cancellationToken.ThrowIfCancellationRequested();
            ITypeSymbol? type = symbol switch
            {
                IParameterSymbol parameter => parameter.Type,
                ILocalSymbol local when DeclaredBefore(local, position) => local.Type,
                _ => null,
            };
            if (type is null || !SymbolEqualityComparer.Default.Equals(type, tokenType))
            {
                continue;
            }

            if (found is not null)
            {
                return null;
            }

            found = symbol.Name;
        }

        return found;
    }

    private static bool DeclaredBefore(ILocalSymbol local, int position)
    {
        foreach (var reference in local.DeclaringSyntaxReferences)
        {
            if (reference.Span.End <= position)
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<Document> ReplaceAsync(
        Document document, InvocationExpressionSyntax sleep, TaskTypeReference taskType, string? token, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is not CompilationUnitSyntax unit)
        {
            return document;
        }

        // Positional argument: Sleep's parameter names differ from Delay's.
        var delayArgument = SyntaxFactory.Argument(sleep.ArgumentList.Arguments[0].Expression.WithoutTrivia());
        var arguments = SyntaxFactory.SeparatedList(token is null
            ? new[] { delayArgument }
            : new[] { delayArgument, SyntaxFactory.Argument(SyntaxFactory.IdentifierName(token)) });
        var delay = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, taskType.Type, SyntaxFactory.IdentifierName("Delay")),
            SyntaxFactory.ArgumentList(arguments).NormalizeWhitespace());
        var awaitDelay = AwaitPlacement.AwaitReplacing(sleep, delay);

        unit = unit.ReplaceNode(sleep, awaitDelay);
        if (taskType.NeedsUsing)
        {
            unit = TaskTypeReference.AddUsing(unit);
        }

        return document.WithSyntaxRoot(unit);
    }
}

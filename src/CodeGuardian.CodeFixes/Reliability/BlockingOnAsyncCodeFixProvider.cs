using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.CodeFixes.Reliability;

/// <summary>
/// CG3004: <c>t.Result</c>, <c>t.Wait()</c> and <c>t.GetAwaiter().GetResult()</c> → <c>await t</c>, in parentheses
/// when something follows (<c>(await t).Length</c>). Offered only inside async code where <c>await</c> is allowed,
/// and not for <c>Wait(timeout)</c>, whose timeout would be lost.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingOnAsyncCodeFixProvider))]
[Shared]
public sealed class BlockingOnAsyncCodeFixProvider : CodeFixProvider
{
    private const string EquivalenceKey = RuleIdentifiers.BlockingOnAsync + ".Await";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.BlockingOnAsync);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax blocking
                || AwaitedTask(blocking) is not { } task
                || !AwaitPlacement.CanAwaitAt(blocking))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Await the task instead of blocking",
                    cancellationToken => ReplaceAsync(context.Document, blocking, task, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }
    }

    /// <summary>The task inside a blocking expression reported by the analyzer, or null when it cannot be awaited as is.</summary>
    private static ExpressionSyntax? AwaitedTask(ExpressionSyntax blocking) => blocking switch
    {
        MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Result" } result => result.Expression,
        InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Wait" } wait, ArgumentList.Arguments.Count: 0 } => wait.Expression,
        InvocationExpressionSyntax
        {
            Expression: MemberAccessExpressionSyntax
            {
                Name.Identifier.ValueText: "GetResult",
                Expression: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter },
            },
        } => getAwaiter.Expression,
        _ => null,
    };

    private static async Task<Document> ReplaceAsync(Document document, ExpressionSyntax blocking, ExpressionSyntax task, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        return document.WithSyntaxRoot(root.ReplaceNode(blocking, AwaitPlacement.AwaitReplacing(blocking, task)));
    }
}

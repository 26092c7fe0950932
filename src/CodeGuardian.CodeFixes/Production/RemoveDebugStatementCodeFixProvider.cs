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
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.CodeFixes.Production;

/// <summary>
/// CG2001 and CG2002: removes the statement that writes debug output or breaks into the debugger. Offered only
/// when the call is a whole statement of a block, switch section or the top-level program (not an embedded
/// <c>if (x) Console.WriteLine();</c>), and only when its arguments have no side effects (calls, assignments,
/// increments, awaits) that removing it would lose.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RemoveDebugStatementCodeFixProvider))]
[Shared]
public sealed class RemoveDebugStatementCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIdentifiers.DebugOutput, RuleIdentifiers.DebuggerBreak);

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
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>();
            if (invocation is null || HasSideEffects(invocation.ArgumentList))
            {
                continue;
            }

            var removable = RemovableStatement(invocation);
            if (removable is null)
            {
                continue;
            }

            var title = diagnostic.Id == RuleIdentifiers.DebuggerBreak ? "Remove the debugger break" : "Remove the debug output";
            context.RegisterCodeFix(
                CodeAction.Create(
                    title,
                    cancellationToken => RemoveAsync(context.Document, removable, cancellationToken),
                    equivalenceKey: diagnostic.Id + ".RemoveStatement"),
                diagnostic);
        }
    }

    /// <summary>The statement to remove (a global statement for top-level code), or null when removal would not compile.</summary>
    private static SyntaxNode? RemovableStatement(InvocationExpressionSyntax invocation)
    {
        SyntaxNode expression = invocation;
        if (expression.Parent is AwaitExpressionSyntax awaitExpression)
        {
            expression = awaitExpression;
        }

        if (expression.Parent is not ExpressionStatementSyntax statement)
        {
            return null;
        }

        switch (statement.Parent)
        {
            case BlockSyntax:
                return statement;
            case SwitchSectionSyntax section:
                return section.Statements.Count > 1 ? statement : null;
            case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                // The program must keep at least one top-level statement.
                foreach (var member in unit.Members)
                {
                    if (member != global && member is GlobalStatementSyntax { Statement: not LocalFunctionStatementSyntax })
                    {
                        return global;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static bool HasSideEffects(ArgumentListSyntax arguments)
    {
        foreach (var node in arguments.DescendantNodes())
        {
            switch (node.Kind())
            {
                case SyntaxKind.InvocationExpression:
                case SyntaxKind.AwaitExpression:
                case SyntaxKind.PreIncrementExpression:
                case SyntaxKind.PreDecrementExpression:
                case SyntaxKind.PostIncrementExpression:
                case SyntaxKind.PostDecrementExpression:
                    return true;
                default:
                    if (node is AssignmentExpressionSyntax)
                    {
                        return true;
                    }

                    break;
            }
        }

        return false;
    }

    private static async Task<Document> RemoveAsync(Document document, SyntaxNode statement, CancellationToken cancellationToken)
    {
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(RemovalSpan(text, statement.Span), string.Empty)));
    }

    /// <summary>
    /// The statement's whole line(s) when it stands alone on them, so no blank line is left; otherwise the
    /// statement and the blanks after it (<c>{ Console.WriteLine(); }</c> → <c>{ }</c>). Comments and directives on
    /// other lines stay untouched.
    /// </summary>
    private static TextSpan RemovalSpan(SourceText text, TextSpan statement)
    {
        var startLine = text.Lines.GetLineFromPosition(statement.Start);
        var endLine = text.Lines.GetLineFromPosition(statement.End);
        var aloneBefore = IsBlank(text, startLine.Start, statement.Start);
        var aloneAfter = IsBlank(text, statement.End, endLine.End);
        if (aloneBefore && aloneAfter)
        {
            return TextSpan.FromBounds(startLine.Start, endLine.EndIncludingLineBreak);
        }

        var end = statement.End;
        while (end < endLine.End && (text[end] == ' ' || text[end] == '\t'))
        {
            end++;
        }

        return TextSpan.FromBounds(statement.Start, end);
    }

    private static bool IsBlank(SourceText text, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}

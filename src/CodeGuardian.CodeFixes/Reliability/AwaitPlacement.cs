using CodeGuardian.Analyzers.CSharp.Reliability;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.CodeFixes.Reliability;

/// <summary>Where an <c>await</c> may replace a blocking call, and how to write it so it binds the same way.</summary>
internal static class AwaitPlacement
{
    /// <summary>
    /// True when <paramref name="node"/> is in an async function and in none of the places where the compiler
    /// rejects <c>await</c>: a <c>lock</c> body, a catch filter, an <c>unsafe</c> block or a query clause.
    /// </summary>
    public static bool CanAwaitAt(SyntaxNode node)
    {
        var function = AsyncContext.EnclosingFunction(node);
        if (!AsyncContext.IsAsync(function, System.Threading.CancellationToken.None))
        {
            return false;
        }

        for (var current = node.Parent; current is not null && current != function; current = current.Parent)
        {
            if (current is LockStatementSyntax or CatchFilterClauseSyntax or UnsafeStatementSyntax or QueryClauseSyntax or SelectOrGroupClauseSyntax
                or QueryContinuationSyntax)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary><c>await x</c>, in parentheses where a postfix operator follows (<c>(await t).Length</c>).</summary>
    public static ExpressionSyntax AwaitReplacing(ExpressionSyntax replaced, ExpressionSyntax awaited)
    {
        var awaitExpression = SyntaxFactory.AwaitExpression(
            SyntaxFactory.Token(SyntaxKind.AwaitKeyword).WithTrailingTrivia(SyntaxFactory.Space),
            awaited.WithoutTrivia());
        ExpressionSyntax result = NeedsParentheses(replaced)
            ? SyntaxFactory.ParenthesizedExpression(awaitExpression)
            : awaitExpression;
        return result.WithTriviaFrom(replaced);
    }

    private static bool NeedsParentheses(ExpressionSyntax replaced) => replaced.Parent switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Expression == replaced,
        ConditionalAccessExpressionSyntax conditional => conditional.Expression == replaced,
        ElementAccessExpressionSyntax elementAccess => elementAccess.Expression == replaced,
        InvocationExpressionSyntax invocation => invocation.Expression == replaced,
        PostfixUnaryExpressionSyntax => true,
        _ => false,
    };
}

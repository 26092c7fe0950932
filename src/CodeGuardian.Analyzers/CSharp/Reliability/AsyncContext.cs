using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>
/// Answers "which function body is this code in, and is it async" from syntax alone: the nearest method,
/// local function, lambda, anonymous method, accessor, constructor or operator. Top-level statements count as
/// async when they contain an <c>await</c> (the compiler then generates an async entry point).
/// </summary>
internal static class AsyncContext
{
    /// <summary>The nearest function-like ancestor, the compilation unit for top-level statements, or null.</summary>
    public static SyntaxNode? EnclosingFunction(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                case LocalFunctionStatementSyntax:
                case BaseMethodDeclarationSyntax:
                case AccessorDeclarationSyntax:
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax or IndexerDeclarationSyntax }:
                    return current;
                case GlobalStatementSyntax:
                    return current.Parent;
                case TypeDeclarationSyntax:
                case NamespaceDeclarationSyntax:
                case FileScopedNamespaceDeclarationSyntax:
                    // Field initializers, attributes and the like: no function.
                    return null;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="function"/> (from <see cref="EnclosingFunction"/>) is async.</summary>
    public static bool IsAsync(SyntaxNode? function, CancellationToken cancellationToken) => function switch
    {
        AnonymousFunctionExpressionSyntax anonymous => anonymous.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword),
        LocalFunctionStatementSyntax local => HasAsync(local.Modifiers),
        MethodDeclarationSyntax method => HasAsync(method.Modifiers),
        CompilationUnitSyntax unit => TopLevelStatementsAwait(unit, cancellationToken),
        _ => false,
    };

    /// <summary>The body of a function-like node (block or expression), for scans that must stay inside it.</summary>
    public static SyntaxNode? BodyOf(SyntaxNode? function) => function switch
    {
        AnonymousFunctionExpressionSyntax anonymous => anonymous.Body,
        LocalFunctionStatementSyntax local => (SyntaxNode?)local.Body ?? local.ExpressionBody,
        BaseMethodDeclarationSyntax method => (SyntaxNode?)method.Body ?? method.ExpressionBody,
        AccessorDeclarationSyntax accessor => (SyntaxNode?)accessor.Body ?? accessor.ExpressionBody,
        ArrowExpressionClauseSyntax arrow => arrow,
        CompilationUnitSyntax unit => unit,
        _ => null,
    };

    /// <summary>True for nodes that start a new function scope (a scan of a body skips their insides).</summary>
    public static bool IsFunctionBoundary(SyntaxNode node) =>
        node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax;

    private static bool HasAsync(SyntaxTokenList modifiers)
    {
        foreach (var modifier in modifiers)
        {
            if (modifier.IsKind(SyntaxKind.AsyncKeyword))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TopLevelStatementsAwait(CompilationUnitSyntax unit, CancellationToken cancellationToken)
    {
        // A program of top-level statements can be long: the walk checks for cancellation as it goes.
        var visited = 0;
        foreach (var member in unit.Members)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is GlobalStatementSyntax global && !global.Statement.IsKind(SyntaxKind.LocalFunctionStatement))
            {
                foreach (var descendant in global.DescendantNodes(static n => !IsFunctionBoundary(n)))
                {
                    if ((++visited & 1023) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    if (descendant.IsKind(SyntaxKind.AwaitExpression)
                        || (descendant is ForEachStatementSyntax forEach && forEach.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                        || (descendant is UsingStatementSyntax usingStatement && usingStatement.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword))
                        || (descendant is LocalDeclarationStatementSyntax declaration && declaration.AwaitKeyword.IsKind(SyntaxKind.AwaitKeyword)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>
/// CG3001: a <c>catch</c> whose block has no statements (comments do not count). A block left empty on purpose
/// behind an exception filter that calls something (<c>when (Log(ex))</c>, the log-and-continue idiom) is not
/// swallowing: the filter handles the exception.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SwallowedExceptionAnalyzer : DiagnosticAnalyzer
{
    private const string Construct = "an empty catch block";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SwallowedException);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.CatchClause);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var catchClause = (CatchClauseSyntax)context.Node;
        var block = catchClause.Block;
        if (!IsEmpty(block) || block.OpenBraceToken.IsMissing || block.CloseBraceToken.IsMissing)
        {
            return;
        }

        if (catchClause.Filter is { } filter && ContainsCall(filter.FilterExpression))
        {
            return;
        }

        context.Report(Descriptors.SwallowedException, Location.Create(catchClause.SyntaxTree, HeaderSpan(catchClause)), Construct);
    }

    /// <summary>No statements, or only empty ones (<c>catch { ; }</c>); comments never count.</summary>
    internal static bool IsEmpty(BlockSyntax block)
    {
        foreach (var statement in block.Statements)
        {
            if (!statement.IsKind(SyntaxKind.EmptyStatement))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>From <c>catch</c> to the end of the declaration, or the keyword alone for a bare catch.</summary>
    internal static TextSpan HeaderSpan(CatchClauseSyntax catchClause) =>
        TextSpan.FromBounds(
            catchClause.CatchKeyword.SpanStart,
            catchClause.Declaration is { } declaration ? declaration.Span.End : catchClause.CatchKeyword.Span.End);

    private static bool ContainsCall(ExpressionSyntax expression)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            if (node.IsKind(SyntaxKind.InvocationExpression))
            {
                return true;
            }
        }

        return false;
    }
}

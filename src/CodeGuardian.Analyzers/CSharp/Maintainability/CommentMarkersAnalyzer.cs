using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using static System.MemoryExtensions;

namespace CodeGuardian.Analyzers.CSharp.Maintainability;

/// <summary>
/// CG1001–CG1004, CG1006, CG1007 in C#: reads comment trivia only (syntax, no semantic model), and markdown
/// fence lines that stand in code rather than in a comment or string.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommentMarkersAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.TodoComment,
        Descriptors.FixmeComment,
        Descriptors.HackComment,
        Descriptors.BugComment,
        Descriptors.ElidedCode,
        Descriptors.AiAssistantArtifact);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var tree = context.Tree;
        var root = tree.GetRoot(context.CancellationToken);
        var text = tree.GetText(context.CancellationToken);
        var settings = CommentScanSettings.From(RuleOptions.For(context.Options, tree));
        var findings = new List<CommentFinding>();
        var buffer = ArrayPool<char>.Shared.Rent(256);
        try
        {
            HashSet<int>? fenceLines = null;
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
                {
                    CheckFence(trivia, text, fenceLines ??= new HashSet<int>(), findings);
                    continue;
                }

                if (!IsComment(trivia))
                {
                    continue;
                }

                var span = trivia.Span;
                if (buffer.Length < span.Length)
                {
                    ArrayPool<char>.Shared.Return(buffer);
                    buffer = ArrayPool<char>.Shared.Rent(span.Length);
                }

                text.CopyTo(span.Start, buffer, 0, span.Length);
                CommentScanner.Scan(new System.ReadOnlySpan<char>(buffer, 0, span.Length), span.Start, settings, findings);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        foreach (var finding in findings)
        {
            var location = Location.Create(tree, new TextSpan(finding.Start, finding.Length));
            if (DiagnosticFactory.Create(finding.Descriptor, location, context.Options, finding.Excerpt) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia
        or SyntaxKind.MultiLineCommentTrivia;

    /// <summary>
    /// A backtick is not C#: the parser keeps it as skipped-token trivia. Only those lines are checked for a fence,
    /// so the common case costs nothing beyond the trivia walk.
    /// </summary>
    private static void CheckFence(SyntaxTrivia trivia, SourceText text, HashSet<int> seenLines, List<CommentFinding> findings)
    {
        var line = text.Lines.GetLineFromPosition(trivia.SpanStart);
        if (!seenLines.Add(line.LineNumber))
        {
            return;
        }

        var lineText = text.ToString(line.Span);
        var at = MarkdownFence.FindNext(lineText.AsSpan(), 0, out var length);
        if (at >= 0)
        {
            findings.Add(new CommentFinding(Descriptors.AiAssistantArtifact, line.Start + at, length, lineText.Substring(at, length)));
        }
    }
}

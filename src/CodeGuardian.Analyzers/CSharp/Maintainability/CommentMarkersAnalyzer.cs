using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Performance;
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
    /// <summary>What ends a single-line comment in C#.</summary>
    private const string LineBreaks = "\r\n\u0085\u2028\u2029";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.TodoComment,
        Descriptors.FixmeComment,
        Descriptors.HackComment,
        Descriptors.BugComment,
        Descriptors.ElidedCode,
        Descriptors.AiAssistantArtifact);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is recognized here (GeneratedCode), not by the driver: the driver's check walks the whole
        // tree of every file this analyzer reports in, and TODOs are in many files.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var tree = context.Tree;
        var cancellationToken = context.CancellationToken;
        if (GeneratedCode.IsGeneratedFile(tree, context.Options, cancellationToken))
        {
            return;
        }

        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken);
        var settings = CommentScanSettings.From(RuleOptions.For(context.Options, tree));
        var findings = new List<CommentFinding>();
        using (var copy = new RentedText(text))
        {
            ScanComments(root, copy.Chars, settings, findings, cancellationToken);
            if (root.ContainsSkippedText)
            {
                ScanFences(root, text, copy.Chars, findings, cancellationToken);
            }
        }

        foreach (var finding in findings)
        {
            if (GeneratedCode.IsInGeneratedDeclaration(root, finding.Start))
            {
                continue;
            }

            var location = Location.Create(tree, new TextSpan(finding.Start, finding.Length));
            if (DiagnosticFactory.Create(finding.Descriptor, location, context.Options, finding.Excerpt) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }

    /// <summary>
    /// Every comment starts with "//" or "/*", so a vectorized search of the text finds the candidates. A "//" candidate
    /// is first scanned as if it were a comment (to the end of its line); only when that finds something is the tree
    /// asked whether it really starts a comment (one descent) — most comments hold no marker, and asking the tree
    /// for every candidate cost several times more than the whole scan. Block comments (rare) and further "//" on a
    /// line already scanned go to the tree directly, so no text is scanned twice and the work stays linear; the
    /// slashes that continue a scanned "//" (documentation lines) are skipped without asking the tree.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static void ScanComments(SyntaxNode root, ReadOnlySpan<char> text, CommentScanSettings settings, List<CommentFinding> findings, CancellationToken cancellationToken)
    {
        var position = 0;
        var scannedUntil = -1;
        var candidateFindings = new List<CommentFinding>();
        while (position < text.Length - 1)
        {
            var slash = text.Slice(position).IndexOf('/');
            if (slash < 0)
            {
                return;
            }

            var at = position + slash;
            position = at + 1;
            if (at + 1 >= text.Length || (text[at + 1] != '/' && text[at + 1] != '*'))
            {
                continue;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var candidateEnd = -1;
            if (text[at + 1] == '/' && at >= scannedUntil)
            {
                var lineEnd = text.Slice(at).IndexOfAny(LineBreaks.AsSpan());
                candidateEnd = lineEnd < 0 ? text.Length : at + lineEnd;
                candidateFindings.Clear();
                CommentScanner.Scan(text.Slice(at, candidateEnd - at), at, settings, candidateFindings);
                if (candidateFindings.Count == 0)
                {
                    // The other slashes of a run ("///" documentation lines) start no comment of their own: if the
                    // first one starts a comment they are inside it, if not they are inside the same string, comment
                    // or disabled text (nothing ends with a slash that a comment could follow, apart from "*/",
                    // which is never a candidate). Skipping them spares a tree search per documentation line.
                    scannedUntil = candidateEnd;
                    position = at + 2;
                    while (position < candidateEnd && text[position] == '/')
                    {
                        position++;
                    }

                    continue;
                }
            }

            // Only directives are entered (a comment after "#endif"); documentation comments hold no comments and
            // realizing their XML structure would cost more than it tells.
            var trivia = root.FindTrivia(at, findInsideTrivia: false);
            if (trivia.IsDirective)
            {
                trivia = root.FindTrivia(at, findInsideTrivia: true);
            }

            var span = trivia.Span;
            if (span.Length == 0 || !span.Contains(at))
            {
                continue;
            }

            if (span.Start == at && IsComment(trivia))
            {
                if (span.End == candidateEnd)
                {
                    findings.AddRange(candidateFindings);
                }
                else
                {
                    CommentScanner.Scan(text.Slice(span.Start, span.Length), span.Start, settings, findings);
                }
            }

            position = Math.Max(position, span.End);
        }
    }

    private static bool IsComment(SyntaxTrivia trivia) => trivia.Kind() is SyntaxKind.SingleLineCommentTrivia
        or SyntaxKind.MultiLineCommentTrivia;

    /// <summary>
    /// A backtick is not C#: outside strings and comments the parser keeps it as skipped-token trivia. The backticks
    /// are found by a text search and the tree is asked only at those (walking all trivia of the many files that have
    /// some skipped text, e.g. in disabled regions, cost more than the comment scan).
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    private static void ScanFences(SyntaxNode root, SourceText text, ReadOnlySpan<char> chars, List<CommentFinding> findings, CancellationToken cancellationToken)
    {
        HashSet<int>? fenceLines = null;
        var position = 0;
        while (position < chars.Length)
        {
            var offset = chars.Slice(position).IndexOf('`');
            if (offset < 0)
            {
                return;
            }

            var next = position + offset;

            cancellationToken.ThrowIfCancellationRequested();
            var trivia = root.FindTrivia(next, findInsideTrivia: false);
            if (!trivia.IsKind(SyntaxKind.SkippedTokensTrivia) && trivia.HasStructure)
            {
                trivia = root.FindTrivia(next, findInsideTrivia: true);
            }

            if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
            {
                CheckFence(trivia, text, fenceLines ??= new HashSet<int>(), findings);
            }

            position = Math.Max(next + 1, trivia.Span.End);
        }
    }

    /// <summary>
    /// A fence line is reported once, at the fence.
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

using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
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
        var cancellationToken = context.CancellationToken;
        var root = tree.GetRoot(cancellationToken);
        var text = tree.GetText(cancellationToken);
        var settings = CommentScanSettings.From(RuleOptions.For(context.Options, tree));
        var findings = new List<CommentFinding>();
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, text.Length));
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            ScanComments(root, new ReadOnlySpan<char>(chars, 0, text.Length), settings, findings, cancellationToken);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }

        if (root.ContainsSkippedText)
        {
            HashSet<int>? fenceLines = null;
            foreach (var trivia in root.DescendantTrivia(descendIntoTrivia: true))
            {
                if (trivia.IsKind(SyntaxKind.SkippedTokensTrivia))
                {
                    CheckFence(trivia, text, fenceLines ??= new HashSet<int>(), findings);
                }
            }
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

    /// <summary>
    /// Every comment starts with "//" or "/*", so a vectorized search of the text finds the candidates and the tree is
    /// asked only about those (one descent each) — walking all trivia of the tree cost several times more. A
    /// candidate inside a string or other trivia is not a comment start and is skipped; directives are searched too.
    /// </summary>
    private static void ScanComments(SyntaxNode root, ReadOnlySpan<char> text, CommentScanSettings settings, List<CommentFinding> findings, CancellationToken cancellationToken)
    {
        var position = 0;
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

            // Only directives are entered (a comment after "#endif"); documentation comments hold no comments and
            // realizing their XML structure for every "///" line would cost more than the search saves.
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
                CommentScanner.Scan(text.Slice(span.Start, span.Length), span.Start, settings, findings);
            }

            position = Math.Max(position, span.End);
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

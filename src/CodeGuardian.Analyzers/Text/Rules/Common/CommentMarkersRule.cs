using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Common;

/// <summary>
/// CG1001–CG1004, CG1006 and CG1007 (phrases) in the comments of every text language: only Comment tokens are
/// read, so a tag inside a string or an identifier never fires.
/// </summary>
public sealed class CommentMarkersRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.TodoComment,
        Descriptors.FixmeComment,
        Descriptors.HackComment,
        Descriptors.BugComment,
        Descriptors.ElidedCode,
        Descriptors.AiAssistantArtifact);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Sql or TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        var file = context.File;
        var settings = CommentScanSettings.From(context.Options);
        List<CommentFinding>? findings = null;
        var comments = TokenKinds.For(file).Comments;
        for (var c = 0; c < comments.Length; c++)
        {
            ref readonly var token = ref file.Tokens[comments[c]];
            if ((c & 255) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            // The thread's spare list, taken at the first comment and given back after the last.
            findings ??= ThreadSpare<List<CommentFinding>>.Take() ?? new List<CommentFinding>();
            findings.Clear();
            CommentScanner.Scan(file.TextOf(token), token.Start, settings, findings);
            foreach (var finding in findings)
            {
                context.Report(finding.Descriptor, finding.Start, finding.Length, finding.Excerpt);
            }
        }

        if (findings is not null)
        {
            findings.Clear();
            ThreadSpare<List<CommentFinding>>.Give(findings);
        }
    }
}

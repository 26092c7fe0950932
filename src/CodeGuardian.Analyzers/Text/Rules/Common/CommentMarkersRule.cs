using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Comments;
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
        var tokens = file.Tokens.AsSpan();
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind != TokenKind.Comment)
            {
                continue;
            }

            if ((i & 255) == 0)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            findings ??= new List<CommentFinding>();
            findings.Clear();
            CommentScanner.Scan(file.TextOf(token), token.Start, settings, findings);
            foreach (var finding in findings)
            {
                context.Report(finding.Descriptor, finding.Start, finding.Length, finding.Excerpt);
            }
        }
    }
}

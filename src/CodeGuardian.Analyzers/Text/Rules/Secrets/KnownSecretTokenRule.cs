using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4008 for every text file (the four languages, configuration files and manifests): the whole text — code,
/// comments, strings, values — goes through the <see cref="SecretScanner"/>; each finding is reported on the exact
/// value with its redacted description and confidence. Test files are scanned too: a live token is a leak anywhere.
/// </summary>
public sealed class KnownSecretTokenRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KnownSecretToken);

    public override bool AppliesTo(TextLanguage language) => language != TextLanguage.Unknown;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.KnownSecretToken))
        {
            return;
        }

        // Most files have no finding: the list is the thread's spare, not one more allocation per file.
        var findings = ThreadSpare<List<SecretFinding>>.Take() ?? new List<SecretFinding>();
        SecretScanner.Scan(context.File.Text, SecretDiagnostics.AllowlistFor(context.Options), findings);
        foreach (var finding in findings)
        {
            context.ReportWithProperties(Descriptors.KnownSecretToken, finding.Start, finding.Length, SecretDiagnostics.PropertiesOf(finding), finding.Kind, finding.Description, finding.ConfidenceText);
        }

        findings.Clear();
        ThreadSpare<List<SecretFinding>>.Give(findings);
    }
}

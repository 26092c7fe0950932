using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>CG5002 in JS/TS, Python and Rust: <c>SELECT *</c> inside string literals that hold SQL.</summary>
public sealed class SelectStarInStringLiteralRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SelectStar);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.SelectStar))
        {
            return;
        }

        var matches = SqlStringLiteralScanner.FindSelectStar(context);
        if (matches is null)
        {
            return;
        }

        foreach (var match in matches)
        {
            context.Report(Descriptors.SelectStar, match.Start, match.Length);
        }
    }
}

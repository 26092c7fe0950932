using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>CG5003 in JS/TS, Python and Rust: UPDATE/DELETE without WHERE inside string literals that hold SQL.</summary>
public sealed class UpdateDeleteWithoutWhereInStringLiteralRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UpdateDeleteWithoutWhere);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UpdateDeleteWithoutWhere))
        {
            return;
        }

        var matches = SqlStringLiteralScanner.FindUnfilteredWrites(context);
        if (matches is null)
        {
            return;
        }

        foreach (var match in matches)
        {
            context.Report(Descriptors.UpdateDeleteWithoutWhere, match.Start, match.Length, UpdateDeleteWithoutWhereRule.VerbOf(match.Kind));
        }
    }
}

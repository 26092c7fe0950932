using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>CG5002 in .sql files: <c>SELECT *</c> / <c>SELECT t.*</c> in statements, including function bodies.</summary>
public sealed class SelectStarRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SelectStar);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.SelectStar))
        {
            return;
        }

        var file = context.File;
        var matches = new List<SqlMatch>();
        SqlAnalysis.FindSelectStar(new SqlCode(file.Text, file.Tokens.AsSpan()), matches, context.CancellationToken);
        foreach (var body in SqlBodies.Of(file, context.CancellationToken))
        {
            SqlAnalysis.FindSelectStar(new SqlCode(file.Text, body), matches, context.CancellationToken);
        }

        foreach (var match in matches)
        {
            context.Report(Descriptors.SelectStar, match.Start, match.Length);
        }
    }
}

using System;
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

        var sql = SqlFile.Of(context.File, context.CancellationToken);
        List<SqlMatch>? matches = null;
        for (var unit = 0; unit < sql.Count; unit++)
        {
            // Only a unit with both a SELECT and a '*' can hold SELECT *.
            if (sql.ContainsStar(unit) && sql.Contains(unit, SqlKeyword.Select))
            {
                SqlAnalysis.FindSelectStar(sql.Code(unit), matches ??= new List<SqlMatch>(), context.CancellationToken);
            }
        }

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

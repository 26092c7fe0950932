using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>CG5003 in .sql files: UPDATE … SET … / DELETE FROM … with no WHERE of their own, including function bodies.</summary>
public sealed class UpdateDeleteWithoutWhereRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UpdateDeleteWithoutWhere);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UpdateDeleteWithoutWhere))
        {
            return;
        }

        var sql = SqlFile.Of(context.File, context.CancellationToken);
        List<SqlMatch>? matches = null;
        for (var unit = 0; unit < sql.Count; unit++)
        {
            if (sql.ContainsAny(unit, SqlKeyword.Update, SqlKeyword.Delete))
            {
                SqlAnalysis.FindUnfilteredWrites(sql.Code(unit), matches ??= new List<SqlMatch>(), context.CancellationToken);
            }
        }

        if (matches is null)
        {
            return;
        }

        foreach (var match in matches)
        {
            context.Report(Descriptors.UpdateDeleteWithoutWhere, match.Start, match.Length, VerbOf(match.Kind));
        }
    }

    internal static string VerbOf(SqlMatchKind kind) => kind == SqlMatchKind.UpdateWithoutWhere ? "UPDATE" : "DELETE";
}

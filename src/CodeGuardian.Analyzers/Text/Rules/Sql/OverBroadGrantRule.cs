using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>
/// CG4015: in GRANT statements, <c>GRANT ALL [PRIVILEGES]</c>, a grantee list containing <c>PUBLIC</c>, and
/// <c>WITH GRANT OPTION</c>. REVOKE and DENY are never reported; narrow grants to named principals are fine.
/// </summary>
public sealed class OverBroadGrantRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.OverBroadGrant);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.OverBroadGrant))
        {
            return;
        }

        var sql = SqlFile.Of(context.File, context.CancellationToken);
        List<SqlStatement>? statements = null;
        for (var unit = 0; unit < sql.Count; unit++)
        {
            // Statements are split only in code that grants something.
            if (sql.Contains(unit, SqlKeyword.Grant))
            {
                Analyze(context, sql.Code(unit), statements ??= new List<SqlStatement>());
            }
        }
    }

    private static void Analyze(TextRuleContext context, SqlCode code, List<SqlStatement> statements)
    {
        statements.Clear();
        SqlStatements.Split(code, statements, context.CancellationToken);
        foreach (var statement in statements)
        {
            if (!code.IsWord(statement.FirstToken, SqlKeyword.Grant))
            {
                continue;
            }

            var grant = statement.FirstToken;
            var next = code.Next(grant);
            if (code.IsWord(next, SqlKeyword.All))
            {
                var end = code.IsWord(code.Next(next), SqlKeyword.Privileges) ? code.Next(next) : next;
                Report(context, code, grant, end, "GRANT ALL");
            }

            var inGrantees = false;
            for (var i = next; i <= statement.LastToken && i < code.Count; i = code.Next(i))
            {
                if (code.IsWord(i, SqlKeyword.To))
                {
                    inGrantees = true;
                }
                else if (code.IsWord(i, SqlKeyword.With) && code.IsWord(code.Next(i), SqlKeyword.Grant) && code.IsWord(code.Next(code.Next(i)), SqlKeyword.Option))
                {
                    Report(context, code, i, code.Next(code.Next(i)), "WITH GRANT OPTION");
                    inGrantees = false;
                }
                else if (inGrantees && IsPublic(code, i))
                {
                    Report(context, code, i, i, "TO PUBLIC");
                }
                else if (inGrantees && !code.IsPunctuation(i, ',') && !code.IsKind(i, TokenKind.Identifier))
                {
                    inGrantees = false;
                }
            }
        }
    }

    /// <summary><c>PUBLIC</c>, <c>[public]</c> or <c>"public"</c> as a grantee.</summary>
    private static bool IsPublic(SqlCode code, int index)
    {
        if (code.IsWord(index, SqlKeyword.Public))
        {
            return true;
        }

        if (!code.IsKind(index, TokenKind.Identifier) || !code.Tokens[index].Has(TokenFlags.QuotedIdentifier))
        {
            return false;
        }

        var text = code.TextOf(index);
        return text.Length == 8 && text.Slice(1, 6).Equals("public".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    private static void Report(TextRuleContext context, SqlCode code, int first, int last, string construct)
    {
        var start = code.Tokens[first].Start;
        context.Report(Descriptors.OverBroadGrant, start, code.Tokens[last].End - start, construct);
    }
}

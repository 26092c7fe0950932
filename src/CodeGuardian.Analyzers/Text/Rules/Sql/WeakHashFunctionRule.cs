using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Sql;

/// <summary>
/// CG4009 in .sql files: <c>HASHBYTES('MD5'|'MD4'|'MD2'|'SHA'|'SHA1', …)</c>, PostgreSQL/MySQL <c>MD5(…)</c>,
/// <c>SHA1(…)</c>, <c>SHA(…)</c>, and pgcrypto <c>digest(…, 'md5'|'sha1')</c>. SHA2_256 and up are fine.
/// </summary>
public sealed class WeakHashFunctionRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakHash);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.WeakHash))
        {
            return;
        }

        var sql = SqlFile.Of(context.File, context.CancellationToken);
        for (var unit = 0; unit < sql.Count; unit++)
        {
            if (sql.ContainsAny(unit, SqlKeyword.Hashbytes, SqlKeyword.Md5) || sql.ContainsAny(unit, SqlKeyword.Sha1, SqlKeyword.Sha)
                || sql.Contains(unit, SqlKeyword.Digest))
            {
                Analyze(context, sql.Code(unit));
            }
        }
    }

    private static void Analyze(TextRuleContext context, SqlCode code)
    {
        for (var i = 0; i < code.Count; i++)
        {
            // Only the hash function names matter; everything else is one byte compare.
            if (code.Keyword(i) is not (SqlKeyword.Hashbytes or SqlKeyword.Md5 or SqlKeyword.Sha1 or SqlKeyword.Sha or SqlKeyword.Digest))
            {
                continue;
            }

            var open = code.Next(i);
            if (!code.IsPunctuation(open, '(') || code.IsWord(code.Previous(i), SqlKeyword.Function))
            {
                continue;
            }

            var start = code.Tokens[i].Start;
            if (code.IsWord(i, SqlKeyword.Hashbytes))
            {
                var algorithm = code.Next(open);
                if (IsWeakAlgorithmLiteral(context.File, code, algorithm))
                {
                    var end = code.Tokens[algorithm].End;
                    context.Report(Descriptors.WeakHash, start, end - start, "HASHBYTES(" + code.TextOf(algorithm).ToString() + ")");
                }
            }
            else if (code.IsWord(i, SqlKeyword.Md5) || code.IsWord(i, SqlKeyword.Sha1) || code.IsWord(i, SqlKeyword.Sha))
            {
                context.Report(Descriptors.WeakHash, start, code.Tokens[i].Length, code.TextOf(i).ToString().ToUpperInvariant() + "()");
            }
            else if (code.IsWord(i, SqlKeyword.Digest))
            {
                var algorithm = SecondArgument(code, open);
                if (algorithm >= 0 && IsWeakAlgorithmLiteral(context.File, code, algorithm))
                {
                    var end = code.Tokens[algorithm].End;
                    context.Report(Descriptors.WeakHash, start, end - start, "digest(…, " + code.TextOf(algorithm).ToString() + ")");
                }
            }
        }
    }

    private static int SecondArgument(SqlCode code, int open)
    {
        var depth = 0;
        for (var i = open; i < code.Count && i < open + 1024; i = code.Next(i))
        {
            if (code.IsPunctuation(i, '('))
            {
                depth++;
            }
            else if (code.IsPunctuation(i, ')'))
            {
                if (--depth == 0)
                {
                    return -1;
                }
            }
            else if (depth == 1 && code.IsPunctuation(i, ','))
            {
                return code.Next(i);
            }
            else if (code.IsPunctuation(i, ';'))
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool IsWeakAlgorithmLiteral(ScannedFile file, SqlCode code, int index)
    {
        if (!code.IsKind(index, TokenKind.String))
        {
            return false;
        }

        var (start, length) = StringLiterals.ContentOf(file, code.Tokens[index]);
        var name = file.Slice(start, length).Trim();
        return SqlAnalysis.Is(name, "MD5") || SqlAnalysis.Is(name, "MD4") || SqlAnalysis.Is(name, "MD2")
            || SqlAnalysis.Is(name, "SHA") || SqlAnalysis.Is(name, "SHA1");
    }
}

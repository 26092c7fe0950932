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
/// CG4001 in .sql files: dynamic SQL executed from a concatenation that includes a run-time value —
/// <c>EXEC(@s + …)</c>, <c>sp_executesql</c> whose statement argument is concatenated, <c>EXECUTE IMMEDIATE … || …</c>
/// and PL/pgSQL <c>EXECUTE '…' || …</c>; also a plain variable executed after the same batch assigned it such a
/// concatenation (<c>SET @sql = N'…' + @name; EXEC sp_executesql @sql</c>). Concatenating only literals, a variable
/// the batch did not build from run-time values, and values wrapped in QUOTENAME / quote_ident / quote_literal are
/// not reported.
/// </summary>
public sealed class DynamicSqlRule : TextRule
{
    /// <summary>An expression longer than this many tokens is cut there, so scans from many EXECs stay linear.</summary>
    private const int MaxExpressionTokens = 4096;

    // By keyword value: the words a batch separator, an assignment (other than "name :=") or an EXEC starts with.
    private static readonly bool[] StartWords = BuildStartWords();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SqlInjection);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.SqlInjection))
        {
            return;
        }

        var sql = SqlFile.Of(context.File, context.CancellationToken);
        for (var unit = 0; unit < sql.Count; unit++)
        {
            // Findings are reported at EXEC/EXECUTE only.
            if (sql.ContainsAny(unit, SqlKeyword.Exec, SqlKeyword.Execute))
            {
                Analyze(context, sql.Code(unit));
            }
        }
    }

    private static void Analyze(TextRuleContext context, SqlCode code)
    {
        // Variables of the current batch that hold SQL concatenated with a run-time value: name → that value.
        List<KeyValuePair<string, string>>? tainted = null;

        // Without a ':=' anywhere in the unit's text, only the words in StartWords can start what is looked for.
        var mayAssignByName = MayHoldColonEquals(code);
        var keywords = code.Keywords;
        for (var i = 0; i < code.Count; i++)
        {
            if ((i & 1023) == 1023)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
            }

            // Other tokens are passed over reading one keyword byte each (a well-predicted branch).
            if (!mayAssignByName && i < keywords.Length && !StartWords[keywords[i]])
            {
                continue;
            }

            // Batch separators, assignments and EXEC all start at an identifier: skip other tokens at once.
            var keyword = code.Keyword(i);
            if (keyword == SqlKeyword.None && code.Tokens[i].Kind != TokenKind.Identifier)
            {
                continue;
            }

            if (keyword == SqlKeyword.Go && code.IsBatchSeparator(i))
            {
                tainted?.Clear();
                continue;
            }

            // Assignments start at SET/SELECT/DECLARE or at a name before ':=': a cheap test spares the full read.
            var mayAssign = keyword is SqlKeyword.Set or SqlKeyword.Select or SqlKeyword.Declare || IsColonEquals(code, code.Next(i));
            if (mayAssign && TryReadAssignment(code, i, out var target, out var valueFirst, out var valueLast))
            {
                Track(code, target, valueFirst, valueLast, ref tainted);
                i = Math.Max(i, valueLast);
                continue;
            }

            if (keyword != SqlKeyword.Exec && keyword != SqlKeyword.Execute)
            {
                continue;
            }

            var previous = code.Previous(i);
            var next = code.Next(i);
            if (code.IsWord(previous, SqlKeyword.Grant) || code.IsWord(previous, SqlKeyword.With) || code.IsWord(previous, SqlKeyword.Revoke) || code.IsWord(previous, SqlKeyword.Deny)
                || code.IsWord(next, SqlKeyword.As) || code.IsWord(next, SqlKeyword.Function) || code.IsWord(next, SqlKeyword.Procedure))
            {
                continue;
            }

            string sink;
            int first;
            int last;
            var reportedLast = -1;
            var expressionOnly = false;
            if (code.IsWord(next, SqlKeyword.Immediate))
            {
                sink = "EXECUTE IMMEDIATE";
                first = code.Next(next);
                last = ExpressionEnd(code, first, stopAtComma: false);
            }
            else if (code.IsPunctuation(next, '('))
            {
                sink = code.IsWord(i, SqlKeyword.Exec) ? "EXEC(…)" : "EXECUTE(…)";
                first = code.Next(next);
                var close = MatchingClose(code, next);
                last = code.Previous(close);
                reportedLast = close < code.Count && code.IsPunctuation(close, ')') ? close : last;
            }
            else if (IsProcedureName(code, next, "sp_executesql", out var afterName))
            {
                sink = "sp_executesql";
                first = afterName;

                // Named form: EXEC sp_executesql @stmt = N'…' + @x.
                if (code.IsVariable(first) && code.IsPunctuation(code.Next(first), '='))
                {
                    first = code.Next(code.Next(first));
                }

                last = ExpressionEnd(code, first, stopAtComma: true);
            }
            else if (code.IsKind(next, TokenKind.String) || code.IsVariable(next) || code.IsBareWord(next))
            {
                // PL/pgSQL EXECUTE '…' || x or EXECUTE sql_var; EXEC proc @a, @b is a procedure call.
                sink = "EXECUTE";
                first = next;
                last = ExpressionEnd(code, first, stopAtComma: false);
                expressionOnly = true;
            }
            else
            {
                continue;
            }

            if (last < first || first >= code.Count)
            {
                continue;
            }

            string? source = null;
            if (first == last && code.Tokens[first].Kind == TokenKind.Identifier)
            {
                // A plain variable: reported only when this batch built it from a run-time value.
                var through = ValueOf(tainted, code.TextOf(first));
                if (through is not null)
                {
                    source = "'" + code.TextOf(first).ToString() + "', a concatenation with '" + through + "'";
                }
            }
            else if ((!expressionOnly || ContainsOperator(code, first, last, "||")) && IsConcatenation(code, first, last))
            {
                var runtimeValue = FirstRunTimeValue(code, first, last, skipName: default, tainted: null);
                if (runtimeValue >= 0)
                {
                    source = "a concatenation with '" + code.TextOf(runtimeValue).ToString() + "'";
                }
            }

            if (source is null)
            {
                continue;
            }

            var start = code.Tokens[i].Start;
            var end = code.Tokens[reportedLast >= 0 ? reportedLast : last].End;
            context.Report(Descriptors.SqlInjection, start, end - start, sink, source);
            i = Math.Max(i, reportedLast >= 0 ? reportedLast : last);
        }
    }

    /// <summary>Whether the text the unit's tokens span holds <c>:=</c> (in code, a string or a comment).</summary>
    private static bool MayHoldColonEquals(SqlCode code)
    {
        var tokens = code.Tokens;
        if (tokens.Length == 0)
        {
            return false;
        }

        var start = tokens[0].Start;
        return code.Text.Slice(start, tokens[tokens.Length - 1].End - start).IndexOf(":=".AsSpan()) >= 0;
    }

    private static bool[] BuildStartWords()
    {
        var words = new bool[256];
        words[(int)SqlKeyword.Go] = words[(int)SqlKeyword.Set] = words[(int)SqlKeyword.Select] = words[(int)SqlKeyword.Declare] = true;
        words[(int)SqlKeyword.Exec] = words[(int)SqlKeyword.Execute] = true;
        return words;
    }

    /// <summary>The punctuation <c>:=</c> (same answer as <c>code.IsPunctuation(index, ":=")</c>, without a string compare).</summary>
    private static bool IsColonEquals(SqlCode code, int index)
    {
        if ((uint)index >= (uint)code.Count)
        {
            return false;
        }

        ref readonly var token = ref code.Tokens[index];
        return token.Kind == TokenKind.Punctuation && token.Length == 2 && code.Text[token.Start] == ':' && code.Text[token.Start + 1] == '=';
    }

    /// <summary>
    /// <c>SET @v = …</c>, <c>SET @v += …</c>, <c>SELECT @v = …</c>, <c>DECLARE @v type = …</c>, PL/pgSQL <c>v := …</c>:
    /// the assigned name's token and the value's token range.
    /// </summary>
    private static bool TryReadAssignment(SqlCode code, int index, out int target, out int valueFirst, out int valueLast)
    {
        target = -1;
        valueFirst = -1;
        valueLast = -1;
        int equals;
        if ((code.IsWord(index, SqlKeyword.Set) || code.IsWord(index, SqlKeyword.Select)) && code.IsVariable(code.Next(index)))
        {
            target = code.Next(index);
            equals = code.Next(target);
            if (code.IsPunctuation(equals, '+') || code.IsPunctuation(equals, "||"))
            {
                equals = code.Next(equals);
            }
        }
        else if (code.IsWord(index, SqlKeyword.Declare) && code.IsVariable(code.Next(index)))
        {
            target = code.Next(index);
            equals = code.Next(target);

            // The type: a few tokens such as "AS nvarchar ( max )".
            for (var skipped = 0; skipped < 8 && equals < code.Count && !code.IsPunctuation(equals, '=') && !code.IsPunctuation(equals, ';') && !code.IsPunctuation(equals, ','); skipped++)
            {
                equals = code.Next(equals);
            }
        }
        else if (code.Tokens[index].Kind == TokenKind.Identifier && code.IsPunctuation(code.Next(index), ":="))
        {
            target = index;
            equals = code.Next(index);
        }
        else
        {
            return false;
        }

        if (!code.IsPunctuation(equals, '=') && !code.IsPunctuation(equals, ":="))
        {
            return false;
        }

        valueFirst = code.Next(equals);
        valueLast = ExpressionEnd(code, valueFirst, stopAtComma: true);
        return valueLast >= valueFirst;
    }

    private static void Track(SqlCode code, int target, int first, int last, ref List<KeyValuePair<string, string>>? tainted)
    {
        var name = code.TextOf(target);
        string? source = null;
        if (first == last && code.Tokens[first].Kind == TokenKind.Identifier)
        {
            source = ValueOf(tainted, code.TextOf(first));
        }
        else if (IsConcatenation(code, first, last))
        {
            var runtimeValue = FirstRunTimeValue(code, first, last, name, tainted);
            if (runtimeValue >= 0)
            {
                var value = code.TextOf(runtimeValue);
                source = value.Equals(name, StringComparison.OrdinalIgnoreCase) ? ValueOf(tainted, name) : value.ToString();
            }
        }

        // SET @sql = @sql + N' AND …' keeps an earlier taint; any other assignment replaces it.
        var appendsToItself = ValueOf(tainted, name) is not null && ReferencesItself(code, first, last, name);
        if (tainted is not null && !appendsToItself)
        {
            for (var t = tainted.Count - 1; t >= 0; t--)
            {
                if (string.Equals(tainted[t].Key, name.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    tainted.RemoveAt(t);
                }
            }
        }

        if (source is not null && !appendsToItself)
        {
            (tainted ??= new List<KeyValuePair<string, string>>()).Add(new KeyValuePair<string, string>(name.ToString(), source));
        }
    }

    private static bool ReferencesItself(SqlCode code, int first, int last, ReadOnlySpan<char> name)
    {
        for (var i = first; i <= last && i < code.Count; i++)
        {
            if (code.Tokens[i].Kind == TokenKind.Identifier && code.TextOf(i).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? ValueOf(List<KeyValuePair<string, string>>? tainted, ReadOnlySpan<char> name)
    {
        if (tainted is null)
        {
            return null;
        }

        foreach (var pair in tainted)
        {
            if (name.Equals(pair.Key.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary><c>+</c>, <c>||</c> or a <c>CONCAT(</c>/<c>CONCAT_WS(</c> call in the range.</summary>
    private static bool IsConcatenation(SqlCode code, int first, int last)
    {
        for (var i = first; i <= last && i < code.Count; i++)
        {
            if (code.IsPunctuation(i, '+') || code.IsPunctuation(i, "||")
                || ((code.IsWord(i, SqlKeyword.Concat) || code.IsWord(i, SqlKeyword.ConcatWs)) && code.IsPunctuation(code.Next(i), '(')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Last token of an expression: before <c>;</c>, <c>INTO</c>/<c>USING</c>, a top-level comma (if asked), a statement word, <c>GO</c>, or a closing parenthesis of an outer level.</summary>
    private static int ExpressionEnd(SqlCode code, int first, bool stopAtComma)
    {
        var depth = 0;
        var last = first - 1;
        var limit = first + MaxExpressionTokens;
        for (var i = first; i < code.Count && i < limit; i = code.Next(i))
        {
            if (code.IsPunctuation(i, '('))
            {
                depth++;
            }
            else if (code.IsPunctuation(i, ')'))
            {
                if (depth == 0)
                {
                    break;
                }

                depth--;
            }
            else if (depth == 0)
            {
                if (code.IsPunctuation(i, ';') || (stopAtComma && code.IsPunctuation(i, ',')) || code.IsBatchSeparator(i)
                    || code.IsWord(i, SqlKeyword.Into) || code.IsWord(i, SqlKeyword.Using)
                    || (i > first && code.IsBareWord(i) && SqlKeywords.IsStatementStarter(code.Keyword(i))))
                {
                    break;
                }
            }

            last = i;
        }

        return last;
    }

    private static int MatchingClose(SqlCode code, int open)
    {
        var depth = 0;
        var limit = open + MaxExpressionTokens;
        for (var i = open; i < code.Count; i = code.Next(i))
        {
            if (i >= limit)
            {
                return i;
            }

            if (code.IsPunctuation(i, '('))
            {
                depth++;
            }
            else if (code.IsPunctuation(i, ')') && --depth == 0)
            {
                return i;
            }
            else if (code.IsPunctuation(i, ';') || code.IsBatchSeparator(i))
            {
                return i;
            }
        }

        return code.Count;
    }

    /// <summary><c>name</c>, <c>sys.name</c>, <c>[sys].[name]</c>, <c>master..name</c>.</summary>
    private static bool IsProcedureName(SqlCode code, int index, string name, out int afterName)
    {
        afterName = -1;
        var i = index;
        while (code.IsKind(i, TokenKind.Identifier) && code.IsPunctuation(code.Next(i), '.'))
        {
            i = code.Next(code.Next(i));
            while (code.IsPunctuation(i, '.'))
            {
                i = code.Next(i);
            }
        }

        if (!code.IsKind(i, TokenKind.Identifier))
        {
            return false;
        }

        var text = code.TextOf(i);
        if (code.Tokens[i].Has(TokenFlags.QuotedIdentifier) && text.Length >= 2)
        {
            text = text.Slice(1, text.Length - 2);
        }

        if (!text.Equals(name.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        afterName = code.Next(i);
        return true;
    }

    private static bool ContainsOperator(SqlCode code, int first, int last, string op)
    {
        for (var i = first; i <= last && i < code.Count; i++)
        {
            if (code.IsPunctuation(i, op))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The first token of the expression that is a run-time value: a variable or parameter, or a bare name (column,
    /// PL/pgSQL variable). Function names, type names and values inside quoting functions do not count.
    /// </summary>
    private static int FirstRunTimeValue(SqlCode code, int first, int last, ReadOnlySpan<char> skipName, List<KeyValuePair<string, string>>? tainted)
    {
        for (var i = first; i <= last && i < code.Count; i++)
        {
            if (code.Tokens[i].Kind != TokenKind.Identifier)
            {
                continue;
            }

            var next = code.Next(i);
            if (code.IsPunctuation(next, '('))
            {
                if (IsQuotingFunction(code.Keyword(i)))
                {
                    i = MatchingClose(code, next);
                }

                continue;
            }

            // The variable being assigned counts only if it already carries a run-time value.
            if (skipName.Length > 0 && code.TextOf(i).Equals(skipName, StringComparison.OrdinalIgnoreCase))
            {
                if (ValueOf(tainted, skipName) is not null)
                {
                    return i;
                }

                continue;
            }

            if (code.IsVariable(i) || code.Tokens[i].Has(TokenFlags.QuotedIdentifier))
            {
                return i;
            }

            // A bare name is a column or PL/pgSQL variable, except a type after AS (CAST(@x AS varchar)) and constants.
            if (!code.IsWord(code.Previous(i), SqlKeyword.As) && !IsConstantWord(code.Keyword(i)))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsQuotingFunction(SqlKeyword name) =>
        name == SqlKeyword.Quotename || name == SqlKeyword.QuoteIdent || name == SqlKeyword.QuoteLiteral
        || name == SqlKeyword.QuoteNullable || name == SqlKeyword.EnquoteName || name == SqlKeyword.EnquoteLiteral;

    private static bool IsConstantWord(SqlKeyword word) =>
        word == SqlKeyword.Null || word == SqlKeyword.True || word == SqlKeyword.False || word == SqlKeyword.As
        || word == SqlKeyword.Max || word == SqlKeyword.Varchar || word == SqlKeyword.Nvarchar || word == SqlKeyword.Char
        || word == SqlKeyword.Nchar || word == SqlKeyword.Int || word == SqlKeyword.Bigint || word == SqlKeyword.Sysname
        || word == SqlKeyword.Text || word == SqlKeyword.Ntext || word == SqlKeyword.Chr || word == SqlKeyword.CurrentUser;
}

using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// Statement-level SQL questions answered over tokens in one pass each, with per-parenthesis-depth state on the
/// stack (no allocation beyond the caller's result list). Positions in the results are positions in
/// <see cref="SqlCode.Text"/>.
/// </summary>
public static class SqlAnalysis
{
    /// <summary>Deeper nesting than this is not analysed (it is still lexed and skipped correctly).</summary>
    private const int MaxDepth = 32;

    private const int MaxStarsPerList = 4;

    /// <summary>
    /// <c>SELECT *</c> and <c>SELECT t.*</c> whose select list is followed by <c>FROM</c>/<c>INTO</c> (or ends the text
    /// with the star, as in a literal that is concatenated with the rest). Not <c>COUNT(*)</c>, not multiplication,
    /// not <c>EXISTS (SELECT * …)</c>, not <c>GRANT SELECT ON *.*</c>.
    /// </summary>
    public static void FindSelectStar(SqlCode code, List<SqlMatch> results, CancellationToken cancellationToken = default)
    {
        Span<SelectList> lists = stackalloc SelectList[MaxDepth];
        Span<int> stars = stackalloc int[MaxDepth * MaxStarsPerList];
        lists.Clear();
        var depth = 0;
        var lastSignificant = -1;
        for (var i = 0; i < code.Count; i++)
        {
            if ((i & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var kind = code.Tokens[i].Kind;
            if (kind is TokenKind.Comment or TokenKind.Newline)
            {
                continue;
            }

            lastSignificant = i;
            if (code.IsBatchSeparator(i))
            {
                for (var d = 0; d < MaxDepth; d++)
                {
                    FinishList(code, lists, stars, d, confirmed: false, results);
                }

                depth = 0;
                continue;
            }

            if (code.IsPunctuation(i, '('))
            {
                if (depth < MaxDepth && lists[depth].Active)
                {
                    ref var outer = ref lists[depth];
                    outer.ParensAreModifier = outer.ModifierArgumentNext;
                    outer.ModifierArgumentNext = false;
                    outer.ExpectItem = false;
                    outer.AfterDot = false;
                }

                depth++;
                if (depth < MaxDepth)
                {
                    lists[depth] = default;
                }

                continue;
            }

            if (code.IsPunctuation(i, ')'))
            {
                if (depth < MaxDepth)
                {
                    FinishList(code, lists, stars, depth, confirmed: false, results);
                }

                if (depth > 0)
                {
                    depth--;
                }

                if (depth < MaxDepth && lists[depth].Active)
                {
                    ref var outer = ref lists[depth];
                    outer.ExpectItem = outer.ParensAreModifier;
                    outer.ParensAreModifier = false;
                    if (!outer.ExpectItem)
                    {
                        outer.InModifiers = false;
                    }
                }

                continue;
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            if (code.IsWord(i, "SELECT"))
            {
                FinishList(code, lists, stars, depth, confirmed: false, results);
                if (IsSelectStatement(code, i))
                {
                    lists[depth] = new SelectList { Active = true, ExpectItem = true, InModifiers = true };
                }

                continue;
            }

            ref var list = ref lists[depth];
            if (!list.Active)
            {
                continue;
            }

            if (code.IsPunctuation(i, '*'))
            {
                if ((list.ExpectItem || list.AfterDot) && list.StarCount < MaxStarsPerList)
                {
                    stars[(depth * MaxStarsPerList) + list.StarCount] = i;
                    list.StarCount++;
                }

                list.ExpectItem = false;
                list.AfterDot = false;
                list.InModifiers = false;
                continue;
            }

            if (code.IsPunctuation(i, ','))
            {
                list.ExpectItem = true;
                list.AfterDot = false;
                list.InModifiers = false;
                continue;
            }

            if (code.IsPunctuation(i, '.'))
            {
                list.AfterDot = true;
                list.ExpectItem = false;
                continue;
            }

            if (code.IsPunctuation(i, ';'))
            {
                FinishList(code, lists, stars, depth, confirmed: false, results);
                continue;
            }

            if (list.ModifierArgumentNext && kind == TokenKind.Number)
            {
                list.ModifierArgumentNext = false;
                list.ExpectItem = true;
                continue;
            }

            if (code.IsBareWord(i))
            {
                var word = code.TextOf(i);
                if (Is(word, "FROM") || Is(word, "INTO"))
                {
                    FinishList(code, lists, stars, depth, confirmed: true, results);
                    continue;
                }

                if (list.InModifiers && IsSelectModifier(word))
                {
                    list.ExpectItem = true;
                    continue;
                }

                if (list.InModifiers && (Is(word, "TOP") || (Is(word, "ON") && list.ExpectItem)))
                {
                    // TOP n / TOP (n) / DISTINCT ON (…): the select list starts after the argument.
                    list.ModifierArgumentNext = true;
                    list.ExpectItem = false;
                    continue;
                }

                if (IsSelectListEnd(word))
                {
                    FinishList(code, lists, stars, depth, confirmed: false, results);
                    continue;
                }
            }

            list.ExpectItem = false;
            list.AfterDot = false;
            list.InModifiers = false;
            list.ModifierArgumentNext = false;
        }

        // A list still open at the end counts only for stars that end the text ("SELECT * " + rest).
        for (var d = 0; d < MaxDepth; d++)
        {
            ref var list = ref lists[d];
            if (!list.Active)
            {
                continue;
            }

            for (var s = 0; s < list.StarCount; s++)
            {
                var star = stars[(d * MaxStarsPerList) + s];
                if (star == lastSignificant)
                {
                    var token = code.Tokens[star];
                    results.Add(new SqlMatch(token.Start, token.Length, SqlMatchKind.SelectStar, token.End));
                }
            }

            list = default;
        }
    }

    /// <summary>
    /// <c>UPDATE … SET …</c> and <c>DELETE [FROM] …</c> statements with no <c>WHERE</c> of their own (a WHERE in a
    /// subquery does not count; <c>WHERE CURRENT OF</c> does). Not MERGE actions, <c>ON DELETE CASCADE</c>,
    /// <c>FOR UPDATE</c>, <c>ON CONFLICT … DO UPDATE</c>, <c>GRANT UPDATE</c>, triggers' <c>AFTER UPDATE</c>, TRUNCATE.
    /// </summary>
    public static void FindUnfilteredWrites(SqlCode code, List<SqlMatch> results, CancellationToken cancellationToken = default)
    {
        Span<WriteStatement> states = stackalloc WriteStatement[MaxDepth];
        states.Clear();
        var depth = 0;
        for (var i = 0; i < code.Count; i++)
        {
            if ((i & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            ref readonly var token = ref code.Tokens[i];
            if (token.Kind is TokenKind.Comment or TokenKind.Newline)
            {
                continue;
            }

            if (code.IsBatchSeparator(i))
            {
                for (var d = 0; d < MaxDepth; d++)
                {
                    FinishWrite(code, ref states[d], results);
                    states[d].InMerge = false;
                }

                depth = 0;
                continue;
            }

            if (code.IsPunctuation(i, '('))
            {
                depth++;
                if (depth < MaxDepth)
                {
                    states[depth] = default;
                }

                continue;
            }

            if (code.IsPunctuation(i, ')'))
            {
                if (depth < MaxDepth)
                {
                    FinishWrite(code, ref states[depth], results);
                }

                if (depth > 0)
                {
                    depth--;
                }

                if (depth < MaxDepth && states[depth].Active)
                {
                    states[depth].LastEnd = token.End;
                }

                continue;
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            ref var state = ref states[depth];
            if (code.IsPunctuation(i, ';'))
            {
                FinishWrite(code, ref state, results);
                state.InMerge = false;
                continue;
            }

            var isUpdate = code.IsWord(i, "UPDATE");
            if ((isUpdate || code.IsWord(i, "DELETE")) && IsWriteStatement(code, i, isUpdate, state.InMerge))
            {
                FinishWrite(code, ref state, results);
                state.Active = true;
                state.IsUpdate = isUpdate;
                state.Keyword = i;
                state.CaseDepth = 0;
                state.SeenSet = false;
                state.HasWhere = false;
                state.LastEnd = token.End;
                continue;
            }

            if (!state.Active)
            {
                if (code.IsWord(i, "MERGE"))
                {
                    state.InMerge = true;
                }

                continue;
            }

            if (code.IsBareWord(i))
            {
                var word = code.TextOf(i);
                if (Is(word, "CASE"))
                {
                    state.CaseDepth++;
                }
                else if (Is(word, "END"))
                {
                    if (state.CaseDepth == 0)
                    {
                        FinishWrite(code, ref state, results);
                        continue;
                    }

                    state.CaseDepth--;
                }
                else if (state.CaseDepth > 0)
                {
                    // WHEN/THEN/ELSE inside CASE belong to the expression.
                }
                else if (Is(word, "WHERE"))
                {
                    state.HasWhere = true;
                }
                else if (Is(word, "SET"))
                {
                    if (!state.IsUpdate || state.SeenSet)
                    {
                        FinishWrite(code, ref state, results);
                        continue;
                    }

                    state.SeenSet = true;
                }
                else if (Is(word, "WITH"))
                {
                    // UPDATE t WITH (ROWLOCK) is a table hint; any other WITH starts a new statement.
                    if (!code.IsPunctuation(code.Next(i), '('))
                    {
                        FinishWrite(code, ref state, results);
                        continue;
                    }
                }
                else if (Is(word, "MERGE"))
                {
                    FinishWrite(code, ref state, results);
                    state.InMerge = true;
                    continue;
                }
                else if (SqlWords.IsStatementStarter(word))
                {
                    FinishWrite(code, ref state, results);
                    continue;
                }
            }

            state.LastEnd = token.End;
        }

        for (var d = 0; d < MaxDepth; d++)
        {
            FinishWrite(code, ref states[d], results);
        }
    }

    private static void FinishList(SqlCode code, Span<SelectList> lists, Span<int> stars, int depth, bool confirmed, List<SqlMatch> results)
    {
        ref var list = ref lists[depth];
        if (list.Active && confirmed)
        {
            for (var s = 0; s < list.StarCount; s++)
            {
                var token = code.Tokens[stars[(depth * MaxStarsPerList) + s]];
                results.Add(new SqlMatch(token.Start, token.Length, SqlMatchKind.SelectStar, token.End));
            }
        }

        list = default;
    }

    private static void FinishWrite(SqlCode code, ref WriteStatement state, List<SqlMatch> results)
    {
        if (state.Active && !state.HasWhere && (!state.IsUpdate || state.SeenSet))
        {
            var keyword = code.Tokens[state.Keyword];
            var kind = state.IsUpdate ? SqlMatchKind.UpdateWithoutWhere : SqlMatchKind.DeleteWithoutWhere;
            results.Add(new SqlMatch(keyword.Start, keyword.Length, kind, state.LastEnd));
        }

        state.Active = false;
    }

    /// <summary>SELECT that starts a query, not a privilege (<c>GRANT SELECT, INSERT ON</c>) nor an EXISTS probe.</summary>
    private static bool IsSelectStatement(SqlCode code, int select)
    {
        var previous = code.Previous(select);
        if (previous >= 0)
        {
            if (code.IsPunctuation(previous, ',') || code.IsWord(previous, "GRANT") || code.IsWord(previous, "REVOKE") || code.IsWord(previous, "DENY"))
            {
                return false;
            }

            if (code.IsPunctuation(previous, '(') && code.IsWord(code.Previous(previous), "EXISTS"))
            {
                return false;
            }
        }

        var next = code.Next(select);
        return !code.IsWord(next, "ON") && !code.IsPunctuation(next, ',');
    }

    /// <summary>UPDATE/DELETE that start a data-changing statement, not a privilege, trigger event, FK action or MERGE action.</summary>
    private static bool IsWriteStatement(SqlCode code, int keyword, bool isUpdate, bool inMerge)
    {
        var previous = code.Previous(keyword);
        if (previous >= 0)
        {
            if (code.IsPunctuation(previous, ',') || code.IsPunctuation(previous, '.'))
            {
                return false;
            }

            if (code.IsBareWord(previous) && IsNotAStatementBefore(code.TextOf(previous)))
            {
                return false;
            }

            if (inMerge && code.IsWord(previous, "THEN"))
            {
                return false;
            }
        }

        var next = code.Next(keyword);
        if (!code.IsKind(next, TokenKind.Identifier))
        {
            return false;
        }

        if (isUpdate)
        {
            return !code.IsWord(next, "STATISTICS") && !code.IsWord(next, "SET");
        }

        if (code.IsWord(next, "FROM") || code.IsWord(next, "TOP"))
        {
            return true;
        }

        // T-SQL "DELETE t WHERE …": a (qualified) table name right after DELETE, then the end of the statement or a
        // clause. "Delete the selected rows" is prose.
        if (code.IsBareWord(next) && IsNotATableAfterDelete(code.TextOf(next)))
        {
            return false;
        }

        var afterName = code.Next(next);
        while (code.IsPunctuation(afterName, '.') && code.IsKind(code.Next(afterName), TokenKind.Identifier))
        {
            afterName = code.Next(code.Next(afterName));
        }

        if (afterName >= code.Count || code.IsPunctuation(afterName, ';') || code.IsPunctuation(afterName, ')') || code.IsBatchSeparator(afterName))
        {
            return true;
        }

        if (!code.IsBareWord(afterName))
        {
            return false;
        }

        var word = code.TextOf(afterName);
        return Is(word, "WHERE") || Is(word, "FROM") || Is(word, "OUTPUT") || Is(word, "WITH") || Is(word, "OPTION")
            || SqlWords.IsStatementStarter(word);
    }

    private static bool IsNotAStatementBefore(ReadOnlySpan<char> word) =>
        Is(word, "ON") || Is(word, "FOR") || Is(word, "AFTER") || Is(word, "BEFORE") || Is(word, "OF") || Is(word, "OR")
        || Is(word, "AND") || Is(word, "NOT") || Is(word, "IF") || Is(word, "KEY") || Is(word, "DO") || Is(word, "GRANT")
        || Is(word, "REVOKE") || Is(word, "DENY") || Is(word, "TO") || Is(word, "WHEN") || Is(word, "COMMIT");

    private static bool IsNotATableAfterDelete(ReadOnlySpan<char> word) =>
        Is(word, "ON") || Is(word, "TO") || Is(word, "AS") || Is(word, "CASCADE") || Is(word, "RESTRICT")
        || Is(word, "SET") || Is(word, "NO") || Is(word, "ROWS") || Is(word, "WHERE");

    private static bool IsSelectModifier(ReadOnlySpan<char> word) =>
        Is(word, "DISTINCT") || Is(word, "ALL") || Is(word, "DISTINCTROW") || Is(word, "PERCENT") || Is(word, "WITH")
        || Is(word, "TIES") || Is(word, "STRAIGHT_JOIN") || Is(word, "HIGH_PRIORITY") || Is(word, "SQL_CALC_FOUND_ROWS")
        || Is(word, "SQL_NO_CACHE") || Is(word, "SQL_CACHE") || Is(word, "SQL_SMALL_RESULT") || Is(word, "SQL_BIG_RESULT")
        || Is(word, "SQL_BUFFER_RESULT");

    private static bool IsSelectListEnd(ReadOnlySpan<char> word) =>
        Is(word, "WHERE") || Is(word, "GROUP") || Is(word, "ORDER") || Is(word, "HAVING") || Is(word, "LIMIT")
        || Is(word, "UNION") || Is(word, "EXCEPT") || Is(word, "INTERSECT") || Is(word, "MINUS") || Is(word, "WINDOW")
        || Is(word, "SET") || SqlWords.IsStatementStarter(word);

    internal static bool Is(ReadOnlySpan<char> word, string keyword) =>
        word.Length == keyword.Length && word.Equals(keyword.AsSpan(), StringComparison.OrdinalIgnoreCase);

    [StructLayout(LayoutKind.Auto)]
    private struct SelectList
    {
        public bool Active;
        public bool ExpectItem;
        public bool AfterDot;
        public bool InModifiers;
        public bool ModifierArgumentNext;
        public bool ParensAreModifier;
        public int StarCount;
    }

    [StructLayout(LayoutKind.Auto)]
    private struct WriteStatement
    {
        public bool Active;
        public bool IsUpdate;
        public bool SeenSet;
        public bool HasWhere;
        public bool InMerge;
        public int Keyword;
        public int CaseDepth;
        public int LastEnd;
    }
}

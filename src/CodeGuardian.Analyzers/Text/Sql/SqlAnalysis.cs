using System;
using System.Buffers;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
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
        if (!code.HasSteps)
        {
            WithSteps(code, results, selectStar: true, cancellationToken);
            return;
        }

        Span<SelectList> lists = stackalloc SelectList[MaxDepth];
        Span<int> stars = stackalloc int[MaxDepth * MaxStarsPerList];
        lists.Clear();
        var depth = 0;

        // The deepest level used since the last batch separator: deeper levels were not touched since, so a reset stops there.
        var deepest = 0;
        var tokens = code.Tokens;
        var text = code.Text;
        var steps = code.SelectSteps;
        var previousStep = -1;
        for (var s = 0; s < steps.Length; s++)
        {
            if ((s & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var i = steps[s];

            // The tokens since the last step (names, literals, other words, commas and dots) matter only to an open list.
            if (i > previousStep + 1 && depth < MaxDepth && lists[depth].Active)
            {
                PassOver(tokens, ref lists[depth], previousStep + 1, i);
            }

            previousStep = i;
            ref readonly var token = ref tokens[i];
            var kind = token.Kind;
            var keyword = code.Keyword(i);
            var punctuation = kind == TokenKind.Punctuation && token.Length == 1 ? text[token.Start] : '\0';
            if (keyword == SqlKeyword.Go && code.IsBatchSeparator(i))
            {
                for (var d = 0; d <= deepest; d++)
                {
                    FinishList(code, lists, stars, d, confirmed: false, results);
                }

                depth = 0;
                deepest = 0;
                continue;
            }

            if (punctuation == '(')
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
                if (depth > deepest && depth < MaxDepth)
                {
                    deepest = depth;
                }

                if (depth < MaxDepth)
                {
                    lists[depth] = default;
                }

                continue;
            }

            if (punctuation == ')')
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

            if (keyword == SqlKeyword.Select)
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

            if (punctuation == '*')
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

            if (punctuation == ';')
            {
                FinishList(code, lists, stars, depth, confirmed: false, results);
                continue;
            }

            if (keyword != SqlKeyword.None)
            {
                var word = keyword;
                if (word == SqlKeyword.From || word == SqlKeyword.Into)
                {
                    FinishList(code, lists, stars, depth, confirmed: true, results);
                    continue;
                }

                if (list.InModifiers && IsSelectModifier(word))
                {
                    list.ExpectItem = true;
                    continue;
                }

                if (list.InModifiers && (word == SqlKeyword.Top || (word == SqlKeyword.On && list.ExpectItem)))
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
        var lastSignificant = code.Previous(code.Count);
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
        if (!code.HasSteps)
        {
            WithSteps(code, results, selectStar: false, cancellationToken);
            return;
        }

        Span<WriteStatement> states = stackalloc WriteStatement[MaxDepth];
        states.Clear();
        var depth = 0;

        // The deepest level used since the last batch separator: deeper levels were not touched since, so a reset stops there.
        var deepest = 0;
        var tokens = code.Tokens;
        var text = code.Text;
        var steps = code.WriteSteps;
        for (var s = 0; s < steps.Length; s++)
        {
            if ((s & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // One keyword byte and one punctuation character per step; every test below compares those. The tokens
            // between steps only extend an open statement, whose end is found from its last step when it finishes.
            var i = steps[s];
            ref readonly var token = ref tokens[i];
            var keyword = code.Keyword(i);
            var punctuation = token.Kind == TokenKind.Punctuation && token.Length == 1 ? text[token.Start] : '\0';
            if (keyword == SqlKeyword.Go && code.IsBatchSeparator(i))
            {
                for (var d = 0; d <= deepest; d++)
                {
                    FinishWrite(code, ref states[d], d == depth ? i : -1, results);
                    states[d].InMerge = false;
                }

                depth = 0;
                deepest = 0;
                continue;
            }

            if (punctuation == '(')
            {
                // The statement of this level ends before the parenthesis if the text ends inside it.
                if (depth < MaxDepth && states[depth].Active)
                {
                    states[depth].LastEnd = tokens[code.Previous(i)].End;
                }

                depth++;
                if (depth > deepest && depth < MaxDepth)
                {
                    deepest = depth;
                }

                if (depth < MaxDepth)
                {
                    states[depth] = default;
                }

                continue;
            }

            if (punctuation == ')')
            {
                if (depth < MaxDepth)
                {
                    FinishWrite(code, ref states[depth], i, results);
                }

                if (depth > 0)
                {
                    depth--;
                }

                continue;
            }

            if (depth >= MaxDepth)
            {
                continue;
            }

            ref var state = ref states[depth];
            if (punctuation == ';')
            {
                FinishWrite(code, ref state, i, results);
                state.InMerge = false;
                continue;
            }

            var isUpdate = keyword == SqlKeyword.Update;
            if ((isUpdate || keyword == SqlKeyword.Delete) && IsWriteStatement(code, i, isUpdate, state.InMerge))
            {
                FinishWrite(code, ref state, i, results);
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
                if (keyword == SqlKeyword.Merge)
                {
                    state.InMerge = true;
                }

                continue;
            }

            // Only keywords matter below (a bare word that is none matches no test).
            if (keyword != SqlKeyword.None)
            {
                var word = keyword;
                if (word == SqlKeyword.Case)
                {
                    state.CaseDepth++;
                }
                else if (word == SqlKeyword.End)
                {
                    if (state.CaseDepth == 0)
                    {
                        FinishWrite(code, ref state, i, results);
                        continue;
                    }

                    state.CaseDepth--;
                }
                else if (state.CaseDepth > 0)
                {
                    // WHEN/THEN/ELSE inside CASE belong to the expression.
                }
                else if (word == SqlKeyword.Where)
                {
                    state.HasWhere = true;
                }
                else if (word == SqlKeyword.Set)
                {
                    if (!state.IsUpdate || state.SeenSet)
                    {
                        FinishWrite(code, ref state, i, results);
                        continue;
                    }

                    state.SeenSet = true;
                }
                else if (word == SqlKeyword.With)
                {
                    // UPDATE t WITH (ROWLOCK) is a table hint; any other WITH starts a new statement.
                    if (!code.IsPunctuation(code.Next(i), '('))
                    {
                        FinishWrite(code, ref state, i, results);
                        continue;
                    }
                }
                else if (word == SqlKeyword.Merge)
                {
                    FinishWrite(code, ref state, i, results);
                    state.InMerge = true;
                    continue;
                }
                else if (SqlKeywords.IsStatementStarter(word))
                {
                    FinishWrite(code, ref state, i, results);
                    continue;
                }
            }
        }

        for (var d = 0; d < MaxDepth; d++)
        {
            FinishWrite(code, ref states[d], d == depth ? code.Count : -1, results);
        }
    }

    /// <summary>Words <see cref="FindUnfilteredWrites"/> acts on; any other word only extends a statement.</summary>
    internal static bool IsWriteWalkWord(SqlKeyword word) =>
        word == SqlKeyword.Go || word == SqlKeyword.Update || word == SqlKeyword.Delete || word == SqlKeyword.Merge || word == SqlKeyword.Case
        || word == SqlKeyword.End || word == SqlKeyword.Where || word == SqlKeyword.Set || word == SqlKeyword.With || SqlKeywords.IsStatementStarter(word);

    /// <summary>Words <see cref="FindSelectStar"/> acts on; any other word ends a select item like a name does.</summary>
    internal static bool IsSelectWalkWord(SqlKeyword word) =>
        word == SqlKeyword.Go || word == SqlKeyword.Select || word == SqlKeyword.From || word == SqlKeyword.Into || word == SqlKeyword.Top
        || word == SqlKeyword.On || IsSelectModifier(word) || IsSelectListEnd(word);

    /// <summary>Code made without step lists (<see cref="SqlCode.HasSteps"/>): the steps are listed here first.</summary>
    private static void WithSteps(SqlCode code, List<SqlMatch> results, bool selectStar, CancellationToken cancellationToken)
    {
        var count = code.Count;
        var keywords = ArrayPool<byte>.Shared.Rent(count + 1);
        var writeSteps = ArrayPool<int>.Shared.Rent(count + 1);
        var selectSteps = ArrayPool<int>.Shared.Rent(count + 1);
        try
        {
            var (writeStepCount, selectStepCount) = SqlTokenIndex.Build(code.Tokens, keywords, writeSteps, selectSteps);
            var listed = new SqlCode(code.Text, code.Tokens, keywords, new ReadOnlySpan<int>(writeSteps, 0, writeStepCount), new ReadOnlySpan<int>(selectSteps, 0, selectStepCount));
            if (selectStar)
            {
                FindSelectStar(listed, results, cancellationToken);
            }
            else
            {
                FindUnfilteredWrites(listed, results, cancellationToken);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(keywords);
            ArrayPool<int>.Shared.Return(writeSteps);
            ArrayPool<int>.Shared.Return(selectSteps);
        }
    }

    /// <summary>
    /// The tokens between two steps inside an open select list: commas and dots (not steps, as they matter only
    /// here), names, literals, operators and other words. A number right after <c>TOP</c> is its argument; anything
    /// else but a comma or dot ends the item.
    /// </summary>
    private static void PassOver(ReadOnlySpan<Token> tokens, ref SelectList list, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            ref readonly var token = ref tokens[k];
            var tag = token.Tag;
            if (tag == SqlLexer.CommaTag)
            {
                list.ExpectItem = true;
                list.AfterDot = false;
                list.InModifiers = false;
                continue;
            }

            if (tag == SqlLexer.DotTag)
            {
                list.AfterDot = true;
                list.ExpectItem = false;
                continue;
            }

            var kind = token.Kind;
            if (kind is TokenKind.Comment or TokenKind.Newline)
            {
                continue;
            }

            if (list.ModifierArgumentNext && kind == TokenKind.Number)
            {
                list.ModifierArgumentNext = false;
                list.ExpectItem = true;
                continue;
            }

            list.ExpectItem = false;
            list.AfterDot = false;
            list.InModifiers = false;
            list.ModifierArgumentNext = false;
        }
    }

    // Called at every ')', ';', SELECT and list end: an inactive list (the common case) is only reset, inline.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishList(SqlCode code, Span<SelectList> lists, Span<int> stars, int depth, bool confirmed, List<SqlMatch> results)
    {
        ref var list = ref lists[depth];
        if (list.Active)
        {
            if (confirmed)
            {
                ReportStars(code, list, stars, depth, results);
            }

            list = default;
        }
    }

    private static void ReportStars(SqlCode code, in SelectList list, Span<int> stars, int depth, List<SqlMatch> results)
    {
        for (var s = 0; s < list.StarCount; s++)
        {
            var token = code.Tokens[stars[(depth * MaxStarsPerList) + s]];
            results.Add(new SqlMatch(token.Start, token.Length, SqlMatchKind.SelectStar, token.End));
        }
    }

    // Called at every ';', ')', END and statement word: an inactive statement (the common case) costs a test, inline.
    // A statement finished at its own level ends with the last token before the step that finishes it
    // (finishedAt); one left open below deeper parentheses ends where it was left (-1).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishWrite(SqlCode code, ref WriteStatement state, int finishedAt, List<SqlMatch> results)
    {
        if (state.Active)
        {
            ReportWrite(code, ref state, finishedAt, results);
        }
    }

    private static void ReportWrite(SqlCode code, ref WriteStatement state, int finishedAt, List<SqlMatch> results)
    {
        if (!state.HasWhere && (!state.IsUpdate || state.SeenSet))
        {
            var lastEnd = finishedAt >= 0 ? code.Tokens[code.Previous(finishedAt)].End : state.LastEnd;
            var keyword = code.Tokens[state.Keyword];
            var kind = state.IsUpdate ? SqlMatchKind.UpdateWithoutWhere : SqlMatchKind.DeleteWithoutWhere;
            results.Add(new SqlMatch(keyword.Start, keyword.Length, kind, lastEnd));
        }

        state.Active = false;
    }

    /// <summary>SELECT that starts a query, not a privilege (<c>GRANT SELECT, INSERT ON</c>) nor an EXISTS probe.</summary>
    internal static bool IsSelectStatement(SqlCode code, int select)
    {
        var previous = code.Previous(select);
        if (previous >= 0)
        {
            if (code.IsPunctuation(previous, ',') || code.IsWord(previous, SqlKeyword.Grant) || code.IsWord(previous, SqlKeyword.Revoke) || code.IsWord(previous, SqlKeyword.Deny))
            {
                return false;
            }

            if (code.IsPunctuation(previous, '(') && code.IsWord(code.Previous(previous), SqlKeyword.Exists))
            {
                return false;
            }
        }

        var next = code.Next(select);
        return !code.IsWord(next, SqlKeyword.On) && !code.IsPunctuation(next, ',');
    }

    /// <summary>UPDATE/DELETE that start a data-changing statement, not a privilege, trigger event, FK action or MERGE action.</summary>
    internal static bool IsWriteStatement(SqlCode code, int keyword, bool isUpdate, bool inMerge)
    {
        var previous = code.Previous(keyword);
        if (previous >= 0)
        {
            if (code.IsPunctuation(previous, ',') || code.IsPunctuation(previous, '.'))
            {
                return false;
            }

            if (code.IsBareWord(previous) && IsNotAStatementBefore(code.Keyword(previous)))
            {
                return false;
            }

            if (inMerge && code.IsWord(previous, SqlKeyword.Then))
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
            return !code.IsWord(next, SqlKeyword.Statistics) && !code.IsWord(next, SqlKeyword.Set);
        }

        if (code.IsWord(next, SqlKeyword.From) || code.IsWord(next, SqlKeyword.Top))
        {
            return true;
        }

        // T-SQL "DELETE t WHERE …": a (qualified) table name right after DELETE, then the end of the statement or a
        // clause. "Delete the selected rows" is prose.
        if (code.IsBareWord(next) && IsNotATableAfterDelete(code.Keyword(next)))
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

        var word = code.Keyword(afterName);
        return word == SqlKeyword.Where || word == SqlKeyword.From || word == SqlKeyword.Output || word == SqlKeyword.With || word == SqlKeyword.Option
            || SqlKeywords.IsStatementStarter(word);
    }

    private static bool IsNotAStatementBefore(SqlKeyword word) =>
        word == SqlKeyword.On || word == SqlKeyword.For || word == SqlKeyword.After || word == SqlKeyword.Before || word == SqlKeyword.Of || word == SqlKeyword.Or
        || word == SqlKeyword.And || word == SqlKeyword.Not || word == SqlKeyword.If || word == SqlKeyword.Key || word == SqlKeyword.Do || word == SqlKeyword.Grant
        || word == SqlKeyword.Revoke || word == SqlKeyword.Deny || word == SqlKeyword.To || word == SqlKeyword.When || word == SqlKeyword.Commit;

    private static bool IsNotATableAfterDelete(SqlKeyword word) =>
        word == SqlKeyword.On || word == SqlKeyword.To || word == SqlKeyword.As || word == SqlKeyword.Cascade || word == SqlKeyword.Restrict
        || word == SqlKeyword.Set || word == SqlKeyword.No || word == SqlKeyword.Rows || word == SqlKeyword.Where;

    internal static bool IsSelectModifier(SqlKeyword word) =>
        word == SqlKeyword.Distinct || word == SqlKeyword.All || word == SqlKeyword.Distinctrow || word == SqlKeyword.Percent || word == SqlKeyword.With
        || word == SqlKeyword.Ties || word == SqlKeyword.StraightJoin || word == SqlKeyword.HighPriority || word == SqlKeyword.SqlCalcFoundRows
        || word == SqlKeyword.SqlNoCache || word == SqlKeyword.SqlCache || word == SqlKeyword.SqlSmallResult || word == SqlKeyword.SqlBigResult
        || word == SqlKeyword.SqlBufferResult;

    internal static bool IsSelectListEnd(SqlKeyword word) =>
        word == SqlKeyword.Where || word == SqlKeyword.Group || word == SqlKeyword.Order || word == SqlKeyword.Having || word == SqlKeyword.Limit
        || word == SqlKeyword.Union || word == SqlKeyword.Except || word == SqlKeyword.Intersect || word == SqlKeyword.Minus || word == SqlKeyword.Window
        || word == SqlKeyword.Set || SqlKeywords.IsStatementStarter(word);

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

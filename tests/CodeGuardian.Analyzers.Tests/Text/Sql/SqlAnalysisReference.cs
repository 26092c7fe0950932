using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

/// <summary>
/// The statement walks of <see cref="SqlAnalysis"/> as they were before they stepped over listed tokens only: every
/// token read in order. The tests compare the two on generated input; findings and statement ends must be equal.
/// Which keyword starts a statement or ends a select list is asked of <see cref="SqlAnalysis"/> itself: the walks
/// are what changed, not those decisions.
/// </summary>
internal static class SqlAnalysisReference
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

        // The deepest level used since the last batch separator: deeper levels were not touched since, so a reset stops there.
        var deepest = 0;
        var lastSignificant = -1;
        var tokens = code.Tokens;
        var text = code.Text;
        for (var i = 0; i < tokens.Length; i++)
        {
            if ((i & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            // The token is read once; its punctuation character is looked up only for punctuation.
            ref readonly var token = ref tokens[i];
            var kind = token.Kind;
            if (kind is TokenKind.Comment or TokenKind.Newline)
            {
                continue;
            }

            lastSignificant = i;
            var keyword = code.Keyword(i);
            var punctuation = kind == TokenKind.Punctuation && token.Length == 1 ? text[token.Start] : '\0';

            // Most tokens are plain words, literals or numbers outside any select list: nothing below applies to them.
            if (punctuation == '\0' && keyword == SqlKeyword.None && (depth >= MaxDepth || !lists[depth].Active))
            {
                continue;
            }

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
                if (SqlAnalysis.IsSelectStatement(code, i))
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

            if (punctuation == ',')
            {
                list.ExpectItem = true;
                list.AfterDot = false;
                list.InModifiers = false;
                continue;
            }

            if (punctuation == '.')
            {
                list.AfterDot = true;
                list.ExpectItem = false;
                continue;
            }

            if (punctuation == ';')
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

            if (keyword != SqlKeyword.None)
            {
                var word = keyword;
                if (word == SqlKeyword.From || word == SqlKeyword.Into)
                {
                    FinishList(code, lists, stars, depth, confirmed: true, results);
                    continue;
                }

                if (list.InModifiers && SqlAnalysis.IsSelectModifier(word))
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

                if (SqlAnalysis.IsSelectListEnd(word))
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

        // The deepest level used since the last batch separator: deeper levels were not touched since, so a reset stops there.
        var deepest = 0;
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

            // One keyword byte and one punctuation character per token; every test below compares those.
            var keyword = code.Keyword(i);
            var punctuation = code.PunctuationChar(i);
            if (keyword == SqlKeyword.Go && code.IsBatchSeparator(i))
            {
                for (var d = 0; d <= deepest; d++)
                {
                    FinishWrite(code, ref states[d], results);
                    states[d].InMerge = false;
                }

                depth = 0;
                deepest = 0;
                continue;
            }

            if (punctuation == '(')
            {
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
            if (punctuation == ';')
            {
                FinishWrite(code, ref state, results);
                state.InMerge = false;
                continue;
            }

            var isUpdate = keyword == SqlKeyword.Update;
            if ((isUpdate || keyword == SqlKeyword.Delete) && SqlAnalysis.IsWriteStatement(code, i, isUpdate, state.InMerge))
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
                        FinishWrite(code, ref state, results);
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
                        FinishWrite(code, ref state, results);
                        continue;
                    }

                    state.SeenSet = true;
                }
                else if (word == SqlKeyword.With)
                {
                    // UPDATE t WITH (ROWLOCK) is a table hint; any other WITH starts a new statement.
                    if (!code.IsPunctuation(code.Next(i), '('))
                    {
                        FinishWrite(code, ref state, results);
                        continue;
                    }
                }
                else if (word == SqlKeyword.Merge)
                {
                    FinishWrite(code, ref state, results);
                    state.InMerge = true;
                    continue;
                }
                else if (SqlKeywords.IsStatementStarter(word))
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FinishWrite(SqlCode code, ref WriteStatement state, List<SqlMatch> results)
    {
        if (state.Active)
        {
            ReportWrite(code, ref state, results);
        }
    }

    private static void ReportWrite(SqlCode code, ref WriteStatement state, List<SqlMatch> results)
    {
        if (!state.HasWhere && (!state.IsUpdate || state.SeenSet))
        {
            var keyword = code.Tokens[state.Keyword];
            var kind = state.IsUpdate ? SqlMatchKind.UpdateWithoutWhere : SqlMatchKind.DeleteWithoutWhere;
            results.Add(new SqlMatch(keyword.Start, keyword.Length, kind, state.LastEnd));
        }

        state.Active = false;
    }

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

using System;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// One pass over a unit's tokens that collects every token's keyword and lists the tokens each statement walk of
/// <see cref="SqlAnalysis"/> acts on (its steps): most tokens are names, literals and keywords a walk only passes
/// over, so the walks go from step to step instead of reading every token. The lexer has already classified the words
/// and marked the punctuation the walks act on (<see cref="Token.Tag"/>), so the pass reads one byte per token and
/// looks it up in two tables, without a branch.
/// </summary>
internal static class SqlTokenIndex
{
    /// <summary>A token <see cref="SqlAnalysis.FindUnfilteredWrites"/> acts on.</summary>
    private const byte WriteStep = 1;

    /// <summary>A token <see cref="SqlAnalysis.FindSelectStar"/> acts on.</summary>
    private const byte SelectStep = 2;

    // By tag: the keyword (0 for punctuation tags), and the walks that act on the token.
    private static readonly byte[] KeywordOfTag = BuildKeywordOfTag();
    private static readonly byte[] StepsOfTag = BuildStepsOfTag();

    /// <summary>
    /// Copies the keywords of <paramref name="tokens"/> (lexed by <see cref="SqlLexer"/>, which tags them) into
    /// <paramref name="keywords"/> and lists the write and select steps (each step array needs room for one index more
    /// than there are tokens); returns the numbers of write and select steps.
    /// </summary>
    public static (int WriteSteps, int SelectSteps) Build(ReadOnlySpan<Token> tokens, Span<byte> keywords, Span<int> writeSteps, Span<int> selectSteps)
    {
        var keywordOfTag = KeywordOfTag;
        var stepsOfTag = StepsOfTag;
        var writeCount = 0;
        var selectCount = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var tag = tokens[i].Tag;
            keywords[i] = keywordOfTag[tag];

            // Written always, kept by advancing the count: no branch on the (unpredictable) step kinds.
            var steps = stepsOfTag[tag];
            writeSteps[writeCount] = i;
            writeCount += steps & WriteStep;
            selectSteps[selectCount] = i;
            selectCount += (steps & SelectStep) >> 1;
        }

        return (writeCount, selectCount);
    }

    private static byte[] BuildKeywordOfTag()
    {
        var keywords = new byte[256];
        for (var tag = 0; tag < SqlLexer.OpenParenthesisTag; tag++)
        {
            keywords[tag] = (byte)tag;
        }

        return keywords;
    }

    private static byte[] BuildStepsOfTag()
    {
        var steps = new byte[256];
        for (var k = 1; k < SqlLexer.OpenParenthesisTag; k++)
        {
            var keyword = (SqlKeyword)k;
            if (SqlAnalysis.IsWriteWalkWord(keyword))
            {
                steps[k] |= WriteStep;
            }

            if (SqlAnalysis.IsSelectWalkWord(keyword))
            {
                steps[k] |= SelectStep;
            }
        }

        steps[SqlLexer.OpenParenthesisTag] = steps[SqlLexer.CloseParenthesisTag] = steps[SqlLexer.SemicolonTag] = WriteStep | SelectStep;

        // Commas and dots matter only inside an open select list: the walk reads them between its steps.
        steps[SqlLexer.StarTag] = SelectStep;
        return steps;
    }
}

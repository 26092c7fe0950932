using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// One pass over a unit's tokens that collects every token's keyword (classified by the lexer) and, in the same read, lists the tokens each
/// statement walk of <see cref="SqlAnalysis"/> acts on (its steps): most tokens are names, literals and keywords a
/// walk only passes over, so the walks go from step to step instead of reading every token.
/// </summary>
internal static class SqlTokenIndex
{
    /// <summary>A token <see cref="SqlAnalysis.FindUnfilteredWrites"/> acts on.</summary>
    private const byte WriteStep = 1;

    /// <summary>A token <see cref="SqlAnalysis.FindSelectStar"/> acts on.</summary>
    private const byte SelectStep = 2;

    // By keyword value: the walks that act on the word.
    private static readonly byte[] KeywordSteps = BuildKeywordSteps();

    /// <summary>
    /// Copies the keywords of <paramref name="tokens"/> (lexed by <see cref="SqlLexer"/>, which classifies each word in
    /// <see cref="Token.Tag"/>) into <paramref name="keywords"/> and lists the write and select steps (each
    /// step array needs room for one index more than there are tokens); the summary says which words the unit holds.
    /// </summary>
    public static Summary Build(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> keywords, Span<int> writeSteps, Span<int> selectSteps)
    {
        var summary = default(Summary);
        var writeCount = 0;
        var selectCount = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            var keyword = (SqlKeyword)token.Tag;
            keywords[i] = (byte)keyword;
            int steps;
            if (keyword != SqlKeyword.None)
            {
                summary.Presence.Set((int)keyword);
                steps = KeywordSteps[(int)keyword];
            }
            else if (token.Kind == TokenKind.Punctuation && token.Length == 1)
            {
                var c = text[token.Start];
                steps = PunctuationSteps(c);
                summary.HasStar |= c == '*';
            }
            else
            {
                steps = 0;
                summary.HasDollarQuoted |= token.Kind == TokenKind.String && (token.Flags & TokenFlags.DollarQuoted) != 0;
            }

            // Written always, kept by advancing the count: no branch on the (unpredictable) step kinds.
            writeSteps[writeCount] = i;
            writeCount += steps & WriteStep;
            selectSteps[selectCount] = i;
            selectCount += (steps & SelectStep) >> 1;
        }

        summary.WriteStepCount = writeCount;
        summary.SelectStepCount = selectCount;
        return summary;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PunctuationSteps(char c) => c switch
    {
        '(' or ')' or ';' => WriteStep | SelectStep,
        '*' or ',' or '.' => SelectStep,
        _ => 0,
    };

    private static byte[] BuildKeywordSteps()
    {
        var steps = new byte[256];
        for (var k = 1; k < 256; k++)
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

        return steps;
    }

    /// <summary>What a unit holds: its keywords, a <c>*</c>, a dollar-quoted string; how many steps each walk has.</summary>
    internal struct Summary
    {
        public Presence Presence;
        public bool HasStar;
        public bool HasDollarQuoted;
        public int WriteStepCount;
        public int SelectStepCount;
    }

    /// <summary>A bit per <see cref="SqlKeyword"/> value.</summary>
    internal struct Presence
    {
        private ulong _bits0;
        private ulong _bits1;
        private ulong _bits2;
        private ulong _bits3;

        public readonly bool Get(int bit) => ((bit >> 6) switch { 0 => _bits0, 1 => _bits1, 2 => _bits2, _ => _bits3 } & (1UL << (bit & 63))) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Set(int bit)
        {
            var mask = 1UL << (bit & 63);
            switch (bit >> 6)
            {
                case 0: _bits0 |= mask; break;
                case 1: _bits1 |= mask; break;
                case 2: _bits2 |= mask; break;
                default: _bits3 |= mask; break;
            }
        }
    }
}

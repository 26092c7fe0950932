using System;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;
using Xunit;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

public sealed class SqlKeywordsTests
{
    [Fact]
    public void EveryKeywordIsFoundInAnyCase()
    {
        foreach (SqlKeyword keyword in Enum.GetValues(typeof(SqlKeyword)))
        {
            if (keyword == SqlKeyword.None)
            {
                continue;
            }

            var text = SqlKeywords.TextOf(keyword);
            Assert.Equal(keyword, SqlKeywords.Of(text.AsSpan()));
            Assert.Equal(keyword, SqlKeywords.Of(text.ToLowerInvariant().AsSpan()));
            var mixed = char.ToLowerInvariant(text[0]) + text.Substring(1);
            Assert.Equal(keyword, SqlKeywords.Of(mixed.AsSpan()));
        }
    }

    [Theory]
    [InlineData("orders")]
    [InlineData("SELECTS")]
    [InlineData("SELEC")]
    [InlineData("S")]
    [InlineData("@select")]
    [InlineData("[select]")]
    [InlineData("s_lect")]
    [InlineData("sélect")]
    [InlineData("")]
    [InlineData("averyveryverylongidentifiername")]
    [InlineData("SQL\u007FCACHE")]
    [InlineData("sql\u007Fcache")]
    [InlineData("CONCAT\u007FWS")]
    [InlineData("MD\u0015")]
    [InlineData("SHA\u0011")]
    [InlineData("SEL\u0005CT")]
    [InlineData("SELECT\u0000")]
    [InlineData("PRIVILEG\u00C5S")]
    [InlineData("TRANSACTIOM")]
    [InlineData("TRANSACTXON")]
    public void OtherWordsAreNone(string word) => Assert.Equal(SqlKeyword.None, SqlKeywords.Of(word.AsSpan()));

    [Theory]
    [InlineData("\u017Felect")]
    [InlineData("PR\u0131VILEGES")]
    [InlineData("upda\u0131e")]
    public void NonAsciiWordsAnswerLikeOrdinalIgnoreCase(string word)
    {
        var expected = SqlKeyword.None;
        foreach (SqlKeyword keyword in Enum.GetValues(typeof(SqlKeyword)))
        {
            if (keyword != SqlKeyword.None && word.Equals(SqlKeywords.TextOf(keyword), StringComparison.OrdinalIgnoreCase))
            {
                expected = keyword;
            }
        }

        Assert.Equal(expected, SqlKeywords.Of(word.AsSpan()));
    }

    /// <summary>Classifying a token (the short-word fast path) answers like <see cref="SqlKeywords.Of"/> on its text.</summary>
    [Fact]
    public void ClassifyAnswersLikeOfForAnyWord()
    {
        const string alphabet = "aAeEsSlLcCtTmMdDhH125_\u007F\u0015\u0011\u0131\u017F\u212Aiknoprux";
        var random = new Random(5001);
        var checkedWords = 0;
        foreach (SqlKeyword keyword in Enum.GetValues(typeof(SqlKeyword)))
        {
            if (keyword == SqlKeyword.None)
            {
                continue;
            }

            var text = SqlKeywords.TextOf(keyword);
            foreach (var variant in new[] { text, text.ToLowerInvariant(), char.ToLowerInvariant(text[0]) + text.Substring(1) })
            {
                AssertClassifyLikeOf(variant);
                checkedWords++;

                // One character changed at a random place, to a character that folds or nearly folds.
                var chars = variant.ToCharArray();
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
                AssertClassifyLikeOf(new string(chars));
            }
        }

        for (var round = 0; round < 200000; round++)
        {
            var chars = new char[random.Next(2, 10)];
            for (var c = 0; c < chars.Length; c++)
            {
                chars[c] = alphabet[random.Next(alphabet.Length)];
            }

            AssertClassifyLikeOf(new string(chars));
        }

        foreach (var word in new[] { "SQL\u007FCACHE", "MD\u0015", "SHA\u0011", "SEL\u0005CT", "\u017Felect", "PR\u0131VILEGES", "upda\u0131e", "md5", "Sha1", "sha\u0031", "MD\u0035" })
        {
            AssertClassifyLikeOf(word);
        }

        Assert.True(checkedWords > 300);
    }

    private static void AssertClassifyLikeOf(string word)
    {
        var text = "(" + word + ")";
        var token = new Token(1, word.Length, TokenKind.Identifier);
        Assert.True(SqlKeywords.Of(word.AsSpan()) == SqlKeywords.Classify(text.AsSpan(), token), word);
    }
}

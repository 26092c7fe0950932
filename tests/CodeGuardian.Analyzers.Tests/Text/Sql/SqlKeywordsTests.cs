using System;
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
}

using System;
using System.Collections.Generic;
using System.Linq;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

/// <summary>
/// The statement walks go from step to step (<see cref="SqlTokenIndex"/>); on generated SQL they must find exactly what
/// the token-by-token walks find, statement ends included.
/// </summary>
public class SqlAnalysisStepsTests
{
    private static readonly string[] Pieces =
    {
        "SELECT ", "select ", "*", " * ", "t.*", ", ", ".", "(", ")", ";", "\n", "\r\n", " FROM ", " INTO ", " TOP ", " 5 ",
        " 3.5 ", " DISTINCT ", " ALL ", " ON ", " WITH ", " TIES ", " PERCENT ", "UPDATE ", "DELETE ", " SET ", " WHERE ",
        " CASE ", " WHEN ", " THEN ", " ELSE ", " END ", " MERGE ", " INSERT ", " EXISTS ", " GRANT ", " REVOKE ", " t ",
        " a ", " b = 1 ", " = ", " + ", " <> ", "'text'", "N'x''y'", "-- note\n", "/* block */", "\nGO\n", "GO", " go 2\n",
        "[Update]", "\"select\"", " @x ", " COUNT(*) ", " ORDER BY ", " GROUP ", " UNION ", " FOR ", " AFTER ", " CURRENT OF ",
        " ROWLOCK ", " BEGIN ", " TRUNCATE ", " DO ", " Cascade ", " OUTPUT ", " STATISTICS ", "((((((((((((", "))))))))))))",
        "$$ UPDATE t SET a = 1 $$", " AS ", " LANGUAGE ", "#", "`x`", " SQL_CALC_FOUND_ROWS ", " STRAIGHT_JOIN ",
    };

    // Pieces that often make select lists and UPDATE/DELETE statements, so the comparisons see many findings.
    private static readonly string[] SelectPieces =
    {
        "SELECT ", "SELECT * FROM t", "*", "t.*", ", ", " FROM ", " INTO ", "(", ")", ";", "\n", " TOP ", " 5 ", " DISTINCT ",
        " ON ", " a ", "-- c\n", "/* c */", "\nGO\n", " WHERE ", " COUNT(*) ", "1 * 2", " EXISTS ", " GRANT ", ".", " WITH ", " TIES ",
        "((((((((((((", "))))))))))))", " AS ", " UNION ",
    };

    private static readonly string[] WritePieces =
    {
        "UPDATE t", "DELETE FROM t", "DELETE t", " SET a = 1", " SET ", " WHERE ", "(", ")", ";", "\n", " a ", " = ", " CASE ", " END ",
        " WHEN ", "-- c\n", "/* c */", "\nGO\n", " MERGE ", " WITH ", " SELECT ", " BEGIN ", " FROM ", " 7 ", " x + y ",
        "((((((((((((", "))))))))))))", " THEN ", "'s'",
    };

    [Fact]
    public void Select_star_findings_are_those_of_the_token_walk()
    {
        var found = 0;
        foreach (var text in GeneratedSources.From(Pieces, 10000, seed: 5002).Concat(GeneratedSources.From(SelectPieces, 10000, seed: 5004)))
        {
            found += AssertSame(text, selectStar: true);
        }

        // The inputs must hold findings for the comparison to mean something.
        Assert.True(found > 2000, $"{found} findings");
    }

    [Fact]
    public void Unfiltered_write_findings_and_statement_ends_are_those_of_the_token_walk()
    {
        var found = 0;
        foreach (var text in GeneratedSources.From(Pieces, 10000, seed: 5003).Concat(GeneratedSources.From(WritePieces, 10000, seed: 5005)))
        {
            found += AssertSame(text, selectStar: false);
        }

        Assert.True(found > 2000, $"{found} findings");
    }

    [Theory]
    [InlineData("UPDATE t SET a = (1 + (2")]
    [InlineData("UPDATE t SET a = f(x) -- c\n")]
    [InlineData("DELETE FROM t (\nGO\n")]
    [InlineData("UPDATE t SET a = 1, b = (SELECT 1 FROM u) /* c */ ;")]
    [InlineData("UPDATE t SET a = CASE WHEN b THEN 1 END WHERE c = 1; UPDATE u SET x = 2 END")]
    [InlineData("SELECT TOP 5 * FROM t; SELECT DISTINCT ON (a) * FROM t; SELECT TOP (3) t.* FROM t")]
    [InlineData("SELECT a, * FROM t; SELECT *")]
    public void Edge_cases_are_those_of_the_token_walk(string text)
    {
        AssertSame(text, selectStar: true);
        AssertSame(text, selectStar: false);
    }

    private static int AssertSame(string text, bool selectStar)
    {
        using var tokens = new TokenList();
        SqlLexer.Tokenize(text.AsSpan(), tokens, SqlLexerOptions.None, default);
        var keywords = new byte[tokens.Count];
        SqlKeywords.Classify(text.AsSpan(), tokens.AsSpan(), keywords);
        var code = new SqlCode(text.AsSpan(), tokens.AsSpan(), keywords);
        var expected = new List<SqlMatch>();
        var actual = new List<SqlMatch>();
        if (selectStar)
        {
            SqlAnalysisReference.FindSelectStar(code, expected);
            SqlAnalysis.FindSelectStar(code, actual);
        }
        else
        {
            SqlAnalysisReference.FindUnfilteredWrites(code, expected);
            SqlAnalysis.FindUnfilteredWrites(code, actual);
        }

        Assert.True(
            expected.Select(Describe).SequenceEqual(actual.Select(Describe)),
            $"{text}\nexpected: {string.Join(", ", expected.Select(Describe))}\nactual: {string.Join(", ", actual.Select(Describe))}");
        return expected.Count;
    }

    private static string Describe(SqlMatch match) => $"{match.Kind}@{match.Start}+{match.Length}..{match.StatementEnd}";
}

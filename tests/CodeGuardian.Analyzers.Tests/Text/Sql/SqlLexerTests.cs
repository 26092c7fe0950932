using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

public class SqlLexerTests
{
    private static List<(TokenKind Kind, string Text, TokenFlags Flags)> Lex(string text, SqlLexerOptions options = SqlLexerOptions.None)
    {
        using var tokens = new TokenList();
        SqlLexer.Tokenize(text.AsSpan(), tokens, options, CancellationToken.None);
        var result = new List<(TokenKind, string, TokenFlags)>();
        foreach (var token in tokens.AsSpan())
        {
            result.Add((token.Kind, text.Substring(token.Start, token.Length), token.Flags));
        }

        return result;
    }

    private static (TokenKind Kind, string Text, TokenFlags Flags) Single(string text, TokenKind kind)
    {
        var tokens = Lex(text).Where(t => t.Kind == kind).ToList();
        Assert.Single(tokens);
        return tokens[0];
    }

    [Fact]
    public void Keywords_and_names_are_identifiers_numbers_and_operators()
    {
        var tokens = Lex("SELECT a.b, 1.5e-3, 0x1F FROM t WHERE x <> 2 AND y::int >= 3 || 'z'");
        Assert.Equal(
            new[] { "SELECT", "a", ".", "b", ",", "1.5e-3", ",", "0x1F", "FROM", "t", "WHERE", "x", "<>", "2", "AND", "y", "::", "int", ">=", "3", "||", "'z'" },
            tokens.Select(t => t.Text));
        Assert.Equal(TokenKind.Identifier, tokens[0].Kind);
        Assert.Equal(TokenKind.Number, tokens[5].Kind);
        Assert.Equal(TokenKind.Number, tokens[7].Kind);
        Assert.Equal(TokenKind.Punctuation, tokens[12].Kind);
        Assert.Equal(TokenKind.String, tokens[^1].Kind);
    }

    [Fact]
    public void Line_comment_runs_to_the_end_of_the_line_and_newlines_are_tokens()
    {
        var tokens = Lex("SELECT 1 -- SELECT * FROM t 'x\r\nGO\n");
        Assert.Equal(
            new[] { (TokenKind.Identifier, "SELECT"), (TokenKind.Number, "1"), (TokenKind.Comment, "-- SELECT * FROM t 'x"), (TokenKind.Newline, "\r\n"), (TokenKind.Identifier, "GO"), (TokenKind.Newline, "\n") },
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Hash_space_is_a_mysql_comment_but_temp_tables_and_operators_are_not()
    {
        var tokens = Lex("# SELECT * FROM t\nSELECT a #> '{x}' FROM #tmp #");
        Assert.Equal(
            new[] { (TokenKind.Comment, "# SELECT * FROM t"), (TokenKind.Newline, "\n"), (TokenKind.Identifier, "SELECT"), (TokenKind.Identifier, "a"), (TokenKind.Punctuation, "#"), (TokenKind.Punctuation, ">"), (TokenKind.String, "'{x}'"), (TokenKind.Identifier, "FROM"), (TokenKind.Identifier, "#tmp"), (TokenKind.Comment, "#") },
            tokens.Select(t => (t.Kind, t.Text)));
    }

    [Fact]
    public void Block_comments_nest()
    {
        var comment = Single("/* outer /* inner */ still comment */ SELECT", TokenKind.Comment);
        Assert.Equal("/* outer /* inner */ still comment */", comment.Text);
        Assert.True(comment.Flags.HasFlag(TokenFlags.BlockComment));
        Assert.Equal("SELECT", Single("/* outer /* inner */ still comment */ SELECT", TokenKind.Identifier).Text);
    }

    [Fact]
    public void Unterminated_block_comment_ends_at_end_of_file()
    {
        var comment = Single("SELECT 1 /* open /* nested */ ", TokenKind.Comment);
        Assert.Equal("/* open /* nested */ ", comment.Text);
        Assert.True(comment.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Fact]
    public void Doubled_quote_is_an_escape_inside_strings()
    {
        var tokens = Lex("SELECT 'it''s -- not a comment' AS x");
        Assert.Equal("'it''s -- not a comment'", tokens[1].Text);
        Assert.Equal(TokenKind.String, tokens[1].Kind);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Comment);
        Assert.Equal("x", tokens[^1].Text);
    }

    [Theory]
    [InlineData("N'unicode'")]
    [InlineData("n'unicode'")]
    [InlineData("E'it\\'s'")]
    [InlineData("X'0AFF'")]
    [InlineData("B'0101'")]
    [InlineData("U&'d\\0061t'")]
    public void Prefixed_strings_are_one_string_token(string literal)
    {
        var tokens = Lex("SELECT " + literal + " FROM t");
        Assert.Equal(literal, tokens[1].Text);
        Assert.Equal(TokenKind.String, tokens[1].Kind);
        Assert.Equal("FROM", tokens[2].Text);
    }

    [Fact]
    public void Backslash_is_an_escape_only_in_E_strings()
    {
        // In a standard string the backslash is a character: the string ends at the second quote.
        var plain = Lex(@"SELECT 'a\' , 'b'");
        Assert.Equal(@"'a\'", plain[1].Text);
        var escaped = Lex(@"SELECT E'a\' , ' x");
        Assert.Equal(@"E'a\' , '", escaped[1].Text);
    }

    [Fact]
    public void Unterminated_string_ends_at_end_of_file()
    {
        var token = Single("SELECT 'open\nFROM t", TokenKind.String);
        Assert.Equal("'open\nFROM t", token.Text);
        Assert.True(token.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Theory]
    [InlineData("[order details]", "[order details]")]
    [InlineData("[a]]b]", "[a]]b]")]
    [InlineData("\"Select\"", "\"Select\"")]
    [InlineData("\"a\"\"b\"", "\"a\"\"b\"")]
    [InlineData("`from`", "`from`")]
    [InlineData("`a``b`", "`a``b`")]
    public void Quoted_identifiers_are_flagged_identifiers(string source, string expected)
    {
        var tokens = Lex("SELECT " + source + " FROM t");
        Assert.Equal(expected, tokens[1].Text);
        Assert.Equal(TokenKind.Identifier, tokens[1].Kind);
        Assert.True(tokens[1].Flags.HasFlag(TokenFlags.QuotedIdentifier));
        Assert.Equal("FROM", tokens[2].Text);
    }

    [Fact]
    public void Bracket_without_close_on_its_line_is_punctuation()
    {
        var tokens = Lex("SELECT arr[1\nFROM t]");
        Assert.Equal(new[] { "SELECT", "arr", "[", "1", "\n", "FROM", "t", "]" }, tokens.Select(t => t.Text));
    }

    [Fact]
    public void Unterminated_quoted_identifier_ends_at_end_of_file()
    {
        var tokens = Lex("SELECT \"open\n more");
        Assert.Equal("\"open\n more", tokens[1].Text);
        Assert.True(tokens[1].Flags.HasFlag(TokenFlags.Unterminated | TokenFlags.QuotedIdentifier));
    }

    [Theory]
    [InlineData("$$ DELETE FROM t; 'x' $$")]
    [InlineData("$body$ SELECT $$inner$$; $body$")]
    [InlineData("$fn_1$ x $fn_1$")]
    public void Dollar_quoted_strings(string literal)
    {
        var tokens = Lex("AS " + literal + " LANGUAGE sql");
        Assert.Equal(literal, tokens[1].Text);
        Assert.Equal(TokenKind.String, tokens[1].Kind);
        Assert.True(tokens[1].Flags.HasFlag(TokenFlags.DollarQuoted));
        Assert.Equal("LANGUAGE", tokens[2].Text);
    }

    [Fact]
    public void Unterminated_dollar_quote_ends_at_end_of_file()
    {
        var token = Single("DO $tag$ BEGIN DELETE FROM t; $other$", TokenKind.String);
        Assert.Equal("$tag$ BEGIN DELETE FROM t; $other$", token.Text);
        Assert.True(token.Flags.HasFlag(TokenFlags.Unterminated | TokenFlags.DollarQuoted));
    }

    [Fact]
    public void Parameters_and_variables()
    {
        var tokens = Lex("WHERE a = @id AND b = @@ROWCOUNT AND c = :name AND d = ? AND e = $1 AND f::text = g AND h := 1");
        var texts = tokens.Select(t => t.Text).ToList();
        Assert.Contains("@id", texts);
        Assert.Contains("@@ROWCOUNT", texts);
        Assert.Contains(":name", texts);
        Assert.Contains("?", texts);
        Assert.Contains("$1", texts);
        Assert.Contains("::", texts);
        Assert.Contains(":=", texts);
        Assert.Equal(TokenKind.Identifier, tokens.First(t => t.Text == "@id").Kind);
        Assert.Equal(TokenKind.Identifier, tokens.First(t => t.Text == ":name").Kind);
        Assert.Equal(TokenKind.Identifier, tokens.First(t => t.Text == "$1").Kind);
        Assert.Equal(TokenKind.Punctuation, tokens.First(t => t.Text == "?").Kind);
    }

    [Fact]
    public void Temp_tables_are_identifiers()
    {
        var tokens = Lex("SELECT * INTO #tmp FROM ##global");
        Assert.Contains(tokens, t => t.Text == "#tmp" && t.Kind == TokenKind.Identifier);
        Assert.Contains(tokens, t => t.Text == "##global" && t.Kind == TokenKind.Identifier);
    }

    [Fact]
    public void Host_escapes_separate_words_when_lexing_literal_content()
    {
        var tokens = Lex(@"SELECT *\nFROM \""users\"" WHERE a = 'it\'s'", SqlLexerOptions.HostEscapes);
        Assert.Equal(new[] { "SELECT", "*", "FROM", "users", "WHERE", "a", "=", @"'it\'s'" }, tokens.Select(t => t.Text));
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        var text = string.Concat(Enumerable.Repeat("a ", 50_000));
        using var tokens = new TokenList();
        Assert.ThrowsAny<OperationCanceledException>(() => SqlLexer.Tokenize(text.AsSpan(), tokens, SqlLexerOptions.None, source.Token));
    }

    [Fact]
    public void Many_open_brackets_on_one_line_stay_linear()
    {
        var text = new string('[', 200_000);
        using var tokens = new TokenList();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        new SqlLexer().Tokenize(text.AsSpan(), tokens, CancellationToken.None);
        Assert.Equal(200_000, tokens.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }

    [Fact]
    public void Randomized_input_never_throws_and_tokens_are_ordered_in_bounds()
    {
        const string alphabet = "SELECT*FROM where'\"`[]$$tag@:?-/*\\\r\n\t 0123456789.eEN;()\u00e9\ud83d\ude00\u0000,+|";
        var random = new Random(20261126);
        var corpus = new[]
        {
            "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN /* c /* n */ */ RETURN 1; END $body$ LANGUAGE plpgsql;",
            "SELECT [a]]b], \"q\"\"x\", `m`, N'it''s', E'\\'', X'FF', @v, @@g, :n, ?, $1 -- c\nGO\n",
        };
        for (var round = 0; round < 3000; round++)
        {
            string text;
            if (round % 3 == 0)
            {
                var source = corpus[round % corpus.Length];
                text = source.Substring(0, random.Next(source.Length + 1));
            }
            else
            {
                var builder = new StringBuilder();
                var length = random.Next(0, 120);
                for (var i = 0; i < length; i++)
                {
                    builder.Append(alphabet[random.Next(alphabet.Length)]);
                }

                text = builder.ToString();
            }

            foreach (var options in new[] { SqlLexerOptions.None, SqlLexerOptions.HostEscapes })
            {
                using var tokens = new TokenList();
                SqlLexer.Tokenize(text.AsSpan(), tokens, options, CancellationToken.None);
                var previousEnd = 0;
                foreach (var token in tokens.AsSpan())
                {
                    Assert.True(token.Start >= previousEnd, $"overlap in {text}");
                    Assert.True(token.Length > 0, $"empty token in {text}");
                    Assert.True(token.End <= text.Length, $"out of bounds in {text}");
                    previousEnd = token.End;
                }
            }
        }
    }

    private static readonly string[] TagPieces =
    {
        "SELECT", "select", "Update", " ", "\n", "t", "N", "'x'", "E", "U&", "[Delete]", "\"from\"", "`where`", "@go", "@@rowcount", ":set",
        "$1", "$$ END $$", "#temp", "_exec", "md5", "MD\u0015", "\u017Felect", "pr\u0131vileges", "TRANSACTION", "transactions", "sql_cache",
        "-- select\n", "/* update */", "(", ")", ",", ".", "*", ";", "**", ".5", "a.b", "<>", "::", "[", "@", "$", "#", "12", "3.5e2", "x", "concat_ws", "\\n", "DISTINCTROW", "élan",
    };

    private static byte ExpectedTag(string text, Token token)
    {
        if (token.Kind == TokenKind.Punctuation && token.Length == 1)
        {
            return text[token.Start] switch
            {
                '(' => SqlLexer.OpenParenthesisTag,
                ')' => SqlLexer.CloseParenthesisTag,
                ',' => SqlLexer.CommaTag,
                ';' => SqlLexer.SemicolonTag,
                '.' => SqlLexer.DotTag,
                '*' => SqlLexer.StarTag,
                _ => 0,
            };
        }

        return (byte)SqlKeywords.Classify(text.AsSpan(), token);
    }

    /// <summary>
    /// The lexer's <see cref="Token.Tag"/> is the keyword classifying the token's text gives, or the tag of the
    /// punctuation the SQL layer acts on, in every context.
    /// </summary>
    [Fact]
    public void Every_token_is_tagged_with_the_keyword_its_text_is()
    {
        var keywords = 0;
        foreach (var text in GeneratedSources.From(TagPieces, 20000, seed: 5010))
        {
            foreach (var options in new[] { SqlLexerOptions.None, SqlLexerOptions.HostEscapes })
            {
                using var tokens = new TokenList();
                SqlLexer.Tokenize(text.AsSpan(), tokens, options, CancellationToken.None);
                foreach (var token in tokens.AsSpan())
                {
                    var expected = ExpectedTag(text, token);
                    Assert.True(expected == token.Tag, $"{text}: {token} tagged {token.Tag}, expected {expected}");
                    keywords += SqlKeywords.Classify(text.AsSpan(), token) == SqlKeyword.None ? 0 : 1;
                }
            }
        }

        Assert.True(keywords > 10000);
    }
}

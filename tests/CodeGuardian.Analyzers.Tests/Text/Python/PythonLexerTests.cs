using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PythonLexerTests
{
    private static List<(TokenKind Kind, string Text, TokenFlags Flags)> Lex(string source)
    {
        using var tokens = new TokenList();
        new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        AssertWellFormed(source, tokens);
        var result = new List<(TokenKind, string, TokenFlags)>();
        foreach (var token in tokens.AsSpan())
        {
            result.Add((token.Kind, source.Substring(token.Start, token.Length), token.Flags));
        }

        return result;
    }

    private static void AssertWellFormed(string source, TokenList tokens)
    {
        var previousEnd = 0;
        foreach (var token in tokens.AsSpan())
        {
            Assert.True(token.Start >= previousEnd, $"token {token} overlaps or is out of order");
            Assert.True(token.Length >= 0 && token.End <= source.Length, $"token {token} out of bounds");
            Assert.True(token.Length > 0 || token.Kind == TokenKind.Newline, $"empty token {token}");
            previousEnd = token.End;
        }
    }

    private static (TokenKind Kind, string Text, TokenFlags Flags) Single(string source, TokenKind kind)
    {
        var all = Lex(source).FindAll(t => t.Kind == kind);
        Assert.Single(all);
        return all[0];
    }

    private static (TokenKind Kind, string Text, TokenFlags Flags) FirstString(string source) =>
        Lex(source).Find(t => t.Kind == TokenKind.String);

    [Theory]
    [InlineData("x = 'a'", "'a'")]
    [InlineData("x = \"a\"", "\"a\"")]
    [InlineData("x = 'it\\'s'", "'it\\'s'")]
    [InlineData("x = \"\"\"a\n'b'\n\"c\"\n\"\"\"", "\"\"\"a\n'b'\n\"c\"\n\"\"\"")]
    [InlineData("x = '''a\n\"\"\"\n'''", "'''a\n\"\"\"\n'''")]
    [InlineData("x = 'a\\\nb'", "'a\\\nb'")]
    public void Strings_are_one_token_with_delimiters(string source, string expected)
    {
        Assert.Equal(expected, FirstString(source).Text);
    }

    [Theory]
    [InlineData("r'x'", TokenFlags.Raw)]
    [InlineData("R'x'", TokenFlags.Raw)]
    [InlineData("b'x'", TokenFlags.Bytes)]
    [InlineData("B\"x\"", TokenFlags.Bytes)]
    [InlineData("u'x'", TokenFlags.None)]
    [InlineData("U'x'", TokenFlags.None)]
    [InlineData("rb'x'", TokenFlags.Raw | TokenFlags.Bytes)]
    [InlineData("bR'x'", TokenFlags.Raw | TokenFlags.Bytes)]
    [InlineData("Br'x'", TokenFlags.Raw | TokenFlags.Bytes)]
    [InlineData("f'x'", TokenFlags.None)]
    [InlineData("F'{x}'", TokenFlags.Interpolated)]
    [InlineData("fr'{x}'", TokenFlags.Raw | TokenFlags.Interpolated)]
    [InlineData("Rf'{x}'", TokenFlags.Raw | TokenFlags.Interpolated)]
    [InlineData("rF\"\"\"{x}\"\"\"", TokenFlags.Raw | TokenFlags.Interpolated | TokenFlags.Triple)]
    [InlineData("b'''x'''", TokenFlags.Bytes | TokenFlags.Triple)]
    public void Prefixes_in_any_case_and_combination(string literal, TokenFlags flags)
    {
        var token = FirstString("y = " + literal + "\n");
        Assert.Equal(literal, token.Text);
        Assert.Equal(flags, token.Flags);
    }

    [Theory]
    [InlineData("bf'x'")]
    [InlineData("ur'x'")]
    [InlineData("rr'x'")]
    [InlineData("abc'x'")]
    public void Invalid_prefixes_are_names(string literal)
    {
        var tokens = Lex("y = " + literal);
        Assert.Equal(TokenKind.Identifier, tokens[2].Kind);
        Assert.Equal("'x'", tokens[3].Text);
    }

    [Fact]
    public void Raw_string_backslash_quote_does_not_end_it()
    {
        // r"\"" is a two-character string: backslash, quote.
        var token = FirstString("x = r\"\\\"\" + y");
        Assert.Equal("r\"\\\"\"", token.Text);
        Assert.Equal(TokenFlags.Raw, token.Flags);

        // r"\" is not closed by its last quote: it runs to the end of the line.
        var open = FirstString("x = r\"\\\"\ny = 1");
        Assert.Equal("r\"\\\"", open.Text);
        Assert.True(open.Flags.HasFlag(TokenFlags.Unterminated));
        Assert.Contains(Lex("x = r\"\\\"\ny = 1"), t => t.Text == "y" && t.Flags.HasFlag(TokenFlags.LineStart));
    }

    [Fact]
    public void Raw_string_double_backslash_ends_before_quote()
    {
        var tokens = Lex("x = r'\\\\' + z");
        Assert.Equal("r'\\\\'", tokens[2].Text);
        Assert.Equal("z", tokens[4].Text);
    }

    [Theory]
    [InlineData("f\"{x['k']}\"", true)]
    [InlineData("f\"{x[\"k\"]}\"", true)] // Python 3.12: the same quote inside a field.
    [InlineData("f'{{literal}}'", false)]
    [InlineData("f'}}{{'", false)]
    [InlineData("f'{x:>{width}}'", true)]
    [InlineData("f'{x!r:^10}'", true)]
    [InlineData("f'{ {\"a\": 1}[\"a\"] }'", true)]
    [InlineData("f'{(lambda: 1)()}'", true)]
    [InlineData("f'{f\"{f'{x}'}\"}'", true)]
    [InlineData("f'''{x\n+ y}'''", true)]
    [InlineData("f\"{'}'}\"", true)]
    [InlineData("f'{a:{b}{c}}'", true)]
    [InlineData("f'{x=}'", true)]
    [InlineData("f'{a != b}'", true)]
    public void FStrings_are_one_token(string literal, bool interpolated)
    {
        var source = "s = " + literal + " + tail\n";
        var tokens = Lex(source);
        Assert.Equal(literal, tokens[2].Text);
        Assert.Equal(TokenKind.String, tokens[2].Kind);
        Assert.Equal(interpolated, tokens[2].Flags.HasFlag(TokenFlags.Interpolated));
        Assert.False(tokens[2].Flags.HasFlag(TokenFlags.Unterminated));
        Assert.Equal("tail", tokens[4].Text);
    }

    [Fact]
    public void Unterminated_single_line_strings_end_at_end_of_line()
    {
        var tokens = Lex("a = 'open\nb = 2\n");
        Assert.Equal("'open", tokens[2].Text);
        Assert.True(tokens[2].Flags.HasFlag(TokenFlags.Unterminated));
        Assert.Equal(TokenKind.Newline, tokens[3].Kind);
        Assert.Equal("b", tokens[4].Text);

        var fString = Lex("a = f'{x\nb = 2\n");
        Assert.Equal("f'{x", fString[2].Text);
        Assert.True(fString[2].Flags.HasFlag(TokenFlags.Unterminated));
        Assert.Equal("b", fString[4].Text);
    }

    [Fact]
    public void Unterminated_triple_strings_run_to_end_of_file()
    {
        var token = Single("a = '''open\nb = 2\n", TokenKind.String);
        Assert.Equal("'''open\nb = 2\n", token.Text);
        Assert.True(token.Flags.HasFlag(TokenFlags.Unterminated | TokenFlags.Triple));
    }

    [Fact]
    public void Comments_run_to_end_of_line_and_hash_in_string_is_not_a_comment()
    {
        var tokens = Lex("x = '#no'  # yes\n");
        Assert.Equal(TokenKind.String, tokens[2].Kind);
        Assert.Equal((TokenKind.Comment, "# yes", TokenFlags.None), tokens[3]);
        Assert.Equal(TokenKind.Newline, tokens[4].Kind);
    }

    [Fact]
    public void Newlines_end_logical_lines_only()
    {
        var source = "x = (1,\n     2)\ny = 3 + \\\n    4\n\n# comment only\nz = [\n]\n";
        var kinds = Lex(source).FindAll(t => t.Kind == TokenKind.Newline);
        Assert.Equal(3, kinds.Count);
        var starts = Lex(source).FindAll(t => t.Flags.HasFlag(TokenFlags.LineStart));
        Assert.Equal(new[] { "x", "y", "z" }, starts.ConvertAll(t => t.Text).ToArray());
    }

    [Fact]
    public void End_of_file_ends_the_last_line_with_an_empty_newline()
    {
        var tokens = Lex("x = 1");
        Assert.Equal(TokenKind.Newline, tokens[^1].Kind);
        Assert.Equal(string.Empty, tokens[^1].Text);
    }

    [Fact]
    public void Crlf_and_cr_line_breaks()
    {
        var tokens = Lex("a = 1\r\nb = 2\rc = 3");
        Assert.Equal("\r\n", tokens[3].Text);
        Assert.Equal("\r", tokens[7].Text);
        Assert.True(tokens[8].Flags.HasFlag(TokenFlags.LineStart));
    }

    [Fact]
    public void Docstrings_are_string_statements()
    {
        var source = "\"\"\"Module doc.\"\"\"\n\ndef f():\n    '''Function doc.'''\n    x = 'not a doc'\n    'also a statement'  # note\n    return ''.join(x)\n";
        var strings = Lex(source).FindAll(t => t.Kind == TokenKind.String);
        Assert.True(strings[0].Flags.HasFlag(TokenFlags.Documentation));
        Assert.True(strings[1].Flags.HasFlag(TokenFlags.Documentation));
        Assert.False(strings[2].Flags.HasFlag(TokenFlags.Documentation));
        Assert.True(strings[3].Flags.HasFlag(TokenFlags.Documentation));
        Assert.False(strings[4].Flags.HasFlag(TokenFlags.Documentation));
        Assert.True(strings[0].Flags.HasFlag(TokenFlags.LineStart));
    }

    [Fact]
    public void Implicitly_concatenated_string_statement_is_documentation()
    {
        var strings = Lex("'a' 'b'\nx = 'c' 'd'\n").FindAll(t => t.Kind == TokenKind.String);
        Assert.True(strings[0].Flags.HasFlag(TokenFlags.Documentation));
        Assert.True(strings[1].Flags.HasFlag(TokenFlags.Documentation));
        Assert.False(strings[2].Flags.HasFlag(TokenFlags.Documentation));
    }

    [Fact]
    public void Numbers_and_operators()
    {
        var tokens = Lex("x = 1_000 + 0x1F + 1.5e-3 + .5j ** 2 // 3\nx **= 2\nf(*a, **k) -> y := z ... @= 1\n");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Number && t.Text == "1_000");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Number && t.Text == "0x1F");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Number && t.Text == "1.5e-3");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Number && t.Text == ".5j");
        foreach (var op in new[] { "**", "//", "**=", "->", ":=", "...", "@=" })
        {
            Assert.Contains(tokens, t => t.Kind == TokenKind.Punctuation && t.Text == op);
        }
    }

    [Fact]
    public void Shebang_and_bom_are_text()
    {
        var tokens = Lex("\uFEFF#!/usr/bin/env python\nprint(1)\n");
        Assert.Equal(TokenKind.Text, tokens[0].Kind);
        Assert.Equal((TokenKind.Text, "#!/usr/bin/env python", TokenFlags.None), tokens[1]);
        Assert.True(tokens[2].Flags.HasFlag(TokenFlags.LineStart));
    }

    [Fact]
    public void Unicode_identifiers()
    {
        var tokens = Lex("größe = naïve_ß + 名前\n");
        Assert.Equal("größe", tokens[0].Text);
        Assert.Equal("naïve_ß", tokens[2].Text);
        Assert.Equal("名前", tokens[4].Text);
    }

    [Fact]
    public void Unclosed_bracket_recovers_at_a_statement_keyword()
    {
        var tokens = Lex("print(\n\ndef f():\n    return 1\n");
        var def = tokens.Find(t => t.Text == "def");
        Assert.True(def.Flags.HasFlag(TokenFlags.LineStart));
        var ret = tokens.Find(t => t.Text == "return");
        Assert.True(ret.Flags.HasFlag(TokenFlags.LineStart));
    }

    [Fact]
    public void Comprehension_keywords_inside_brackets_do_not_recover()
    {
        var tokens = Lex("x = [a\n     for a in b\n     if a]\n");
        Assert.Single(tokens.FindAll(t => t.Kind == TokenKind.Newline));
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var tokens = new TokenList();
        var source = Repeat("x = 1\n", 5000);
        Assert.ThrowsAny<OperationCanceledException>(() => new PythonLexer().Tokenize(source.AsSpan(), tokens, cts.Token));
    }

    private const string RealisticFile = """"
        #!/usr/bin/env python3
        # -*- coding: utf-8 -*-
        '''Module docstring with "quotes" and a # hash.'''
        import os, sys as system
        from typing import (Protocol,
                            Optional)

        @decorator(arg=1)
        class Repo(Protocol):
            """Doc."""
            def find(self, key: str, *, limit: int = 10) -> Optional[str]:
                query = f"SELECT * FROM t WHERE k = {key!r:>{limit}} AND n = {{x}}"
                raw = rb'\d+\'' + br"\\"
                text = '''multi
        line''' + "x\
        y"
                return cursor.execute(query, (key,))  # trailing comment

        async def main() -> None:
            async with ctx() as c:
                values = [x ** 2 for x in range(10) if x % 2 == 0]
                result = {k: v for k, v in zip('ab', (1, 2))}
                await c.send(f'{result["a"]}{values[0]:.2f}')

        if __name__ == "__main__":
            main()
        """";

    [Fact]
    public void Every_truncation_of_a_realistic_file_lexes_cleanly()
    {
        for (var length = 0; length <= RealisticFile.Length; length++)
        {
            Lex(RealisticFile.Substring(0, length));
        }
    }

    [Fact]
    public void Realistic_file_structure()
    {
        var tokens = Lex(RealisticFile);
        var fString = tokens.Find(t => t.Text.StartsWith("f\"SELECT", StringComparison.Ordinal));
        Assert.True(fString.Flags.HasFlag(TokenFlags.Interpolated));
        Assert.Equal("f\"SELECT * FROM t WHERE k = {key!r:>{limit}} AND n = {{x}}\"", fString.Text);
        Assert.Contains(tokens, t => t.Text == "rb'\\d+\\''" && t.Flags == (TokenFlags.Raw | TokenFlags.Bytes));
        Assert.Contains(tokens, t => t.Text == "f'{result[\"a\"]}{values[0]:.2f}'" && t.Flags.HasFlag(TokenFlags.Interpolated));
        Assert.Contains(tokens, t => t.Kind == TokenKind.Comment && t.Text == "# trailing comment");
        Assert.DoesNotContain(tokens, t => t.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Fact]
    public void Random_input_never_throws_and_stays_well_formed()
    {
        var random = new Random(20240611);
        const string alphabet = "abrfuBRF_019 \t\n\r\\'\"#{}()[]:=.!%+-*/@<>,;\u00e9\u540d\uFEFF\uD83D\uDE00";
        for (var round = 0; round < 400; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 300);
            for (var k = 0; k < length; k++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            Lex(builder.ToString());
        }

        for (var round = 0; round < 50; round++)
        {
            var chars = RealisticFile.ToCharArray();
            for (var k = 0; k < 10; k++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            Lex(new string(chars));
        }
    }

    [Fact]
    public void Plain_strings_and_comments_end_where_a_character_by_character_scan_ends_them()
    {
        // The lexer skips string bodies and comments with vectorized searches; this walks them one character at a time.
        var pieces = new[]
        {
            "'", "\"", "'''", "\"\"\"", "\\", "\\\r\n", "\n", "\r", "\r\n", "#", " ", "x = ", "a", "\u00e9", "\u2028", "r", "b", "f", "{", "}",
            "abcdefghijklmnopqrstuvwxyz0123456789", "    ", "(", ")",
        };
        var strings = 0;
        foreach (var source in GeneratedSources.From(pieces, 5000))
        {
            using var tokens = new TokenList();
            new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
            foreach (var token in tokens.AsSpan())
            {
                if (token.Kind == TokenKind.Comment)
                {
                    Assert.Equal(GeneratedSources.LineEndFrom(source, token.Start), token.End);
                }
                else if (token.Kind == TokenKind.String && source[token.Start] is '\'' or '"')
                {
                    strings++;
                    Assert.True(PlainStringEnd(source, token.Start) == token.End, source + " @ " + token.Start);
                }
            }
        }

        Assert.True(strings > 5000, strings.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int PlainStringEnd(string text, int quoteAt)
    {
        var quote = text[quoteAt];
        var triple = quoteAt + 2 < text.Length && text[quoteAt + 1] == quote && text[quoteAt + 2] == quote;
        var i = quoteAt + (triple ? 3 : 1);
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                i += i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (c == quote && (!triple || (i + 2 < text.Length && text[i + 1] == quote && text[i + 2] == quote)))
            {
                return i + (triple ? 3 : 1);
            }

            if (!triple && (c == '\n' || c == '\r'))
            {
                return i;
            }

            i++;
        }

        return text.Length;
    }

    [Theory]
    [InlineData("f'{")]
    [InlineData("f\"{'")]
    [InlineData("'")]
    [InlineData("\"\"\"")]
    [InlineData("(")]
    [InlineData("f'{f'{f'{")]
    [InlineData("x = \\")]
    public void Pathological_repetitions_are_linear(string unit)
    {
        // Counts, not clocks: the tokens produced for 8x the input are at most 8x as many, and the input is
        // lexed without an exception or a stack overflow. (Time linearity follows from the lexer only moving
        // forward; this test guards the output side of it.)
        var small = unit.Length * 1000;
        var large = unit.Length * 8000;
        var smallTokens = CountTokens(Repeat(unit, 1000));
        var largeTokens = CountTokens(Repeat(unit, 8000));
        Assert.True(largeTokens <= smallTokens * 8 + 8, $"{smallTokens} tokens for {small} chars, {largeTokens} for {large}");
    }

    [Fact]
    public void Deeply_nested_fstrings_do_not_overflow_the_stack()
    {
        var source = Repeat("f'{", 50000) + Repeat("}'", 50000);
        var tokens = Lex(source);
        Assert.NotEmpty(tokens);
    }

    [Fact]
    public void Characters_visited_per_input_character_are_bounded()
    {
        // Linearity by counts: the lexer's work is proportional to the tokens plus characters; check that a
        // long line of nested brackets and strings yields tokens proportional to its length.
        var unit = "a(b['c'], {d: f'{e}'}) + ";
        Assert.Equal(15, Lex(unit).Count);
        var tokens = CountTokens(Repeat(unit, 4000));
        Assert.Equal(4000 * 14 + 1, tokens);
    }

    private static int CountTokens(string source)
    {
        using var tokens = new TokenList();
        new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        AssertWellFormed(source, tokens);
        return tokens.Count;
    }

    private static string Repeat(string unit, int count)
    {
        var builder = new StringBuilder(unit.Length * count);
        for (var k = 0; k < count; k++)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static readonly string[] Keywords =
    {
        "if", "elif", "else", "for", "while", "try", "except", "finally", "with", "def", "class", "async", "import", "from",
        "lambda", "as", "in", "is", "or", "and", "not", "del", "pass", "await", "break", "raise", "yield", "assert", "global",
        "return", "continue", "nonlocal", "None", "True", "False",
    };

    [Fact]
    public void Every_keyword_has_its_tag_and_near_misses_are_names()
    {
        foreach (var keyword in Keywords)
        {
            var tag = PyTags.OfName(keyword.AsSpan());
            Assert.True(PyTags.IsKeyword((byte)tag), keyword);
            Assert.Equal(keyword, tag is PyTag.NoneWord or PyTag.TrueWord or PyTag.FalseWord ? keyword : tag.ToString().ToLowerInvariant());

            // Same length, first and last character (same hash slot) or one character more or less: not keywords.
            var middle = keyword.Length > 2 ? keyword.Substring(0, 1) + new string('x', keyword.Length - 2) + keyword.Substring(keyword.Length - 1) : keyword + "x";
            foreach (var near in new[] { middle, keyword + "s", "_" + keyword, keyword.Substring(1), keyword.ToUpperInvariant(), keyword + "\u00e9" })
            {
                if (Array.IndexOf(Keywords, near) < 0 && near.Length > 0)
                {
                    var nearTag = PyTags.OfName(near.AsSpan());
                    Assert.False(PyTags.IsKeyword((byte)nearTag), near);
                    Assert.Equal(near[0] is >= 'a' and <= 'z' ? PyTag.Plain : PyTag.OtherName, nearTag);
                }
            }
        }

        Assert.Equal(PyTag.Match, PyTags.OfName("match".AsSpan()));
        Assert.Equal(PyTag.Case, PyTags.OfName("case".AsSpan()));
        Assert.Equal(PyTag.Plain, PyTags.OfName("x".AsSpan()));
        Assert.Equal(PyTag.Plain, PyTags.OfName("self".AsSpan()));
        Assert.Equal(PyTag.OtherName, PyTags.OfName("X".AsSpan()));
        Assert.Equal(PyTag.OtherName, PyTags.OfName("\u00e9t\u00e9".AsSpan()));
        Assert.Equal(PyTag.OtherName, PyTags.OfName("__init__".AsSpan()));
    }

    [Fact]
    public void Tags_say_what_each_token_is_on_generated_sources()
    {
        var pieces = new[]
        {
            "(", ")", "[", "]", "{", "}", "\n", "\\\n", "x", " ", ", ", "'s'", "# c\n", "def ", "f(", "a.b", "=", "==", ":", ":=", ".", "..",
            "...", ".5", "if ", "lambda", "None", "True", "Foo", "_x", "\u00e9", "match", "print(\n", "f'{a:{b}}'", "import", "else:", "1e5",
        };
        foreach (var source in GeneratedSources.From(pieces, 3000))
        {
            using var tokens = new TokenList();
            new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
            foreach (var token in tokens.AsSpan())
            {
                var text = source.Substring(token.Start, token.Length);
                var expected = token.Kind switch
                {
                    TokenKind.Identifier => PyTags.OfName(text.AsSpan()),
                    TokenKind.Newline => PyTag.Newline,
                    TokenKind.Punctuation => text switch
                    {
                        "(" => PyTag.OpenParenthesis,
                        "[" => PyTag.OpenBracket,
                        "{" => PyTag.OpenBrace,
                        ")" => PyTag.CloseParenthesis,
                        "]" => PyTag.CloseBracket,
                        "}" => PyTag.CloseBrace,
                        "=" => PyTag.Equals,
                        ":" => PyTag.Colon,
                        "." => PyTag.Dot,
                        _ => PyTag.Plain,
                    },
                    _ => PyTag.Plain,
                };
                Assert.True(expected == (PyTag)token.Tag, $"{token} '{text}' of: {source}");
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustLexerTests
{
    private static List<(TokenKind Kind, string Text, TokenFlags Flags)> Lex(string source)
    {
        using var tokens = new TokenList();
        new RustLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var result = new List<(TokenKind, string, TokenFlags)>();
        foreach (var token in tokens.AsSpan())
        {
            result.Add((token.Kind, source.Substring(token.Start, token.Length), token.Flags));
        }

        return result;
    }

    private static (TokenKind Kind, string Text, TokenFlags Flags) Single(string source)
    {
        var tokens = Lex(source);
        Assert.Single(tokens);
        return tokens[0];
    }

    [Fact]
    public void Strings_and_comments_end_where_a_character_by_character_scan_ends_them()
    {
        // The lexer skips string, raw string and comment bodies with vectorized searches; this walks them one character
        // at a time.
        var pieces = new[]
        {
            "\"", "\\", "\\\"", "#", "r#\"", "r##\"", "\"#", "\"##", "b\"", "br#\"", "/", "*", "//", "///", "/*", "*/", "\n", "\r", "\r\n", " ",
            "let x = ", "a", "\u00e9", "'", "abcdefghijklmnopqrstuvwxyz0123456789", "(", ")",
        };
        var checkedTokens = 0;
        foreach (var source in GeneratedSources.From(pieces, 5000))
        {
            using var tokens = new TokenList();
            new RustLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
            foreach (var token in tokens.AsSpan())
            {
                int expected;
                if (token.Kind == TokenKind.Comment && source[token.Start + 1] == '/')
                {
                    expected = GeneratedSources.LineEndFrom(source, token.Start);
                }
                else if (token.Kind == TokenKind.Comment)
                {
                    expected = BlockCommentEnd(source, token.Start);
                }
                else if (token.Kind == TokenKind.String && source[token.Start] != '\'')
                {
                    var quote = source.IndexOf('"', token.Start);
                    var hashes = 0;
                    while (quote - 1 - hashes >= token.Start && source[quote - 1 - hashes] == '#')
                    {
                        hashes++;
                    }

                    expected = token.Has(TokenFlags.Raw) ? RawStringEnd(source, quote, hashes) : QuotedStringEnd(source, quote);
                }
                else
                {
                    continue;
                }

                checkedTokens++;
                Assert.True(expected == token.End, source + " @ " + token.Start);
            }
        }

        Assert.True(checkedTokens > 10000, checkedTokens.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static int BlockCommentEnd(string text, int start)
    {
        var depth = 0;
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == '*' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }

    private static int QuotedStringEnd(string text, int quote)
    {
        var i = quote + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
            }
            else if (text[i] == '"')
            {
                return i + 1;
            }
            else
            {
                i++;
            }
        }

        return text.Length;
    }

    private static int RawStringEnd(string text, int quote, int hashes)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            var run = 0;
            while (text[i] == '"' && run < hashes && i + 1 + run < text.Length && text[i + 1 + run] == '#')
            {
                run++;
            }

            if (text[i] == '"' && run == hashes)
            {
                return i + 1 + hashes;
            }
        }

        return text.Length;
    }

    [Theory]
    [InlineData("r\"C:\\path\\\"")]
    [InlineData("r#\"a \"quoted\" word\"#")]
    [InlineData("r##\"has \"# inside\"##")]
    [InlineData("r###\"x\"## still\"###")]
    [InlineData("br#\"bytes \"# ok\"##", "br#\"bytes \"#")]
    [InlineData("cr\"c raw\"")]
    [InlineData("cr#\"c \" raw\"#")]
    public void Raw_strings_end_at_quote_with_same_number_of_hashes(string source, string? expected = null)
    {
        var token = Lex(source)[0];
        Assert.Equal(TokenKind.String, token.Kind);
        Assert.Equal(expected ?? source, token.Text);
        Assert.True(token.Flags.HasFlag(TokenFlags.Raw));
        Assert.False(token.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Fact]
    public void Raw_string_does_not_process_escapes()
    {
        var tokens = Lex("let p = r\"C:\\\"; let q = 1;");
        Assert.Contains(tokens, t => t.Kind == TokenKind.String && t.Text == "r\"C:\\\"");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Identifier && t.Text == "q");
    }

    [Fact]
    public void Raw_byte_string_has_raw_and_bytes_flags()
    {
        var token = Single("br##\"x\"##");
        Assert.Equal(TokenFlags.Raw | TokenFlags.Bytes, token.Flags);
    }

    [Fact]
    public void Byte_string_and_byte_char_are_bytes()
    {
        var tokens = Lex("b\"abc\\\"\" b'x' b'\\n' b'\\''");
        Assert.Equal(4, tokens.Count);
        Assert.Equal((TokenKind.String, "b\"abc\\\"\"", TokenFlags.Bytes), tokens[0]);
        Assert.Equal((TokenKind.String, "b'x'", TokenFlags.Bytes | TokenFlags.Char), tokens[1]);
        Assert.Equal((TokenKind.String, "b'\\n'", TokenFlags.Bytes | TokenFlags.Char), tokens[2]);
        Assert.Equal((TokenKind.String, "b'\\''", TokenFlags.Bytes | TokenFlags.Char), tokens[3]);
    }

    [Fact]
    public void C_string_is_a_string()
    {
        Assert.Equal((TokenKind.String, "c\"hello\"", TokenFlags.None), Single("c\"hello\""));
    }

    [Theory]
    [InlineData("'a'")]
    [InlineData("'\\n'")]
    [InlineData("'\\''")]
    [InlineData("'\\\\'")]
    [InlineData("'\\u{1F600}'")]
    [InlineData("'\\x41'")]
    [InlineData("'\"'")]
    [InlineData("'é'")]
    [InlineData("'😀'")]
    [InlineData("' '")]
    public void Char_literals(string source)
    {
        Assert.Equal((TokenKind.String, source, TokenFlags.Char), Single(source));
    }

    [Fact]
    public void Lifetimes_and_labels_are_identifiers()
    {
        var tokens = Lex("fn f<'a>(x: &'a str) -> &'static str { 'outer: loop { break 'outer; } }");
        Assert.Contains((TokenKind.Identifier, "'a", TokenFlags.Lifetime), tokens);
        Assert.Contains((TokenKind.Identifier, "'static", TokenFlags.Lifetime), tokens);
        Assert.Equal(2, tokens.FindAll(t => t.Text == "'outer" && t.Flags == TokenFlags.Lifetime).Count);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.String);
    }

    [Fact]
    public void Char_after_lifetime_generic_is_still_a_char()
    {
        var tokens = Lex("impl<'a> X<'a> { const C: char = 'x'; }");
        Assert.Contains((TokenKind.String, "'x'", TokenFlags.Char), tokens);
        Assert.Equal(2, tokens.FindAll(t => t.Text == "'a").Count);
    }

    [Fact]
    public void Char_ranges_in_patterns()
    {
        var tokens = Lex("match c { 'a'..='z' | '_' => 1, '\\\\' => 2, _ => 0 }");
        Assert.Contains((TokenKind.String, "'a'", TokenFlags.Char), tokens);
        Assert.Contains((TokenKind.String, "'z'", TokenFlags.Char), tokens);
        Assert.Contains((TokenKind.String, "'_'", TokenFlags.Char), tokens);
        Assert.Contains((TokenKind.String, "'\\\\'", TokenFlags.Char), tokens);
        Assert.Contains((TokenKind.Punctuation, "..=", TokenFlags.None), tokens);
    }

    [Fact]
    public void Shebang_after_byte_order_mark()
    {
        var tokens = Lex("\uFEFF#!/usr/bin/env rust-script\nfn main() {}");
        Assert.Equal(TokenKind.Text, tokens[0].Kind);
        Assert.Equal((TokenKind.Text, "#!/usr/bin/env rust-script", TokenFlags.None), tokens[1]);
    }

    [Fact]
    public void Identifiers_starting_with_prefix_letters_are_identifiers()
    {
        var texts = Lex("bar br rx cr c b r brr crate").ConvertAll(t => t.Text);
        Assert.Equal(new[] { "bar", "br", "rx", "cr", "c", "b", "r", "brr", "crate" }, texts.ToArray());
        Assert.All(Lex("bar br rx cr c b r brr crate"), t => Assert.Equal(TokenKind.Identifier, t.Kind));
    }

    [Fact]
    public void Block_comments_nest()
    {
        var tokens = Lex("a /* outer /* inner */ still comment */ b");
        Assert.Equal(3, tokens.Count);
        Assert.Equal((TokenKind.Comment, "/* outer /* inner */ still comment */", TokenFlags.BlockComment), tokens[1]);
        Assert.Equal("b", tokens[2].Text);
    }

    [Fact]
    public void Unterminated_nested_block_comment_ends_at_eof()
    {
        var token = Single("/* a /* b */ c");
        Assert.Equal(TokenKind.Comment, token.Kind);
        Assert.True(token.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Theory]
    [InlineData("/// outer doc", true)]
    [InlineData("//! inner doc", true)]
    [InlineData("//// not doc", false)]
    [InlineData("// plain", false)]
    [InlineData("/** block doc */", true)]
    [InlineData("/*! inner block doc */", true)]
    [InlineData("/*** not doc */", false)]
    [InlineData("/**/", false)]
    public void Documentation_comments(string source, bool documentation)
    {
        var token = Single(source);
        Assert.Equal(TokenKind.Comment, token.Kind);
        Assert.Equal(documentation, token.Flags.HasFlag(TokenFlags.Documentation));
    }

    [Fact]
    public void Line_comment_stops_at_line_end()
    {
        var tokens = Lex("// c\r\nx");
        Assert.Equal("// c", tokens[0].Text);
        Assert.Equal("x", tokens[1].Text);
    }

    [Fact]
    public void Shebang_is_text_but_inner_attribute_is_code()
    {
        var tokens = Lex("#!/usr/bin/env run-cargo-script\nfn main() {}");
        Assert.Equal((TokenKind.Text, "#!/usr/bin/env run-cargo-script", TokenFlags.None), tokens[0]);
        Assert.Equal("fn", tokens[1].Text);

        var attribute = Lex("#![allow(dead_code)]\nfn main() {}");
        Assert.Equal((TokenKind.Punctuation, "#", TokenFlags.None), attribute[0]);
        Assert.Equal((TokenKind.Punctuation, "!", TokenFlags.None), attribute[1]);
        Assert.Equal((TokenKind.Punctuation, "[", TokenFlags.None), attribute[2]);
        Assert.Equal((TokenKind.Identifier, "allow", TokenFlags.None), attribute[3]);
    }

    [Fact]
    public void Attribute_is_punctuation_and_identifiers()
    {
        var tokens = Lex("#[cfg(test)]");
        Assert.Equal(new[] { "#", "[", "cfg", "(", "test", ")", "]" }, tokens.ConvertAll(t => t.Text).ToArray());
        Assert.Equal(TokenKind.Identifier, tokens[2].Kind);
    }

    [Fact]
    public void Macro_bang_is_separate_punctuation()
    {
        var tokens = Lex("println!(\"{}\", x); a != b");
        Assert.Equal((TokenKind.Identifier, "println", TokenFlags.None), tokens[0]);
        Assert.Equal((TokenKind.Punctuation, "!", TokenFlags.None), tokens[1]);
        Assert.Contains((TokenKind.Punctuation, "!=", TokenFlags.None), tokens);
    }

    [Fact]
    public void Raw_identifier_is_one_identifier()
    {
        var tokens = Lex("let r#unsafe = r#type;");
        Assert.Contains((TokenKind.Identifier, "r#unsafe", TokenFlags.None), tokens);
        Assert.Contains((TokenKind.Identifier, "r#type", TokenFlags.None), tokens);
    }

    [Theory]
    [InlineData("42", "42")]
    [InlineData("1_000u32", "1_000u32")]
    [InlineData("0xFF_u8", "0xFF_u8")]
    [InlineData("0b1010", "0b1010")]
    [InlineData("0o777", "0o777")]
    [InlineData("3.14f64", "3.14f64")]
    [InlineData("1e-3", "1e-3")]
    [InlineData("2.5E+10", "2.5E+10")]
    public void Numbers(string source, string expected)
    {
        Assert.Equal((TokenKind.Number, expected, TokenFlags.None), Single(source));
    }

    [Fact]
    public void Range_and_method_on_number_are_not_fractions()
    {
        Assert.Equal(new[] { "1", "..", "2" }, Lex("1..2").ConvertAll(t => t.Text).ToArray());
        Assert.Equal(new[] { "1", "..=", "9" }, Lex("1..=9").ConvertAll(t => t.Text).ToArray());
        Assert.Equal(new[] { "1", ".", "max", "(", "2", ")" }, Lex("1.max(2)").ConvertAll(t => t.Text).ToArray());
    }

    [Fact]
    public void Multi_character_operators()
    {
        var texts = Lex("a::b -> c => d == e <<= f ..= g && h |= i").ConvertAll(t => t.Text);
        foreach (var op in new[] { "::", "->", "=>", "==", "<<=", "..=", "&&", "|=" })
        {
            Assert.Contains(op, texts);
        }
    }

    [Fact]
    public void Strings_with_escapes_and_newlines()
    {
        var tokens = Lex("let s = \"a \\\" b\nline two\"; x");
        Assert.Contains((TokenKind.String, "\"a \\\" b\nline two\"", TokenFlags.None), tokens);
        Assert.Equal("x", tokens[^1].Text);
    }

    [Theory]
    [InlineData("\"abc")]
    [InlineData("\"abc\\")]
    [InlineData("r#\"abc\"")]
    [InlineData("r##\"abc\"#")]
    [InlineData("b\"abc")]
    [InlineData("'\\u{1F6")]
    [InlineData("'")]
    public void Unterminated_literals_end_at_eof(string source)
    {
        var tokens = Lex(source);
        Assert.Equal(TokenKind.String, tokens[0].Kind);
        Assert.True(tokens[0].Flags.HasFlag(TokenFlags.Unterminated));
        AssertWellFormed(source);
    }

    [Fact]
    public void Pattern_inside_raw_string_is_not_code()
    {
        var tokens = Lex("let s = r#\"unsafe { x.unwrap() } /* \"#; y");
        Assert.DoesNotContain(tokens, t => t.Text == "unsafe");
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Comment);
        Assert.Equal("y", tokens[^1].Text);
    }

    [Fact]
    public void Byte_order_mark_is_text()
    {
        var tokens = Lex("\uFEFFfn x() {}");
        Assert.Equal(TokenKind.Text, tokens[0].Kind);
        Assert.Equal("fn", tokens[1].Text);
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        using var tokens = new TokenList();
        var source = Repeat("a ", 10000);
        Assert.Throws<OperationCanceledException>(() => new RustLexer().Tokenize(source.AsSpan(), tokens, cts.Token));
    }

    private const string RealisticFile = """
        #![allow(dead_code)]
        //! Crate docs with 'quotes' and "strings".
        use std::process::Command as Cmd;
        use std::{mem, collections::HashMap};

        /// Doc for `Config`.
        #[derive(Debug, Clone)]
        pub struct Config<'a> {
            name: &'a str,
            raw: &'static str,
        }

        /* block /* nested */ comment */
        impl<'a> Config<'a> {
            pub fn new(name: &'a str) -> Self {
                let sql = format!("SELECT * FROM t WHERE name = '{name}'");
                let raw = r##"a "# b"##;
                let bytes = br#"x"#;
                let c = '\'';
                let e = '\u{1F600}';
                let b = b'\n';
                'outer: for i in 0..10u8 {
                    if i == 3 { break 'outer; }
                }
                let v: Vec<Vec<u8>> = vec![vec![1, 2], vec![0x1F]];
                unsafe { mem::transmute::<u32, f32>(1) };
                Cmd::new("sh").arg("-c").arg(&sql).output().unwrap();
                Self { name, raw }
            }
        }

        #[cfg(test)]
        mod tests {
            #[test]
            fn works() { assert_eq!(1.5e3, 1500.0); }
        }
        """;

    [Fact]
    public void Truncations_of_a_realistic_file_never_throw_and_stay_well_formed()
    {
        for (var length = 0; length <= RealisticFile.Length; length++)
        {
            AssertWellFormed(RealisticFile.Substring(0, length));
        }
    }

    [Fact]
    public void Random_input_never_throws_and_stays_well_formed()
    {
        var random = new Random(20240611);
        const string alphabet = "abrc_#'\"\\/*!{}()[]<>:;.,=+-&|0123456789 \n\tu\u00e9\uD83D\uDE00xe";
        var builder = new StringBuilder();
        for (var round = 0; round < 500; round++)
        {
            builder.Clear();
            var length = random.Next(0, 200);
            for (var i = 0; i < length; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertWellFormed(builder.ToString());
        }
    }

    [Theory]
    [InlineData("/*")]
    [InlineData("r#####\"")]
    [InlineData("\"")]
    [InlineData("'a")]
    [InlineData("/* /* /* ")]
    [InlineData("\"#")]
    public void Pathological_repetitions_are_linear(string unit)
    {
        // Work is measured by tokens and characters, not by time: each input character is covered once.
        var small = Repeat(unit, 2000);
        var large = Repeat(unit, 8000);
        AssertWellFormed(small);
        AssertWellFormed(large);
        var smallCount = Lex(small).Count;
        var largeCount = Lex(large).Count;
        Assert.True(largeCount <= 4 * smallCount + 4, $"{smallCount} vs {largeCount}");
    }

    [Fact]
    public void Deeply_nested_comments_cost_a_counter()
    {
        var source = Repeat("/*", 50000) + Repeat("*/", 50000) + " x";
        var tokens = Lex(source);
        Assert.Equal(2, tokens.Count);
        Assert.Equal("x", tokens[1].Text);
    }

    private static string Shorten(string source) => source.Length <= 300 ? source : source.Substring(0, 300) + "…";

    private static string Repeat(string unit, int count)
    {
        var builder = new StringBuilder(unit.Length * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static void AssertWellFormed(string source)
    {
        using var tokens = new TokenList();
        new RustLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var previousEnd = 0;
        foreach (var token in tokens.AsSpan())
        {
            // Messages are built only on failure: the inputs can be large.
            if (token.Length <= 0 || token.Start < previousEnd || token.End > source.Length)
            {
                Assert.Fail($"bad token {token} after {previousEnd} in {Shorten(source)}");
            }

            Assert.NotEqual(TokenKind.None, token.Kind);
            previousEnd = token.End;
        }

        // Everything not covered by a token is whitespace.
        var covered = new bool[source.Length];
        foreach (var token in tokens.AsSpan())
        {
            for (var i = token.Start; i < token.End; i++)
            {
                covered[i] = true;
            }
        }

        for (var i = 0; i < source.Length; i++)
        {
            if (!covered[i] && !char.IsWhiteSpace(source[i]))
            {
                Assert.Fail($"char {i} not covered in {Shorten(source)}");
            }
        }
    }

    private static readonly string[] TagPieces =
    {
        "fn", "use", "fnx", "usex", "f", "u", "ue", "Ħn", "r#fn", "r#use", "'fn", "'use", "unwrap", "new", "md5", "Md4", "Command",
        "danger_accept_invalid_hostnames", "verify_server_cert", "nex", "mdx", "unwrapped", " ", "\n", "(", ")", "[", "]", "{", "}", ";",
        "#", "#!", ",", ".", "::", "!", "\"fn\"", "// use\n", "/* fn */", "b'u'", "r\"use\"", "1", "0x1f", "_", "é",
    };

    /// <summary>
    /// The tags the Rust layer reads instead of the text: one per bracket, ';' and '#' (also where they follow or
    /// precede names, strings and comments), 0 for everything else.
    /// </summary>
    [Fact]
    public void Tokens_carry_the_tag_their_text_gives()
    {
        var tagged = 0;
        foreach (var source in GeneratedSources.From(TagPieces, 20000, seed: 6011))
        {
            using var tokens = new TokenList();
            new RustLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
            foreach (var token in tokens.AsSpan())
            {
                var text = source.Substring(token.Start, token.Length);
                byte expected = token.Kind == TokenKind.Punctuation
                    ? text switch
                    {
                        "(" => RustLexer.OpenParenTag,
                        "[" => RustLexer.OpenSquareTag,
                        "{" => RustLexer.OpenBraceTag,
                        ")" => RustLexer.CloseParenTag,
                        "]" => RustLexer.CloseSquareTag,
                        "}" => RustLexer.CloseBraceTag,
                        ";" => RustLexer.SemicolonTag,
                        "#" => RustLexer.HashTag,
                        _ => (byte)0,
                    }
                    : (byte)0;
                Assert.True(expected == token.Tag, $"{source}: {token} '{text}' tagged {token.Tag}, expected {expected}");
                tagged += token.Tag == 0 ? 0 : 1;
            }
        }

        Assert.True(tagged > 20000, tagged.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

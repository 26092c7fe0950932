using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JavaScriptLexerTests
{
    private const string RealisticSample = """
        #!/usr/bin/env node
        'use strict';
        /** Loads a user. */
        import { exec as run } from 'child_process';
        const re = /[/\]]+\/x/gi, half = total / 2 / count;
        // a line comment with `backtick and 'quote
        async function load(id, opts = {}) {
          const sql = `SELECT * FROM t WHERE id = ${id} AND x = ${opts.x ?? `n${1}`} /* } */`;
          if (!id) throw new Error("not implemented");
          const m = text.match(/\d+/) || a[0] / b;
          for (let i = 0; i < 10; i++) { await db.query(sql, [i]); }
          return typeof x === 'string' ? /x/.test(x) : (y) / 2;
        }
        const el = <div className="a">Hello {name}</div>;
        /* unterminated
        """;

    private static List<(TokenKind Kind, string Text, TokenFlags Flags)> Lex(string source)
    {
        using var tokens = new TokenList();
        new JavaScriptLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var result = new List<(TokenKind, string, TokenFlags)>();
        foreach (var token in tokens.AsSpan())
        {
            // LineStart (first token of its line) has its own test; the others compare the remaining flags.
            result.Add((token.Kind, source.Substring(token.Start, token.Length), token.Flags & ~TokenFlags.LineStart));
        }

        return result;
    }

    private static (TokenKind Kind, string Text, TokenFlags Flags) Single(string source, TokenKind kind) =>
        Lex(source).Single(t => t.Kind == kind);

    [Fact]
    public void One_character_tokens_of_the_main_loop_keep_operators_whole_and_set_the_regex_state()
    {
        // '=' alone versus "==", "===" and "=>"; braces, colon and tilde; what a '/' after each of them is.
        var tokens = Lex("a=b==c===d=>e;{f:~g}\nx = /r/; y = {} / 2; z = (w) / 3; q = [v] / 4; t = a ? /s/ : /u/; n = ~/k/");
        var texts = tokens.Select(t => t.Text).ToList();
        Assert.Equal(
            new[]
            {
                "a", "=", "b", "==", "c", "===", "d", "=>", "e", ";", "{", "f", ":", "~", "g", "}",
                "x", "=", "/r/", ";", "y", "=", "{", "}", "/", "2", ";", "z", "=", "(", "w", ")", "/", "3", ";",
                "q", "=", "[", "v", "]", "/", "4", ";", "t", "=", "a", "?", "/s/", ":", "/u/", ";", "n", "=", "~", "/k/",
            },
            texts);
        Assert.Equal(4, tokens.Count(t => t.Kind == TokenKind.Regex));
    }

    [Fact]
    public void Braces_and_colons_inside_template_holes_are_still_tracked()
    {
        // The main loop's one-character path is for code outside template literals; inside a hole an object literal's
        // braces must not close the hole early.
        var tokens = Lex("const s = `a${ {k: 1}[\"k\"] === 1 ? `b${ {x: {y: 2}}.x.y }` : 'c' }d`; e = f / 2;");
        Assert.Equal(
            new[] { "const", "s", "=", "`a${ {k: 1}[\"k\"] === 1 ? `b${ {x: {y: 2}}.x.y }` : 'c' }d`", ";", "e", "=", "f", "/", "2", ";" },
            tokens.Select(t => t.Text).ToArray());
    }

    [Fact]
    public void First_token_of_each_line_is_marked_line_start()
    {
        const string Source = "a = 1 // note\n  b /* one\n two */ c /* same line */\r\n`t\n${x\n}` d\u2028e; 'open\nf";
        using var tokens = new TokenList();
        new JavaScriptLexer().Tokenize(Source.AsSpan(), tokens, CancellationToken.None);
        var lineStarts = new List<string>();
        foreach (var token in tokens.AsSpan())
        {
            if (token.Has(TokenFlags.LineStart))
            {
                lineStarts.Add(Source.Substring(token.Start, token.Length));
            }
        }

        // "c" follows a multi-line block comment on that comment's last line: not first on its line.
        Assert.Equal(new[] { "a", "b", "`t\n${x\n}`", "e", "f" }, lineStarts);
    }

    [Fact]
    public void Identifiers_numbers_and_multi_character_operators()
    {
        var tokens = Lex("a.b?.c ??= 0x1F + 1.5e-3 >>> 2 === x => ...y; 10n");
        Assert.Equal(
            new[] { "a", ".", "b", "?.", "c", "??=", "0x1F", "+", "1.5e-3", ">>>", "2", "===", "x", "=>", "...", "y", ";", "10n" },
            tokens.Select(t => t.Text).ToArray());
        Assert.Equal(TokenKind.Number, tokens[6].Kind);
        Assert.Equal(TokenKind.Number, tokens[8].Kind);
        Assert.Equal(TokenKind.Identifier, tokens[0].Kind);
    }

    [Fact]
    public void Conditional_with_decimal_is_not_optional_chaining()
    {
        var tokens = Lex("a?.5:b");
        Assert.Equal(new[] { "a", "?", ".5", ":", "b" }, tokens.Select(t => t.Text).ToArray());
    }

    [Fact]
    public void Template_without_holes_is_one_template_string()
    {
        var token = Single("x = `plain ${'not'} text`;".Replace("${'not'} ", string.Empty, StringComparison.Ordinal), TokenKind.String);
        Assert.Equal("`plain text`", token.Text);
        Assert.Equal(TokenFlags.Template, token.Flags);
    }

    [Fact]
    public void Template_with_nested_holes_strings_braces_templates_and_comments_is_one_token()
    {
        const string literal = "`a ${ {k: '}'}[\"k\"] } b ${ `inner ${ x + `deep ${y}` } }` } c ${ f(/* } ` */ 1) // }\n } d ${ \"`\" }`";
        var source = "let s = " + literal + "; after / 2;";
        var tokens = Lex(source);
        var strings = tokens.Where(t => t.Kind == TokenKind.String).ToList();
        Assert.Single(strings);
        Assert.Equal(literal, strings[0].Text);
        Assert.Equal(TokenFlags.Template | TokenFlags.Interpolated, strings[0].Flags);
        Assert.Equal(new[] { ";", "after", "/", "2", ";" }, tokens.SkipWhile(t => t.Kind != TokenKind.String).Skip(1).Select(t => t.Text).ToArray());
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Comment);
    }

    [Fact]
    public void Template_hole_containing_regex_with_brace_and_backtick()
    {
        const string literal = "`${ s.replace(/[}`]/g, '') } ok`";
        var token = Single("x = " + literal + ";", TokenKind.String);
        Assert.Equal(literal, token.Text);
    }

    [Fact]
    public void Escaped_backtick_and_dollar_do_not_end_or_open()
    {
        const string literal = @"`a \` b \${c} $d {e}`";
        var token = Single(literal, TokenKind.String);
        Assert.Equal(literal, token.Text);
        Assert.Equal(TokenFlags.Template, token.Flags);
    }

    [Fact]
    public void Deeply_nested_templates_use_no_recursion()
    {
        var builder = new StringBuilder();
        const int depth = 20000;
        for (var i = 0; i < depth; i++)
        {
            builder.Append("`${");
        }

        builder.Append('x');
        for (var i = 0; i < depth; i++)
        {
            builder.Append("}`");
        }

        var source = builder.ToString();
        var tokens = Lex(source + ";");
        Assert.Equal(2, tokens.Count);
        Assert.Equal(source.Length, tokens[0].Text.Length);
        Assert.Equal(TokenFlags.Template | TokenFlags.Interpolated, tokens[0].Flags);
    }

    [Theory]
    [InlineData("x = /ab+c/g;")]
    [InlineData("f(/ab+c/g)")]
    [InlineData("a = [1, /ab+c/g]")]
    [InlineData("return /ab+c/g")]
    [InlineData("typeof /ab+c/g")]
    [InlineData("x = a || /ab+c/g")]
    [InlineData("x = !/ab+c/g")]
    [InlineData("{ /ab+c/g.test(s) }")]
    [InlineData("x = y ? /ab+c/g : z")]
    [InlineData("return /* c */ // d\n /ab+c/g")]
    [InlineData("x = a; typeof /* c */ /ab+c/g")]
    public void Slash_after_operator_or_keyword_starts_a_regex(string source)
    {
        var regex = Single(source, TokenKind.Regex);
        Assert.Equal("/ab+c/g", regex.Text);
        Assert.Equal(TokenFlags.None, regex.Flags);
    }

    [Fact]
    public void Slash_after_keyword_inside_a_template_hole_starts_a_regex()
    {
        // Read as a division, the backtick inside the regex would close the template literal early.
        var tokens = Lex("`${ typeof /a`b/ }` / x / y");
        Assert.Equal((TokenKind.String, "`${ typeof /a`b/ }`"), (tokens[0].Kind, tokens[0].Text));
        Assert.Equal(2, tokens.Count(t => t.Text == "/"));
    }

    [Theory]
    [InlineData("a / b / c")]
    [InlineData("f(x) / b / c")]
    [InlineData("arr[0] / b / c")]
    [InlineData("obj.return / b / c")]
    [InlineData("1 / b / c")]
    [InlineData("'s' / b / c")]
    [InlineData("i++ / b / c")]
    [InlineData("({}) / b / c")]
    [InlineData("`t` / b / c")]
    [InlineData("a /* c */ / b / c")]
    [InlineData("return.x /* c */ // d\n / b / c")]
    public void Slash_after_expression_is_division(string source)
    {
        var tokens = Lex(source);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Regex);
        Assert.Equal(2, tokens.Count(t => t.Text == "/"));
    }

    [Fact]
    public void Regex_with_slash_in_class_and_escapes()
    {
        var regex = Single(@"x = /[/\]]+\/y[^/]/u; z", TokenKind.Regex);
        Assert.Equal(@"/[/\]]+\/y[^/]/u", regex.Text);
    }

    [Fact]
    public void Regex_containing_quotes_does_not_start_a_string()
    {
        var tokens = Lex("x = /'\"/; y = 1;");
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.String);
        Assert.Equal("/'\"/", tokens.Single(t => t.Kind == TokenKind.Regex).Text);
    }

    [Fact]
    public void Unterminated_regex_ends_at_line_break()
    {
        var tokens = Lex("x = /abc\ny = 2;");
        var regex = tokens.Single(t => t.Kind == TokenKind.Regex);
        Assert.Equal("/abc", regex.Text);
        Assert.True(regex.Flags.HasFlag(TokenFlags.Unterminated));
        Assert.Contains(tokens, t => t.Text == "y");
    }

    [Fact]
    public void Comments_line_block_and_documentation()
    {
        var tokens = Lex("// line `x'\n/* block */ /** doc */ /**/ a");
        Assert.Equal(
            new[]
            {
                (TokenKind.Comment, "// line `x'", TokenFlags.None),
                (TokenKind.Comment, "/* block */", TokenFlags.BlockComment),
                (TokenKind.Comment, "/** doc */", TokenFlags.BlockComment | TokenFlags.Documentation),
                (TokenKind.Comment, "/**/", TokenFlags.BlockComment),
                (TokenKind.Identifier, "a", TokenFlags.None),
            },
            tokens.ToArray());
    }

    [Fact]
    public void Strings_with_escapes_and_other_quotes()
    {
        var tokens = Lex("a = 'it\\'s \"x\" // no' + \"b\\\"/* no */\";");
        var strings = tokens.Where(t => t.Kind == TokenKind.String).Select(t => t.Text).ToArray();
        Assert.Equal(new[] { "'it\\'s \"x\" // no'", "\"b\\\"/* no */\"" }, strings);
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Comment);
    }

    [Fact]
    public void Line_continuation_inside_string()
    {
        var token = Single("a = 'one \\\r\ntwo';", TokenKind.String);
        Assert.Equal("'one \\\r\ntwo'", token.Text);
        Assert.Equal(TokenFlags.None, token.Flags);
    }

    [Fact]
    public void Unterminated_constructs_are_flagged()
    {
        var quoted = Lex("a = 'abc\nb = 1;");
        Assert.Equal(("'abc", TokenFlags.Unterminated), (quoted[2].Text, quoted[2].Flags));
        Assert.Equal("b", quoted[3].Text);

        var comment = Single("a /* never closed\n more", TokenKind.Comment);
        Assert.Equal(TokenFlags.BlockComment | TokenFlags.Unterminated, comment.Flags);
        Assert.EndsWith("more", comment.Text, StringComparison.Ordinal);

        var template = Single("a = `text ${ b + `inner", TokenKind.String);
        Assert.Equal("`text ${ b + `inner", template.Text);
        Assert.Equal(TokenFlags.Template | TokenFlags.Interpolated | TokenFlags.Unterminated, template.Flags);

        var hole = Single("a = `text ${ { b", TokenKind.String);
        Assert.True(hole.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Fact]
    public void Hashbang_and_bom_are_text()
    {
        var tokens = Lex("\uFEFF#!/usr/bin/env node\nconst a = 1;");
        Assert.Equal((TokenKind.Text, "\uFEFF"), (tokens[0].Kind, tokens[0].Text));
        Assert.Equal((TokenKind.Text, "#!/usr/bin/env node"), (tokens[1].Kind, tokens[1].Text));
        Assert.Equal("const", tokens[2].Text);
    }

    [Fact]
    public void Hash_not_at_start_is_a_private_name()
    {
        var tokens = Lex("class A { #secret = 1; m() { return this.#secret / 2; } }");
        Assert.Contains(tokens, t => t.Kind == TokenKind.Identifier && t.Text == "#secret");
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Regex);
    }

    [Fact]
    public void Jsx_closing_tags_are_not_regexes()
    {
        var tokens = Lex("const el = <a href={url}>link</a>;\nconst b = 1 / 2;");
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Regex);
        Assert.Contains(tokens, t => t.Text == "b");
        var selfClosing = Lex("const el = <Input value={v} />; x = 3;");
        Assert.DoesNotContain(selfClosing, t => t.Kind == TokenKind.Regex);
    }

    [Fact]
    public void Jsx_text_with_apostrophe_only_affects_its_own_line()
    {
        var tokens = Lex("const el = <p>Don't click</p>;\nconst next = a / b;");
        Assert.Contains(tokens, t => t.Text == "next");
        Assert.Equal(2, tokens.Count(t => t.Text == "/" || t.Text == "b"));
        Assert.Contains(tokens, t => t.Kind == TokenKind.String && t.Flags.HasFlag(TokenFlags.Unterminated));
    }

    [Fact]
    public void TypeScript_non_null_assertion_before_division()
    {
        var tokens = Lex("const r = total! / count!; const ok = !/x/.test(s);");
        Assert.Equal("/x/", tokens.Single(t => t.Kind == TokenKind.Regex).Text);
    }

    [Fact]
    public void TypeScript_generics_and_annotations()
    {
        var tokens = Lex("const m: Map<string, Array<number>> = new Map(); let r = a as number / 2;");
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.Regex);
        Assert.Contains(tokens, t => t.Text == ">>");
    }

    [Fact]
    public void Truncations_of_a_realistic_sample_never_throw_and_keep_invariants()
    {
        for (var length = 0; length <= RealisticSample.Length; length++)
        {
            AssertInvariants(RealisticSample.Substring(0, length));
        }
    }

    [Fact]
    public void Random_input_never_throws_and_keeps_invariants()
    {
        var random = new Random(20241126);
        const string alphabet = "`${}()[]/\\*'\"\n\r\t #!<>=+-.?:;,abcxyz019_$\u2028\uFEFF\u00e9";
        for (var round = 0; round < 400; round++)
        {
            var length = random.Next(0, 300);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = round % 3 == 0 ? (char)random.Next(0, 0x10000) : alphabet[random.Next(alphabet.Length)];
            }

            AssertInvariants(new string(chars));
        }
    }

    [Fact]
    public void Token_count_grows_linearly_with_input()
    {
        // The sample without its hashbang line and its unterminated comment repeats cleanly.
        var body = RealisticSample.Substring(RealisticSample.IndexOf('\n', StringComparison.Ordinal) + 1).Replace("/* unterminated", string.Empty, StringComparison.Ordinal) + "\n";
        var small = CountTokens(string.Concat(Enumerable.Repeat(body, 10)));
        var large = CountTokens(string.Concat(Enumerable.Repeat(body, 100)));
        Assert.True(small.Tokens > 100);
        Assert.Equal(small.Tokens * 10, large.Tokens);
        Assert.Equal(small.Chars * 10, large.Chars);

        // Many opening backticks and holes: one pass, token count bounded by characters.
        var hostile = string.Concat(Enumerable.Repeat("`${'", 5000)) + string.Concat(Enumerable.Repeat("/[", 5000));
        var hostileCount = CountTokens(hostile);
        Assert.True(hostileCount.Tokens <= hostile.Length);
    }

    private static (int Tokens, int Chars) CountTokens(string source)
    {
        using var tokens = new TokenList();
        new JavaScriptLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = 0;
        foreach (var token in tokens.AsSpan())
        {
            chars += token.Length;
        }

        return (tokens.Count, chars);
    }

    [Fact]
    public void Cancellation_is_observed()
    {
        using var source = new CancellationTokenSource();
        source.Cancel();
        using var tokens = new TokenList();
        var text = string.Concat(Enumerable.Repeat("a ", 50_000));
        Assert.Throws<OperationCanceledException>(() => new JavaScriptLexer().Tokenize(text.AsSpan(), tokens, source.Token));
    }

    private static void AssertInvariants(string source)
    {
        using var tokens = new TokenList();
        new JavaScriptLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var previousEnd = 0;
        foreach (var token in tokens.AsSpan())
        {
            Assert.True(token.Length > 0, $"empty token {token} in {Escape(source)}");
            Assert.True(token.Start >= previousEnd, $"overlap at {token} in {Escape(source)}");
            Assert.True(token.End <= source.Length, $"out of bounds {token} in {Escape(source)}");
            Assert.NotEqual(TokenKind.None, token.Kind);
            previousEnd = token.End;
        }
    }

    private static string Escape(string source) => source.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);
}

using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Rules.Rust;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RsSyntaxTests
{
    private static ScannedFile Scan(string source, string path = "/src/lib.rs")
    {
        var tokens = new TokenList();
        new RustLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = source.ToCharArray();
        return new ScannedFile(path, TextLanguage.Rust, SourceText.From(source), chars, chars.Length, tokens);
    }

    private static RsSyntax Syntax(string source) => RsSyntax.Of(Scan(source));

    /// <summary>Code index of the <paramref name="occurrence"/>-th token whose text is <paramref name="text"/>.</summary>
    private static int Find(RsSyntax syntax, string text, int occurrence = 0)
    {
        for (var i = 0; i < syntax.Count; i++)
        {
            if (syntax.Is(i, text) && occurrence-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException(text + " not found");
    }

    [Fact]
    public void Comments_are_not_code_tokens()
    {
        var syntax = Syntax("a /* b /* c */ d */ // e\n f");
        Assert.Equal(2, syntax.Count);
    }

    [Fact]
    public void Test_regions_cover_cfg_test_modules_and_test_fns_only()
    {
        var syntax = Syntax("""
            #[cfg(test)]
            use mockall::automock;
            fn prod() { a(); }
            #[cfg(test)]
            mod tests { fn helper() { b(); } }
            #[tokio::test]
            async fn t() { c(); }
            #[cfg(not(test))]
            fn other() { d(); }
            #[derive(Debug)]
            struct S { e: u8 }
            """);
        Assert.False(syntax.InTest(Find(syntax, "a")));
        Assert.True(syntax.InTest(Find(syntax, "b")));
        Assert.True(syntax.InTest(Find(syntax, "c")));
        Assert.False(syntax.InTest(Find(syntax, "d")));
        Assert.False(syntax.InTest(Find(syntax, "e")));
    }

    [Fact]
    public void Main_body_and_defines_main()
    {
        var syntax = Syntax("""
            fn helper() { a(); }
            fn main() -> Result<(), Box<dyn Error>> { let f = || { b() }; Ok(()) }
            impl X { fn main() { c(); } }
            """);
        Assert.True(syntax.DefinesMain);
        Assert.False(syntax.InMainBody(Find(syntax, "a")));
        Assert.True(syntax.InMainBody(Find(syntax, "b")));
        Assert.False(syntax.InMainBody(Find(syntax, "c")));
        Assert.False(Syntax("impl X { fn main() {} }").DefinesMain);
    }

    [Fact]
    public void Use_declarations_resolve_paths_and_aliases()
    {
        var syntax = Syntax("""
            use std::process::Command as Cmd;
            use std::{mem::{self, transmute as tm}, collections::HashMap};
            fn f() { Cmd::new("x"); mem::swap(); tm(1); HashMap::new(); Other::new(); }
            """);
        Assert.True(syntax.PathEndsWith(Find(syntax, "new", 0), new[] { "std", "process", "Command", "new" }, out var first));
        Assert.Equal(Find(syntax, "Cmd", 1), first);
        Assert.True(syntax.PathEndsWith(Find(syntax, "swap"), new[] { "std", "mem", "swap" }, out _));
        Assert.True(syntax.PathEndsWith(Find(syntax, "tm", 1), new[] { "mem", "transmute" }, out _));
        Assert.True(syntax.PathEndsWith(Find(syntax, "new", 1), new[] { "collections", "HashMap", "new" }, out _));
        Assert.False(syntax.PathEndsWith(Find(syntax, "new", 2), new[] { "Command", "new" }, out _));

        // Names inside the use declaration are not uses.
        Assert.True(syntax.InDeclarationOrAttribute(Find(syntax, "Command")));
        Assert.False(syntax.PathEndsWith(Find(syntax, "transmute"), new[] { "mem", "transmute" }, out _));
    }

    [Fact]
    public void Precise_capturing_use_is_not_an_import()
    {
        var syntax = Syntax("fn f<'a>(x: &'a u8) -> impl Sized + use<'a> { a(); x }");
        Assert.False(syntax.InDeclarationOrAttribute(Find(syntax, "a")));
    }

    [Fact]
    public void Arguments_respect_nested_brackets()
    {
        var syntax = Syntax("f(a, g(b, c), [d, e], { h; i }, );");
        var arguments = syntax.Arguments(Find(syntax, "("));
        Assert.Equal(4, arguments.Count);
        Assert.Equal(Find(syntax, "a"), arguments[0].Start);
        Assert.Equal(Find(syntax, "g"), arguments[1].Start);
    }

    [Fact]
    public void Method_chains_cross_lines_question_marks_and_await()
    {
        var syntax = Syntax("""
            Command::new("sh")
                .arg("-c")?
                .output()
                .await
                .unwrap();
            """);
        var position = syntax.MatchOf(Find(syntax, "("));
        var names = new List<string>();
        while (syntax.NextChainCall(position, out var name, out var open))
        {
            names.Add(syntax.File.GetString(syntax[name]));
            position = syntax.MatchOf(open);
        }

        Assert.Equal(new[] { "arg", "output", "unwrap" }, names);
    }

    [Fact]
    public void Macro_calls()
    {
        var syntax = Syntax("format!(\"x\"); vec![1]; m!{}; a != b; macro_rules! format { () => {} }");
        Assert.True(syntax.IsMacroCall(Find(syntax, "format"), "format"));
        Assert.True(syntax.IsMacroCall(Find(syntax, "vec"), "vec"));
        Assert.True(syntax.IsMacroCall(Find(syntax, "m"), "m"));
        Assert.False(syntax.IsMacroCall(Find(syntax, "a"), "a"));
        Assert.False(syntax.IsMacroCall(Find(syntax, "format", 1), "format"));
    }

    [Theory]
    [InlineData("\"SELECT 1\"", "Constant")]
    [InlineData("r#\"SELECT \"x\"\"#", "Constant")]
    [InlineData("BASE_SQL", "Constant")]
    [InlineData("format!(\"SELECT 1\")", "Constant")]
    [InlineData("format!(\"a {{literal}} b\")", "Constant")]
    [InlineData("format!(\"{}\", BASE)", "Constant")]
    [InlineData("concat!(\"a\", \"b\")", "Constant")]
    [InlineData("\"a\".to_string() + \"b\"", "Constant")]
    [InlineData("String::from(\"a\") + BASE", "Constant")]
    [InlineData("&format!(\"{}\", x)", "NonConstant")]
    [InlineData("format!(\"{x}\")", "NonConstant")]
    [InlineData("format!(\"{x:?}\").as_str()", "NonConstant")]
    [InlineData("format!(template, 1)", "NonConstant")]
    [InlineData("\"a\".to_string() + &name", "NonConstant")]
    [InlineData("(base + x)", "NonConstant")]
    [InlineData("x", "Unknown")]
    [InlineData("make_sql()", "Unknown")]
    public void Classify_expressions(string expression, string expected)
    {
        var syntax = Syntax("f(" + expression + ");");
        var arguments = syntax.Arguments(1);
        Assert.Single(arguments);
        Assert.Equal(Enum.Parse<RsValueKind>(expected), syntax.Classify(arguments[0].Start, arguments[0].End, traceLocals: false, out _));
    }

    [Theory]
    [InlineData("let s = format!(\"{}\", a);", "NonConstant")]
    [InlineData("let s: String = \"x\".into();", "Constant")]
    [InlineData("let mut s = String::new(); s.push_str(a);", "NonConstant")]
    [InlineData("let mut s = String::new(); s.push_str(\"lit\");", "Constant")]
    [InlineData("let mut s = String::from(\"a\"); s += &b;", "NonConstant")]
    [InlineData("let mut s = String::new(); write!(s, \"{}\", a).ok();", "NonConstant")]
    [InlineData("let s = format!(\"{}\", a); let s = \"lit\";", "Constant")]
    [InlineData("", "Unknown")]
    public void Classify_traces_locals(string statements, string expected)
    {
        var syntax = Syntax("fn f(a: &str, b: &str) { " + statements + " g(s); }");
        var use = Find(syntax, "g") + 2;
        Assert.Equal(Enum.Parse<RsValueKind>(expected), syntax.Classify(use, use + 1, traceLocals: true, out _));
    }

    [Fact]
    public void Unbalanced_brackets_do_not_break_queries()
    {
        var syntax = Syntax("fn f( { a(b, [c } ) ] ) x.unwrap(");
        for (var i = 0; i < syntax.Count; i++)
        {
            syntax.Arguments(i);
            syntax.NextChainCall(i, out _, out _);
            syntax.Classify(i, Math.Min(syntax.Count, i + 5), traceLocals: true, out _);
            syntax.CallOpen(i);
        }
    }

    private const string RealisticFile = """
        #![allow(dead_code)]
        use std::process::Command as Cmd;
        use std::{mem, collections::HashMap};
        use md5::{Md5, Digest};

        pub struct Config<'a> { name: &'a str }

        /* block /* nested */ comment */
        impl<'a> Config<'a> {
            pub fn new(name: &'a str, pool: &PgPool) -> Self {
                let sql = format!("SELECT * FROM t WHERE name = '{name}'");
                sqlx::query(&sql).execute(pool);
                let raw = r##"a "# b"##;
                let c = '\'';
                'outer: for i in 0..10u8 { if i == 3 { break 'outer; } }
                let h = Md5::new();
                let url = "http://localhost:8080";
                unsafe { mem::transmute::<u32, f32>(1) };
                let mut cmd = Cmd::new("sh");
                cmd.arg("-c").arg(&sql).output().unwrap();
                reqwest::Client::builder().danger_accept_invalid_certs(true);
                dbg!(raw); println!("{}", c); todo!(); panic!("x");
                Self { name }
            }
        }

        #[cfg(test)]
        mod tests {
            #[test]
            fn works() { assert_eq!(1.5e3, 1500.0); x.unwrap(); }
        }
        """;

    [Fact]
    public void Every_rust_rule_survives_every_truncation_and_random_input()
    {
        var rules = new TextRule[]
        {
            new RustCertificateValidationRule(), new RustCommandInjectionRule(), new RustDebugOutputRule(),
            new RustDevelopmentEndpointRule(), new RustNotImplementedPlaceholderRule(), new RustPanickingCallRule(),
            new RustSqlInjectionRule(), new RustUnsafeCodeRule(), new RustWeakHashRule(),
        };

        var inputs = new List<string>();
        for (var length = 0; length <= RealisticFile.Length; length++)
        {
            inputs.Add(RealisticFile.Substring(0, length));
        }

        var random = new Random(7);
        const string alphabet = "abrcfnmuse_#'\"\\/*!{}()[]<>:;.,=+-&|0123456789 \n:";
        var builder = new StringBuilder();
        for (var round = 0; round < 300; round++)
        {
            builder.Clear();
            var count = random.Next(0, 300);
            for (var i = 0; i < count; i++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            inputs.Add(builder.ToString());
        }

        var total = 0;
        foreach (var input in inputs)
        {
            var file = Scan(input);
            var sink = new List<Diagnostic>();
            var context = new TextRuleContext(file, null, isTestFile: false, sink, CancellationToken.None);
            foreach (var rule in rules)
            {
                rule.Analyze(context);
            }

            foreach (var diagnostic in sink)
            {
                Assert.True(diagnostic.Location.SourceSpan.End <= input.Length);
            }

            total += sink.Count;
        }

        // The complete file fires every rule at least once, so the loop above exercised real findings.
        var full = Scan(RealisticFile);
        var fullSink = new List<Diagnostic>();
        var fullContext = new TextRuleContext(full, null, isTestFile: false, fullSink, CancellationToken.None);
        foreach (var rule in rules)
        {
            rule.Analyze(fullContext);
        }

        var ids = new HashSet<string>();
        foreach (var diagnostic in fullSink)
        {
            ids.Add(diagnostic.Id);
        }

        Assert.Equal(new[] { "CG1005", "CG2001", "CG2004", "CG2005", "CG4001", "CG4002", "CG4009", "CG4012", "CG4013" }, new SortedSet<string>(ids));
        Assert.True(total > 0);
    }

    [Fact]
    public void Queries_scale_linearly_on_many_sinks_and_lets()
    {
        // Many sinks in one function: the local search is bounded, so the work grows with the input, not its square.
        var builder = new StringBuilder("fn f(pool: &Pool) {\n");
        for (var i = 0; i < 3000; i++)
        {
            builder.Append("    let s").Append(i).Append(" = format!(\"{}\", x); conn.execute(&q, []); Command::new(\"sh\").arg(\"-c\").arg(y);\n");
        }

        builder.Append('}');
        var file = Scan(builder.ToString());
        var sink = new List<Diagnostic>();
        var context = new TextRuleContext(file, null, isTestFile: false, sink, CancellationToken.None);
        new RustSqlInjectionRule().Analyze(context);
        new RustCommandInjectionRule().Analyze(context);
        Assert.Equal(3000, sink.Count);
    }

    [Fact]
    public void Deeply_nested_use_groups_do_not_exhaust_the_stack()
    {
        // A use tree nests as deep as the file is long; reading it must not recurse per level.
        var builder = new StringBuilder("use a::");
        for (var i = 0; i < 200_000; i++)
        {
            builder.Append("{b::");
        }

        builder.Append("{c::transmute as t}");
        builder.Append('}', 200_000);
        builder.Append(";\nfn f() { t(1); }");
        var syntax = Syntax(builder.ToString());
        Assert.True(syntax.PathEndsWith(Find(syntax, "t", 1), new[] { "b", "c", "transmute" }, out _));
        Assert.Single(syntax.Candidates(new[] { "transmute" }, withRenames: true), Find(syntax, "t", 1));
    }

    [Fact]
    public void Candidates_are_the_names_and_the_renaming_uses_in_order()
    {
        var syntax = Syntax("""
            use std::mem::transmute as reinterpret;
            use std::mem::{transmute as a, transmute as a};
            fn f() { transmute(1); reinterpret(2); a(3); other(4); /* transmute */ }
            """);
        var candidates = syntax.Candidates(new[] { "transmute", "other" }, withRenames: true);
        Assert.Equal(
            new[]
            {
                Find(syntax, "transmute", 0), Find(syntax, "reinterpret", 0), Find(syntax, "transmute", 1), Find(syntax, "a", 0),
                Find(syntax, "transmute", 2), Find(syntax, "a", 1), Find(syntax, "transmute", 3), Find(syntax, "reinterpret", 1),
                Find(syntax, "a", 2), Find(syntax, "other"),
            },
            candidates);
        Assert.True(syntax.HasName("other"));
        Assert.False(syntax.HasName("missing"));
        Assert.Empty(syntax.Candidates(new[] { "println" }, withRenames: false));
    }

    /// <summary>
    /// The layer reads the lexer's tags instead of the text: its brackets, string list and name index agree with a
    /// plain walk over the code tokens' text on generated input.
    /// </summary>
    [Fact]
    public void Brackets_strings_and_names_match_a_walk_over_the_text()
    {
        var pieces = new[]
        {
            "(", ")", "[", "]", "{", "}", ";", "#", "#[", "#![", "test]", "cfg(test)", "fn ", "use ", "r#fn", "'a", "\"s\"", "b'c'", "'x'",
            "// fn ( {\n", "/* ] */", "unwrap", "new", "md5", "Command", "nex", "x", " ", "\n", "::", ".", "!", "main", "é",
        };
        var names = new[] { "unwrap", "new", "md5", "Command", "nex", "x", "fn", "use", "main" };
        foreach (var source in GeneratedSources.From(pieces, 3000, seed: 6012))
        {
            var syntax = Syntax(source);
            var stack = new List<int>();
            var strings = new List<int>();
            for (var i = 0; i < syntax.Count; i++)
            {
                var text = syntax.File.GetString(syntax[i]);
                if (syntax[i].Kind == TokenKind.Punctuation && text is "(" or "[" or "{")
                {
                    stack.Add(i);
                }
                else if (syntax[i].Kind == TokenKind.Punctuation && text is ")" or "]" or "}")
                {
                    var opener = stack.Count > 0 ? syntax.File.GetString(syntax[stack[stack.Count - 1]]) : null;
                    if (opener is not null && opener == text switch { ")" => "(", "]" => "[", _ => "{" })
                    {
                        Assert.True(syntax.MatchOf(stack[stack.Count - 1]) == i, source);
                        Assert.True(syntax.MatchOf(i) == stack[stack.Count - 1], source);
                        stack.RemoveAt(stack.Count - 1);
                    }
                    else
                    {
                        Assert.True(syntax.MatchOf(i) == -1, source);
                    }
                }
                else
                {
                    Assert.True(syntax.MatchOf(i) == -1, source);
                }

                if (syntax.IsStringLiteral(i))
                {
                    strings.Add(i);
                }
            }

            foreach (var open in stack)
            {
                Assert.True(syntax.MatchOf(open) == syntax.Count, source);
            }

            Assert.Equal(strings.Count, syntax.StringCount);
            for (var k = 0; k < strings.Count; k++)
            {
                Assert.Equal(strings[k], syntax.StringAt(k));
            }

            foreach (var name in names)
            {
                var expected = new List<int>();
                for (var i = 0; i < syntax.Count; i++)
                {
                    if (syntax.IsName(i, name))
                    {
                        expected.Add(i);
                    }
                }

                Assert.Equal(expected, syntax.Candidates(new[] { name }, withRenames: false));
                Assert.Equal(expected.Count > 0, syntax.HasName(name));
            }
        }
    }
}

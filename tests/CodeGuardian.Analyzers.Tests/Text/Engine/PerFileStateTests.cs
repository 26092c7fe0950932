using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.Tests.Documentation;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CodeGuardian.Analyzers.Tests.Text.Engine;

/// <summary>
/// What the text engine keeps from one file for the next on the same thread (lexer buffers, the list of rented
/// arrays, the diagnostics list) and the fields that replaced per-file lists: nothing a file leaves behind may change
/// what the next file gets.
/// </summary>
public sealed class PerFileStateTests
{
    [Fact]
    public void A_javascript_file_ending_inside_a_template_does_not_change_the_next_file()
    {
        const string next = "const a = `x${b}y`;\nconst c = d / 2; // `";
        var alone = Lex(new JavaScriptLexer(), next);

        // Ends with open template holes and braces: the lexer's stack is not empty when the file ends.
        Lex(new JavaScriptLexer(), "const s = `a ${ f({ x: `b ${ {");

        Assert.Equal(alone, Lex(new JavaScriptLexer(), next));
    }

    [Fact]
    public void A_javascript_file_cancelled_inside_a_template_does_not_change_the_next_file()
    {
        const string next = "const a = b / 2; // `${";
        var alone = Lex(new JavaScriptLexer(), next);
        var cancelled = "const s = `${ f({ x: " + string.Concat(System.Linq.Enumerable.Repeat("a + ", 5_000));
        using var tokens = new TokenList();
        Assert.ThrowsAny<OperationCanceledException>(() => new JavaScriptLexer().Tokenize(cancelled.AsSpan(), tokens, new CancellationToken(canceled: true)));

        Assert.Equal(alone, Lex(new JavaScriptLexer(), next));
    }

    [Fact]
    public void A_python_file_ending_with_pending_strings_does_not_change_the_next_file()
    {
        const string next = "x = 1\n'not a docstring'\n";
        var alone = Lex(new PythonLexer(), next);

        // Strings alone on the last line stay pending until the line ends; this file ends first.
        Lex(new PythonLexer(), "'a' 'b' 'c' 'd' 'e' 'f' 'g' 'h' 'i'");

        Assert.Equal(alone, Lex(new PythonLexer(), next));
    }

    [Fact]
    public void Layers_beyond_the_inline_fields_are_kept_and_found()
    {
        using var file = Scanned("let a = 1;\n");
        var first = file.Layer(static _ => new Layer1());
        var second = file.Layer(static _ => new Layer2());
        var third = file.Layer(static _ => new Layer3());
        var fourth = file.Layer(static _ => new Layer4());
        var fifth = file.Layer(static _ => new Layer5());
        var sixth = file.Layer(static _ => new Layer6());

        Assert.Same(first, file.Layer<Layer1>(static _ => throw new InvalidOperationException("created twice")));
        Assert.Same(second, file.Layer<Layer2>(static _ => throw new InvalidOperationException("created twice")));
        Assert.Same(third, file.Layer<Layer3>(static _ => throw new InvalidOperationException("created twice")));
        Assert.Same(fourth, file.Layer<Layer4>(static _ => throw new InvalidOperationException("created twice")));
        Assert.Same(fifth, file.Layer<Layer5>(static _ => throw new InvalidOperationException("created twice")));
        Assert.Same(sixth, file.Layer<Layer6>(static _ => throw new InvalidOperationException("created twice")));
    }

    [Fact]
    public void Rented_arrays_of_one_file_are_not_handed_to_a_file_still_open()
    {
        using var outer = Scanned("let a = 1;\n");
        var outerArray = outer.Rent<int>(100);
        using (var inner = Scanned("let b = 2;\n"))
        {
            Assert.NotSame(outerArray, inner.Rent<int>(100));
        }

        // The outer file's list of rented arrays survives the inner file's disposal.
        Assert.NotSame(outerArray, outer.Rent<int>(100));
    }

    [Fact]
    public void Severities_of_more_descriptors_than_the_first_array_holds_stay_right()
    {
        // Every descriptor of the catalog on one file, with options present (the path that remembers severities).
        var options = new Options(new Dictionary<string, string>
        {
            ["codeguardian.CG1001.severity"] = "none",
            ["dotnet_diagnostic.CG5002.severity"] = "error",
        });
        using var file = Scanned("let a = 1;\n");
        var context = new TextRuleContext(file, options, isTestFile: false, new List<Diagnostic>(), CancellationToken.None);
        var descriptors = RuleCatalog.AllDescriptors;
        Assert.True(descriptors.Count > 32, "more descriptors than the first rented array holds");

        for (var round = 0; round < 2; round++)
        {
            foreach (var descriptor in descriptors)
            {
                var expected = descriptor.Id switch
                {
                    "CG1001" => false,
                    "CG5002" => true,
                    _ => descriptor.IsEnabledByDefault,
                };
                Assert.Equal(expected, context.IsEnabled(descriptor));
            }
        }
    }

    [Fact]
    public void Values_derived_from_the_project_files_are_computed_once()
    {
        var files = new ProjectFiles(ImmutableArray<AdditionalText>.Empty);
        var calls = 0;
        var first = files.Derived("probe", _ => new object[] { calls++ });
        var second = files.Derived("probe", _ => new object[] { calls++ });

        Assert.Same(first, second);
        Assert.Equal(1, calls);
        Assert.NotSame(first, files.Derived("other", _ => new object[] { calls++ }));
    }

    [Fact]
    public void Common_python_names_are_shared_and_others_copied()
    {
        Assert.Same(PyNames.Shared("json".AsSpan()), PyNames.Shared("json".AsSpan()));
        Assert.Equal("json", PyNames.Shared("json".AsSpan()));
        Assert.Equal("my_module", PyNames.Shared("xmy_module".AsSpan(1)));
        Assert.Equal(string.Empty, PyNames.Shared(ReadOnlySpan<char>.Empty));
    }

    [Theory]
    [InlineData("/src/app/index.js", TextLanguage.JavaScript)]
    [InlineData("/src/app/INDEX.TSX", TextLanguage.JavaScript)]
    [InlineData("C:\\src\\app\\module.mjs", TextLanguage.JavaScript)]
    [InlineData("/src/tool.py", TextLanguage.Python)]
    [InlineData("/db/001_init.SQL", TextLanguage.Sql)]
    [InlineData("/crate/src/lib.rs", TextLanguage.Rust)]
    [InlineData("/web/package.json", TextLanguage.Manifest)]
    [InlineData("C:\\web\\Cargo.toml", TextLanguage.Manifest)]
    [InlineData("/py/requirements-dev.txt", TextLanguage.Manifest)]
    [InlineData("/py/requirements.md", TextLanguage.Unknown)]
    [InlineData("/app/.env.local", TextLanguage.Config)]
    [InlineData("/app/appsettings.Production.json", TextLanguage.Config)]
    [InlineData("/app/settings.yaml", TextLanguage.Config)]
    [InlineData("/app/other.json", TextLanguage.Unknown)]
    [InlineData("/app/Makefile", TextLanguage.Unknown)]
    [InlineData("/app/js/readme", TextLanguage.Unknown)]
    [InlineData("/app/trailing.", TextLanguage.Unknown)]
    [InlineData("", TextLanguage.Unknown)]
    public void Languages_are_told_by_file_name(string path, TextLanguage expected)
    {
        Assert.Equal(expected, LanguageDetector.FromPath(path));
    }

    public static TheoryData<string, string> SourcesWithStringsAndComments() => new()
    {
        { "javascript", "// a\nconst s = 'x' + `t${u}v` + \"w\"; /* b */ f(/re/g, `` , '')\n" },
        { "python", "# a\n'''doc'''\nx = f'{y}' + b\"z\"  # b\n'unterminated" },
        { "rust", "// a\n/// doc\nlet s = r#\"x\"#; let c = 'c'; /* b /* nested */ */ \"unterminated" },
        { "sql", "-- a\nSELECT 'x', $$body$$, N'y' /* b */ FROM t; 'unterminated" },

        // More of each than the lists start with.
        { "javascript", string.Concat(System.Linq.Enumerable.Repeat("f('s', `t`); // c\n", 200)) },
    };

    [Theory]
    [MemberData(nameof(SourcesWithStringsAndComments))]
    public void The_token_list_notes_every_string_and_comment_token_in_order_also_when_reused(string language, string source)
    {
        ILexer lexer = language switch
        {
            "javascript" => new JavaScriptLexer(),
            "python" => new PythonLexer(),
            "rust" => new RustLexer(),
            _ => new SqlLexer(),
        };
        using var tokens = new TokenList(16);
        for (var run = 0; run < 2; run++)
        {
            // The second run reuses the list, as the profile and the SQL-in-strings scanner do.
            tokens.Clear();
            lexer.Tokenize(source.AsSpan(), tokens, CancellationToken.None);
            var strings = new List<int>();
            var comments = new List<int>();
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == TokenKind.String)
                {
                    strings.Add(i);
                }
                else if (tokens[i].Kind == TokenKind.Comment)
                {
                    comments.Add(i);
                }
            }

            Assert.NotEmpty(strings);
            Assert.NotEmpty(comments);
            Assert.Equal(strings, tokens.StringIndices.ToArray());
            Assert.Equal(comments, tokens.CommentIndices.ToArray());
        }
    }

    private static List<(TokenKind, int, int, TokenFlags)> Lex(ILexer lexer, string source)
    {
        using var tokens = new TokenList();
        lexer.Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var result = new List<(TokenKind, int, int, TokenFlags)>();
        foreach (var token in tokens.AsSpan())
        {
            result.Add((token.Kind, token.Start, token.Length, token.Flags));
        }

        return result;
    }

    private static ScannedFile Scanned(string source)
    {
        var chars = source.ToCharArray();
        var tokens = new TokenList();
        new JavaScriptLexer().Tokenize(chars, tokens, CancellationToken.None);
        return new ScannedFile("/src/probe.js", TextLanguage.JavaScript, SourceText.From(source), chars, chars.Length, tokens);
    }

    private sealed class Layer1
    {
    }

    private sealed class Layer2
    {
    }

    private sealed class Layer3
    {
    }

    private sealed class Layer4
    {
    }

    private sealed class Layer5
    {
    }

    private sealed class Layer6
    {
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        private readonly Dictionary<string, string> _values;

        public Options(Dictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value) => _values.TryGetValue(key, out value!);
    }
}

using System;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JsSyntaxTests
{
    private static JsSyntax Parse(string source)
    {
        var tokens = new TokenList();
        Lexers.JavaScript.Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = source.ToCharArray();
        return JsSyntax.For(new ScannedFile("/src/a.js", TextLanguage.JavaScript, SourceText.From(source), chars, chars.Length, tokens));
    }

    /// <summary>Code index of the <paramref name="occurrence"/>th token whose text is <paramref name="text"/>.</summary>
    private static int Find(JsSyntax syntax, string text, int occurrence = 0)
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

    private static string Text(JsSyntax syntax, int start, int end) =>
        syntax.File.GetString(syntax[start].Start, syntax[end - 1].End - syntax[start].Start);

    [Fact]
    public void Comments_are_not_code_tokens()
    {
        var syntax = Parse("a /* x */ . // y\n b");
        Assert.Equal(3, syntax.Count);
        Assert.True(syntax.IsChain(2, "a", "b"));
    }

    [Fact]
    public void Line_breaks_between_code_tokens_include_those_inside_comments()
    {
        var syntax = Parse("a /* x\n */ b /* y */ c // z\n d\r\n/* w */ e `t\n` f");
        Assert.False(syntax.IsOnNewLine(Find(syntax, "a")));
        Assert.True(syntax.IsOnNewLine(Find(syntax, "b")));
        Assert.False(syntax.IsOnNewLine(Find(syntax, "c")));
        Assert.True(syntax.IsOnNewLine(Find(syntax, "d")));
        Assert.True(syntax.IsOnNewLine(Find(syntax, "e")));
        Assert.False(syntax.IsOnNewLine(Find(syntax, "f")));
    }

    [Fact]
    public void Name_index_finds_identifiers_in_order_and_strings_are_listed()
    {
        var syntax = Parse("eval(x); 'eval'; y.eval(z); /* eval */ `t`; eval");
        var found = new System.Collections.Generic.List<int>();
        foreach (var i in syntax.Find("eval"))
        {
            found.Add(i);
        }

        Assert.Equal(new[] { 0, 9, 16 }, found);
        found.Clear();
        foreach (var i in syntax.Find("z", "x", "eval"))
        {
            found.Add(i);
        }

        Assert.Equal(new[] { 0, 2, 9, 11, 16 }, found);
        Assert.Equal(new[] { 5, 14 }, syntax.Strings.ToArray());
    }

    [Fact]
    public void Names_outside_the_indexed_set_and_near_misses_are_told_apart()
    {
        // "evil" passes the index's filter for "eval" (length, first and last character); "item" is not indexed at all.
        var syntax = Parse("evil(item); eval(item); item.eval; x.evil");
        var found = new System.Collections.Generic.List<int>();
        foreach (var i in syntax.Find("eval"))
        {
            found.Add(i);
        }

        Assert.Equal(new[] { 5, 12 }, found);
        found.Clear();
        foreach (var i in syntax.Find("item", "evil"))
        {
            found.Add(i);
        }

        Assert.Equal(new[] { 0, 2, 7, 10, 16 }, found);
        Assert.True(syntax.Contains("item"));
        Assert.False(syntax.Contains("evals"));
    }

    [Fact]
    public void Member_chains()
    {
        var syntax = Parse("child_process.exec(x); this.db.query(y); a?.b.c(z);");
        Assert.True(syntax.IsChain(Find(syntax, "exec"), "child_process", "exec"));
        Assert.False(syntax.IsChain(Find(syntax, "query"), "db", "query"));
        Assert.True(syntax.ChainEndsWith(Find(syntax, "query"), "db", "query"));
        Assert.True(syntax.IsChain(Find(syntax, "c"), "a", "b", "c"));
        Assert.Equal(Find(syntax, "a"), syntax.ChainStart(Find(syntax, "c")));
    }

    [Fact]
    public void Arguments_with_balanced_brackets_across_lines()
    {
        var syntax = Parse("f(a(1, 2),\n  [3, 4],\n  { k: (5, 6) }, `t ${x, y}`)");
        var open = Find(syntax, "(");
        Assert.True(syntax.TryGetArgument(open, 0, out var s0, out var e0));
        Assert.Equal("a(1, 2)", Text(syntax, s0, e0));
        Assert.True(syntax.TryGetArgument(open, 1, out var s1, out var e1));
        Assert.Equal("[3, 4]", Text(syntax, s1, e1));
        Assert.True(syntax.TryGetArgument(open, 2, out var s2, out var e2));
        Assert.Equal("{ k: (5, 6) }", Text(syntax, s2, e2));
        Assert.True(syntax.TryGetArgument(open, 3, out var s3, out var e3));
        Assert.Equal("`t ${x, y}`", Text(syntax, s3, e3));
        Assert.False(syntax.TryGetArgument(open, 4, out _, out _));
        Assert.False(syntax.TryGetArgument(Find(syntax, "(", 1), 2, out _, out _));
    }

    [Fact]
    public void Unclosed_call_has_no_arguments()
    {
        var syntax = Parse("f(a, b");
        Assert.False(syntax.TryGetArgument(1, 0, out _, out _));
    }

    [Theory]
    [InlineData("q(`a ${b}`)", "a template literal with ${} interpolation")]
    [InlineData("q('a' + b)", "string concatenation")]
    [InlineData("q(b + 'a' + 'c')", "string concatenation")]
    [InlineData("q(('a' + b))", "string concatenation")]
    [InlineData("q('a' + 'b' + 1)", null)]
    [InlineData("q(`a`)", null)]
    [InlineData("q('a')", null)]
    [InlineData("q(b)", null)]
    [InlineData("q(sql`a ${b}`)", null)]
    [InlineData("q(cond ? 'a' : 'b')", null)]
    [InlineData("const s = 'a' + b; q(s)", "string concatenation (through 's')")]
    [InlineData("let s = 'a'; s += b; q(s)", "string concatenation (through 's')")]
    [InlineData("const s = 'a' + 'b'; q(s)", null)]
    [InlineData("const T = 'users'; q('SELECT * FROM ' + T)", null)]
    [InlineData("const T = 'users'; q(`SELECT * FROM ${T}`)", null)]
    [InlineData("const T = `users`; const C = 'id'; q(`SELECT ${C} FROM ${ T } LIMIT ${10}`)", null)]
    [InlineData("q(`SELECT * FROM ${T}`)", "a template literal with ${} interpolation")]
    [InlineData("const T = 'users'; q(`SELECT * FROM ${T} WHERE id = ${id}`)", "a template literal with ${} interpolation")]
    [InlineData("const T = 'users'; q(`SELECT * FROM ${T.trim()}`)", "a template literal with ${} interpolation")]
    [InlineData("let s = 'a'; s += 'b'; q(s)", null)]
    public void Non_constant_reason(string source, string? expected)
    {
        var syntax = Parse(source);
        var open = syntax.CallParenthesis(Find(syntax, "q"));
        Assert.True(syntax.TryGetArgument(open, 0, out var start, out var end));
        Assert.Equal(expected, syntax.NonConstantReason(start, end));
    }

    [Theory]
    [InlineData("for (const x of xs) { q(); }", "for")]
    [InlineData("for (let i = 0; i < n; i++)\n  q();", "for")]
    [InlineData("for await (const x of xs) { if (a) { q(); } }", "for")]
    [InlineData("while (a) { q(); }", "while")]
    [InlineData("do { q(); } while (a);", "do")]
    [InlineData("xs.forEach(x => { q(); });", "forEach")]
    [InlineData("xs.map(async function (x) { return q(); });", "map")]
    public void Enclosing_loops(string source, string kind)
    {
        var syntax = Parse(source);
        Assert.True(syntax.TryGetEnclosingLoop(Find(syntax, "q"), out var actual));
        Assert.Equal(kind, actual);
    }

    [Theory]
    [InlineData("for (const x of q()) { a(); }")]
    [InlineData("while (q()) { a(); }")]
    [InlineData("for (const x of xs) { a(); }\nq();")]
    [InlineData("do { a(); } while (b)\nq();")]
    [InlineData("for (const r of routes) { app.get(r, async () => { q(); }); }")]
    [InlineData("xs.find({ id: q() });")]
    [InlineData("if (a) { q(); }")]
    public void Not_in_loops(string source)
    {
        var syntax = Parse(source);
        Assert.False(syntax.TryGetEnclosingLoop(Find(syntax, "q"), out _));
    }

    [Fact]
    public void Module_aliases()
    {
        var syntax = Parse("""
            const { exec, execSync: es } = require('child_process');
            const cp = require("node:child_process");
            import * as ns from 'child_process';
            import def, { spawn as sp, type Foo } from 'child_process';
            exec(a); es(b); cp.exec(c); ns.spawn(d); sp(e); def.exec(f); other.exec(g); require('child_process').execFile(h);
            """);
        Assert.True(syntax.IsModuleMember(Find(syntax, "exec", 1), "child_process", "exec"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "es", 1), "child_process", "execSync"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "exec", 2), "child_process", "exec"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "spawn", 1), "child_process", "spawn"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "sp", 1), "child_process", "spawn"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "exec", 3), "child_process", "exec"));
        Assert.False(syntax.IsModuleMember(Find(syntax, "exec", 4), "child_process", "exec"));
        Assert.True(syntax.IsModuleMember(Find(syntax, "execFile"), "child_process", "execFile"));
        Assert.False(syntax.IsModuleMember(Find(syntax, "es", 1), "child_process", "exec"));
        Assert.True(syntax.ImportsModule("child_process"));
        Assert.False(syntax.ImportsModule("fs"));
    }

    [Fact]
    public void Matching_brackets_ignore_stray_closers()
    {
        var syntax = Parse("f(a]) { b }");
        Assert.Equal(4, syntax.MatchOf(1));
        Assert.Equal(-1, syntax.MatchOf(3));
        Assert.Equal(7, syntax.MatchOf(5));
        Assert.Equal(5, syntax.ParentOf(6));
    }
}

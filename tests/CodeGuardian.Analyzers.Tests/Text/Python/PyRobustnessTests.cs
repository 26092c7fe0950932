using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

/// <summary>Every Python rule over half-typed, random and pathological input: no exception, sane spans.</summary>
public class PyRobustnessTests
{
    private const string Sample = """"
        #!/usr/bin/env python3
        '''Service module.'''
        import os, pdb, subprocess as sp, hashlib, random, pickle, yaml, ssl, time
        from flask import request, send_file, Markup
        from Crypto.Cipher import DES, AES

        DEBUG = True

        class Repo(Protocol):
            @abstractmethod
            def find(self, key): raise NotImplementedError

        async def handler(cursor, user_id, items):
            time.sleep(1)
            for item in items:
                cursor.execute(f"SELECT * FROM t WHERE id = {user_id}")
            try:
                os.system("ls " + user_id)
            except:
                pass
            name = request.files["f"].filename
            path = os.path.join("/data", name)
            token = random.choice("abc")
            x = eval(user_id) + Markup(user_id)
            h = hashlib.md5(b"x")
            d = pickle.loads(user_id) or yaml.load(user_id)
            c = DES.new(b"k", AES.MODE_ECB)
            r = requests.get("http://localhost:8000", verify=False)
            breakpoint()
            print(f"""{r!r:>{10}}""")
            app.run(debug=True)
            raise NotImplementedError
        """";

    [Fact]
    public void Sample_produces_findings_for_every_python_rule()
    {
        var ids = new HashSet<string>();
        foreach (var diagnostic in Run(Sample, "/src/app/settings.py"))
        {
            ids.Add(diagnostic.Id);
        }

        foreach (var expected in new[]
        {
            "CG1005", "CG2002", "CG2004", "CG3001", "CG3002", "CG3005", "CG4001", "CG4002", "CG4003", "CG4004",
            "CG4005", "CG4006", "CG4009", "CG4010", "CG4011", "CG4012", "CG4014", "CG5001",
        })
        {
            Assert.Contains(expected, ids);
        }
    }

    [Fact]
    public void Every_truncation_runs_every_rule_without_exception()
    {
        for (var length = 0; length <= Sample.Length; length++)
        {
            AssertWellFormed(Sample.Substring(0, length));
        }
    }

    [Fact]
    public void Random_mutations_run_every_rule_without_exception()
    {
        var random = new Random(7321);
        const string alphabet = "abcdefrf_ \t\n\r\\'\"#{}()[]:=.,%+@\u540d";
        for (var round = 0; round < 300; round++)
        {
            var chars = Sample.ToCharArray();
            var edits = random.Next(1, 20);
            for (var k = 0; k < edits; k++)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            AssertWellFormed(new string(chars));
        }

        for (var round = 0; round < 200; round++)
        {
            var builder = new StringBuilder();
            var length = random.Next(0, 400);
            for (var k = 0; k < length; k++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            AssertWellFormed(builder.ToString());
        }
    }

    [Theory]
    [InlineData("(")]
    [InlineData("[")]
    [InlineData("f(")]
    [InlineData("cursor.execute(")]
    [InlineData("    for x in y:\n")]
    [InlineData("except:\n")]
    [InlineData("@abstractmethod\n")]
    [InlineData("import a as b, ")]
    [InlineData("x = x + ")]
    public void Pathological_repetition_does_not_overflow_or_throw(string unit)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < 20000; k++)
        {
            builder.Append(unit);
        }

        builder.Append("cursor.execute(f\"{x}\")\n");
        AssertWellFormed(builder.ToString());
    }

    [Fact]
    public void Model_work_is_linear_in_lines()
    {
        // Logical lines and calls counted by the model grow exactly with the input.
        var unit = "for i in items:\n    cursor.execute(\"SELECT %s\", (i,))\n";
        var small = Model(Repeat(unit, 100));
        var large = Model(Repeat(unit, 1000));
        Assert.Equal(small.Lines.Length * 10, large.Lines.Length);
        Assert.Equal(small.Calls.Length * 10, large.Calls.Length);
    }

    private static PyModule Model(string source)
    {
        var tokens = new TokenList();
        new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = source.ToCharArray();
        var file = new ScannedFile("/src/a.py", TextLanguage.Python, SourceText.From(source), chars, chars.Length, tokens);
        return PyModule.For(file);
    }

    private static void AssertWellFormed(string source)
    {
        foreach (var diagnostic in Run(source, "/src/app/service.py"))
        {
            var span = diagnostic.Location.SourceSpan;
            Assert.True(span.Start >= 0 && span.End <= source.Length && span.Length > 0, $"bad span {span} for {diagnostic.Id}");
        }
    }

    private static List<Diagnostic> Run(string source, string path)
    {
        using var tokens = new TokenList();
        new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = source.ToCharArray();
        var file = new ScannedFile(path, TextLanguage.Python, SourceText.From(source), chars, chars.Length, tokens);
        var diagnostics = new List<Diagnostic>();
        var context = new TextRuleContext(file, null, false, diagnostics, CancellationToken.None);
        foreach (var rule in TextRuleRegistry.For(TextLanguage.Python))
        {
            rule.Analyze(context);
        }

        return diagnostics;
    }

    private static string Repeat(string unit, int count)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < count; k++)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }
}

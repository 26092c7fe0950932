using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

/// <summary>Every JS rule over half-typed and random input: no exception, diagnostics inside the file.</summary>
public class JsRulesRobustnessTests
{
    private const string Sample = """
        import * as cp from 'child_process';
        import { readFile } from 'fs/promises';
        const { exec: run } = require('child_process');
        const crypto = require('crypto');
        export async function handler(req, res, db) {
          const name = req.query.name;
          const { dir } = req.params;
          try { await readFile(`./${dir}/${name}`); } catch (e) {}
          for (const id of ids) { await db.query(`SELECT * FROM t WHERE id = ${id}`); }
          ids.forEach(async (id) => { await User.findOne({ where: { id } }); });
          el.innerHTML = '<b>' + name + '</b>';
          run('ls ' + dir);
          cp.spawn('sh', ['-c', name], { shell: true });
          const token = Math.random().toString(36);
          const h = crypto.createHash('md5');
          const c = crypto.createCipher('des', key);
          const agent = { rejectUnauthorized: false };
          process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
          setTimeout("tick()", 10); eval(code); new Function('a', 'return a');
          console.log("http://localhost:3000"); alert('x'); debugger;
          load().catch(() => {});
          res.sendFile(path.join(__dirname, req.params.file));
          return <div dangerouslySetInnerHTML={{ __html: body }} />;
          throw new Error("not implemented");
        }
        """;

    [Fact]
    public void Every_truncation_of_a_sample_runs_every_rule_without_exception()
    {
        for (var length = 0; length <= Sample.Length; length++)
        {
            RunAll(Sample.Substring(0, length));
        }
    }

    [Fact]
    public void Full_sample_fires_every_rule()
    {
        var ids = new HashSet<string>();
        foreach (var diagnostic in RunAll(Sample))
        {
            ids.Add(diagnostic.Id);
        }

        foreach (var id in new[] { "CG1005", "CG2001", "CG2002", "CG2003", "CG2004", "CG3001", "CG4001", "CG4002", "CG4003", "CG4004", "CG4005", "CG4009", "CG4010", "CG4011", "CG4012", "CG5001" })
        {
            Assert.Contains(id, ids);
        }
    }

    [Fact]
    public void Random_token_soup_from_rule_vocabulary_runs_every_rule_without_exception()
    {
        var vocabulary = new[]
        {
            "require", "'child_process'", "'node-serialize'", "'fs'", "'path'", "import", "from", "*", "as", "const", "let", "=", "+", "+=", "(", ")",
            "{", "}", "[", "]", ",", ";", ".", "?.", ":", "=>", "\n", "exec", "spawn", "shell", "true", "false", "Math", "random", "innerHTML",
            "__html", "dangerouslySetInnerHTML", "catch", "try", "for", "while", "do", "forEach", "map", "await", "async", "function", "return",
            "db", "query", "execute", "req", "params", "body", "fs", "readFile", "path", "join", "basename", "createHash", "'md5'",
            "createCipheriv", "'des'", "rejectUnauthorized", "NODE_TLS_REJECT_UNAUTHORIZED", "'0'", "process", "env", "debugger", "throw", "new",
            "Error", "'not implemented'", "console", "log", "alert", "window", "eval", "setTimeout", "Function", "unserialize", "promisify",
            "`a ${b} c`", "sql`x ${y}`", "'http://localhost:1'", "token", "sendFile", "res", "/re/g", "//c", "/*c*/", "`", "'", "\"",
        };
        var random = new Random(777);
        var builder = new System.Text.StringBuilder();
        for (var round = 0; round < 300; round++)
        {
            builder.Clear();
            var count = random.Next(1, 120);
            for (var i = 0; i < count; i++)
            {
                builder.Append(vocabulary[random.Next(vocabulary.Length)]).Append(random.Next(4) == 0 ? "" : " ");
            }

            RunAll(builder.ToString());
        }
    }

    [Fact]
    public void Random_and_repetitive_input_runs_every_rule_without_exception()
    {
        var random = new Random(4242);
        const string alphabet = "`${}()[]/\\*'\"\n =+-.,;:<>?!&|abcdeiqrtxz_$0123";
        for (var round = 0; round < 150; round++)
        {
            var chars = new char[random.Next(0, 400)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            RunAll(new string(chars));
        }

        // Long single statements and deep nesting: bounded walks, no stack overflow.
        RunAll("f(" + string.Concat(System.Linq.Enumerable.Repeat("await db.query(`${x}`), ", 1000)) + ")");
        RunAll(new string('(', 5000) + "Math.random()" + new string(')', 5000));
        RunAll(string.Concat(System.Linq.Enumerable.Repeat("x.innerHTML = ", 1000)) + "y;");
    }

    private static List<Diagnostic> RunAll(string source)
    {
        var text = SourceText.From(source);
        var chars = source.ToCharArray();
        using var tokens = new TokenList();
        Lexers.JavaScript.Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var file = new ScannedFile("/src/app.jsx", TextLanguage.JavaScript, text, chars, chars.Length, tokens);
        var diagnostics = new List<Diagnostic>();
        var context = new TextRuleContext(file, null, false, diagnostics, CancellationToken.None);
        foreach (var rule in TextRuleRegistry.For(TextLanguage.JavaScript))
        {
            rule.Analyze(context);
        }

        foreach (var diagnostic in diagnostics)
        {
            Assert.True(diagnostic.Location.SourceSpan.End <= source.Length);
            Assert.True(diagnostic.Location.SourceSpan.Length > 0);
        }

        return diagnostics;
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PyModuleTests
{
    private static PyModule Model(string source, string path = "/src/a.py")
    {
        var tokens = new TokenList();
        new PythonLexer().Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var chars = source.ToCharArray();
        return PyModule.For(new ScannedFile(path, TextLanguage.Python, SourceText.From(source), chars, chars.Length, tokens));
    }

    private static PyCall CallNamed(PyModule module, string lastPart)
    {
        foreach (var call in module.Calls)
        {
            if (module.LastPartIs(call, lastPart))
            {
                return call;
            }
        }

        throw new InvalidOperationException("no call " + lastPart);
    }

    private static int TokenIndex(PyModule module, string text, int occurrence = 0)
    {
        for (var i = 0; i < module.Tokens.Count; i++)
        {
            if (module.Is(i, text) && occurrence-- == 0)
            {
                return i;
            }
        }

        throw new InvalidOperationException("no token " + text);
    }

    [Fact]
    public void Dotted_call_names_resolve_through_imports()
    {
        var module = Model("""
            import os.path
            import subprocess as sp
            from subprocess import run as r
            from os import system
            os.path.join(a, b)
            sp.run(x)
            r(x)
            system(x)
            obj().run(x)
            """);
        Assert.True(module.CallIs(CallNamed(module, "join"), "os.path.join"));
        Assert.True(module.CallIs(CallNamed(module, "r"), "subprocess.run"));
        Assert.True(module.CallIs(CallNamed(module, "system"), "os.system"));
        var spRun = module.Calls[1];
        Assert.True(module.CallIs(spRun, "subprocess.run"));
        Assert.False(module.CallIs(spRun, "subprocess.call"));
        var methodRun = module.Calls[5];
        Assert.True(methodRun.HasReceiver);
        Assert.False(module.CallIs(methodRun, "subprocess.run"));
    }

    [Fact]
    public void Arguments_across_lines_and_keywords()
    {
        var module = Model("""
            subprocess.run(
                [cmd, f(a, b)],  # comment
                shell=True,
                check=(x == y),
            )
            """);
        var call = CallNamed(module, "run");
        Assert.Equal(3, module.ArgumentCount(call.Open));
        Assert.True(module.TryGetPositionalArgument(call.Open, 0, out var start, out var end));
        Assert.True(module.IsPunctuation(start, "["));
        Assert.Equal(module.MatchOf(start), module.Previous(end));
        Assert.True(module.TryGetKeywordArgument(call.Open, "shell", out _, out var valueStart, out var valueEnd));
        Assert.True(module.RangeIs(valueStart, valueEnd, "True"));
        Assert.True(module.TryGetKeywordArgument(call.Open, "check", out _, out _, out _));
        Assert.False(module.TryGetPositionalArgument(call.Open, 1, out _, out _));
    }

    [Theory]
    [InlineData("f\"SELECT {x}\"", PyValueKind.FString)]
    [InlineData("\"SELECT %s\" % x", PyValueKind.PercentFormat)]
    [InlineData("\"SELECT %s\" % (x,)", PyValueKind.PercentFormat)]
    [InlineData("\"SELECT {}\".format(x)", PyValueKind.FormatCall)]
    [InlineData("\"SELECT \" + x", PyValueKind.Concatenation)]
    [InlineData("\"SELECT \" + \"x\"", PyValueKind.Constant)]
    [InlineData("\"SELECT \" + TABLE", PyValueKind.Constant)]
    [InlineData("\"SELECT %s\" % \"x\"", PyValueKind.Constant)]
    [InlineData("f\"SELECT 1\"", PyValueKind.Constant)]
    [InlineData("f\"{{x}}\"", PyValueKind.Constant)]
    [InlineData("(\"a\"\n \"b\")", PyValueKind.Constant)]
    [InlineData("query", PyValueKind.Opaque)]
    [InlineData("build(x)", PyValueKind.Opaque)]
    [InlineData("\"a\" if flag else \"b\"", PyValueKind.Opaque)]
    public void Non_constant_test(string expression, PyValueKind expected)
    {
        var module = Model("run(" + expression + ")\n");
        var call = module.Calls[0];
        Assert.True(module.TryGetPositionalArgument(call.Open, 0, out var start, out var end));
        Assert.Equal(expected, PyExpressions.Classify(module, start, end));
    }

    [Fact]
    public void Variables_are_followed_within_the_function()
    {
        var module = Model("""
            query = f"{x}"
            def f():
                run(query)
                sql = "a" + b
                run(sql)
                sql = "constant"
                run(sql)
            """);
        var calls = module.Calls;
        Assert.Equal(PyValueKind.Opaque, Follow(module, calls[0]).Kind);
        Assert.Equal(PyValueKind.Concatenation, Follow(module, calls[1]).Kind);
        Assert.Equal(PyValueKind.Constant, Follow(module, calls[2]).Kind);
    }

    private static PyValue Follow(PyModule module, PyCall call)
    {
        module.TryGetPositionalArgument(call.Open, 0, out var start, out var end);
        return PyExpressions.ClassifyFollowingVariable(module, start, end);
    }

    [Fact]
    public void Blocks_from_indentation()
    {
        var module = Model("""
            class Repo(Protocol):
                @abstractmethod
                def find(self):
                    for x in y:
                        while z:
                            a()
                    b()
                async def load(self): c()

            d()
            """);
        var a = TokenIndex(module, "a");
        var function = module.EnclosingFunction(a);
        Assert.Equal("find", module.File.GetString(module[module.DefinitionName(function)]));
        Assert.True(module.HasDecorator(function, "abstractmethod"));
        Assert.True(module.ClassHasBase(module.ClassOfMethod(function), "Protocol"));
        Assert.Equal("while", PySinks.EnclosingLoop(module, a));
        Assert.Null(PySinks.EnclosingLoop(module, TokenIndex(module, "b")));
        var c = TokenIndex(module, "c");
        Assert.True(module.Lines[module.EnclosingFunction(c)].IsAsync);
        Assert.Equal(-1, module.EnclosingFunction(TokenIndex(module, "d")));
    }

    [Fact]
    public void Enclosing_brackets_match_a_bracket_stack_over_every_token()
    {
        // The parents of non-bracket tokens are found by walking back (or, past a long stretch, stored for all tokens);
        // this compares both ways with a plain stack over the tokens.
        var pieces = new[]
        {
            "(", ")", "[", "]", "{", "}", "\n", "\\\n", "x", " ", ", ", "'s'", "# c\n", "def ", "f(", "a.b", "=", "print(\n",
        };
        var sources = new System.Collections.Generic.List<string>(GeneratedSources.From(pieces, 2000))
        {
            "x = [" + string.Concat(System.Linq.Enumerable.Repeat("a, (b), ", 60)) + "c]\ny = (d, e)\n",
            "f(" + string.Concat(System.Linq.Enumerable.Repeat("a + ", 100)) + "b)\n",
            "f([x], (y]), {" + string.Concat(System.Linq.Enumerable.Repeat("a + ", 100)) + "b}, " + string.Concat(System.Linq.Enumerable.Repeat("c, ", 80)) + "d)\n",
        };
        foreach (var source in sources)
        {
            var module = Model(source);
            var expected = ParentsByStack(module);
            for (var i = 0; i < module.Tokens.Count; i++)
            {
                Assert.True(expected[i] == module.EnclosingBracket(i), $"token {i} of: {source}");
            }
        }
    }

    [Fact]
    public void Block_headers_match_a_walk_over_each_line_on_generated_sources()
    {
        // The pass over the tokens finds each line's header colon as it goes (lines whose brackets all close) and the
        // header kind from the lexer's tags; this compares with a walk over each line's text and matched brackets.
        var pieces = new[]
        {
            "\n", "    ", "\t", "if ", "elif x", "else", "for ", "while ", "try", "except ", "finally", "with ", "def ", "class ",
            "async ", "match ", "case ", "import ", "from ", "lambda", "lambda x", ":", ": ", " = ", "(", ")", "[", "]", "{",
            "}", "x", "f(", "# c\n", "\\\n", "'s'", "a.b", "print(\n", ", ", "return ",
        };
        var sources = new System.Collections.Generic.List<string>(GeneratedSources.From(pieces, 3000))
        {
            "if (lambda: 1)(): pass\nif lambda x: x: pass\nwhile f(a,\n  b): x\n",
            "def f(a: int = (lambda: 2)()) -> dict[str, int]:\n    return {k: v for k, v in a}\n",
            "if x[1:2] == (3,\n    lambda: 4,\nclass C:\n    pass\n",
            "async def f():\n    async with a as b:  # c\n        async for x in y: pass\n",
        };
        foreach (var source in sources)
        {
            var module = Model(source);
            var indents = new System.Collections.Generic.List<int>();
            for (var k = 0; k < module.Lines.Length; k++)
            {
                var line = module.Lines[k];
                var first = line.First;
                var isAsync = module.IsIdentifier(first, "async");
                var word = isAsync ? module.Next(first) : first;
                var kind = !module.IsKind(word, TokenKind.Identifier) ? PyBlockKind.None : module.File.GetString(module[word]) switch
                {
                    "if" or "elif" => PyBlockKind.If,
                    "else" => PyBlockKind.Else,
                    "for" => PyBlockKind.For,
                    "while" => PyBlockKind.While,
                    "try" => PyBlockKind.Try,
                    "except" => PyBlockKind.Except,
                    "finally" => PyBlockKind.Finally,
                    "with" => PyBlockKind.With,
                    "def" => PyBlockKind.Def,
                    "class" => PyBlockKind.Class,
                    "match" or "case" => PyBlockKind.Match,
                    _ => PyBlockKind.None,
                };
                var colon = -1;
                var lambdas = 0;
                for (var i = first; i < line.End && kind != PyBlockKind.None; i = module.Next(i))
                {
                    if (module.MatchOf(i) > i)
                    {
                        i = module.MatchOf(i);
                    }
                    else if (module.IsIdentifier(i, "lambda"))
                    {
                        lambdas++;
                    }
                    else if (module.IsPunctuation(i, ":") && lambdas-- == 0)
                    {
                        colon = i;
                        break;
                    }
                }

                if (colon < 0)
                {
                    kind = PyBlockKind.None;
                }

                var message = $"line {k} of: {source}";
                Assert.True(kind == line.Kind, message);
                Assert.True(colon == line.Colon, message);
                Assert.True(isAsync == line.IsAsync, message);

                // The enclosing header: the nearest earlier header with a body (nothing after its colon) and a smaller indent.
                var parent = -1;
                var indent = line.Indent;
                for (var h = k - 1; h >= 0; h--)
                {
                    var header = module.Lines[h];
                    if (header.Indent < indent)
                    {
                        if (header.Kind != PyBlockKind.None && module.Next(header.Colon) >= header.End)
                        {
                            parent = h;
                            break;
                        }

                        indent = header.Indent;
                    }
                }

                Assert.True(parent == line.Parent, message + $" parent {line.Parent}, expected {parent}");
            }
        }
    }

    private static int[] ParentsByStack(PyModule module)
    {
        var parents = new int[module.Tokens.Count];
        var stack = new System.Collections.Generic.List<int>();
        for (var i = 0; i < parents.Length; i++)
        {
            parents[i] = stack.Count > 0 ? stack[stack.Count - 1] : -1;
            var token = module[i];
            if (token.Kind == TokenKind.Newline)
            {
                stack.Clear();
                continue;
            }

            var text = module.File.GetString(token);
            if (token.Kind != TokenKind.Punctuation || text.Length != 1)
            {
                continue;
            }

            if (text is "(" or "[" or "{")
            {
                stack.Add(i);
            }
            else if (text is ")" or "]" or "}" && stack.Count > 0
                && module.File.GetString(module[stack[stack.Count - 1]]) == (text == ")" ? "(" : text == "]" ? "[" : "{"))
            {
                stack.RemoveAt(stack.Count - 1);
            }
        }

        return parents;
    }

    [Fact]
    public void Each_token_belongs_to_its_logical_line()
    {
        var module = Model("""
            # leading comment
            first = call(a,
                         # inside the brackets
                         b)

            # before the second line
            second()
            # trailing comment
            """);
        Assert.Equal(2, module.Lines.Length);
        Assert.Equal(0, module.LineIndexOf(0));
        Assert.Equal(0, module.LineIndexOf(TokenIndex(module, "b")));
        Assert.Equal(0, module.LineIndexOf(TokenIndex(module, "# inside the brackets")));
        Assert.Equal(0, module.LineIndexOf(module.Lines[0].End));
        Assert.Equal(1, module.LineIndexOf(TokenIndex(module, "# before the second line")));
        Assert.Equal(1, module.LineIndexOf(TokenIndex(module, "second")));
        Assert.Equal(1, module.LineIndexOf(module.Lines[1].End));
        Assert.Equal(module.Lines.Length, module.LineIndexOf(TokenIndex(module, "# trailing comment")));
        Assert.Equal(-1, module.LineIndexOf(module.Tokens.Count));
        Assert.Equal(-1, module.LineIndexOf(-1));
    }

    [Theory]
    [InlineData("if __name__ == \"__main__\":\n    main()\n", true)]
    [InlineData("if __name__ == '__main__': main()\n", true)]
    [InlineData("if '__main__' == __name__:\n    main()\n", true)]
    [InlineData("if __name__ == \"main\":\n    main()\n", false)]
    [InlineData("def f():\n    if __name__ == \"__main__\":\n        main()\n", false)]
    [InlineData("# if __name__ == \"__main__\":\n", false)]
    public void Main_guard(string source, bool expected) => Assert.Equal(expected, Model(source).HasMainGuard);

    [Fact]
    public void Imports_and_aliases()
    {
        var module = Model("""
            import os, sys as system
            import a.b.c
            from x.y import (p as q,
                             r)
            from . import local
            from m import *
            """);
        var names = new System.Collections.Generic.List<string>();
        foreach (var import in module.Imports)
        {
            names.Add(import.LocalName + "=" + import.QualifiedName);
        }

        Assert.Equal(new[] { "os=os", "system=sys", "a=a", "q=x.y.p", "r=x.y.r" }, names.ToArray());
    }

    [Fact]
    public void Calls_are_found_by_last_name_part_and_through_aliases()
    {
        var module = Model("""
            import time
            from time import sleep as nap
            from pickle import loads as load
            time.sleep(1)
            nap(2)
            sleep(3)
            x.sleepy(4)
            load(b)
            pickle.load(c)
            """);
        var found = new System.Collections.Generic.List<string>();
        foreach (var c in module.FindCalls("sleep"))
        {
            found.Add(module.TextOf(module.CallAt(c).NameStart, module.CallAt(c).NameEnd));
        }

        Assert.Equal(new[] { "time.sleep", "nap", "sleep" }, found.ToArray());

        // Several names: ascending, each call once (load( is found as "load" and as the alias of loads).
        var indexes = module.FindCalls(new[] { "loads", "load" }).ToArray();
        Assert.Equal(2, indexes.Length);
        Assert.True(indexes[0] < indexes[1]);
        Assert.True(module.CallIs(module.CallAt(indexes[0]), "pickle.loads"));
        Assert.Empty(module.FindCalls("missing").ToArray());
    }

    [Fact]
    public void Names_and_assignment_targets_are_found_by_name()
    {
        var module = Model("""
            session.verify = False
            requests.get(url, verify=False)
            verify = True
            raise NotImplementedError
            def f(verify=1): pass
            """);
        var assigned = 0;
        foreach (var i in module.FindAssigned("verify"))
        {
            Assert.True(module.Is(i, "verify"));
            assigned++;
        }

        Assert.Equal(4, assigned);
        var names = 0;
        foreach (var i in module.FindNames("NotImplementedError"))
        {
            Assert.True(module.IsIdentifier(module.Previous(i), "raise"));
            names++;
        }

        Assert.Equal(1, names);
        var lower = 0;
        foreach (var i in module.FindNames("requests"))
        {
            lower += module.Is(i, "requests") ? 1 : 0;
        }

        Assert.Equal(1, lower);
    }

    [Fact]
    public Task Suppression_comments_work_in_python_files() => PyVerify.VerifyAsync("CG4004", """
        def f(expr):
            # codeguardian-disable-next-line CG4004 -- trusted admin console
            eval(expr)
            eval(expr)  # codeguardian-disable-line CG4004
            {|CG4004:eval(expr)|}
        """);
}

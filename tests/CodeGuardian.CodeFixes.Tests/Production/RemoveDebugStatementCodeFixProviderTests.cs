using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Production;
using CodeGuardian.CodeFixes.Production;
using Microsoft.CodeAnalysis;
using OutputFix = CodeGuardian.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    CodeGuardian.Analyzers.CSharp.Production.DebugOutputAnalyzer,
    CodeGuardian.CodeFixes.Production.RemoveDebugStatementCodeFixProvider>;
using BreakFix = CodeGuardian.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    CodeGuardian.Analyzers.CSharp.Production.DebuggerBreakAnalyzer,
    CodeGuardian.CodeFixes.Production.RemoveDebugStatementCodeFixProvider>;

namespace CodeGuardian.CodeFixes.Tests.Production;

public class RemoveDebugStatementCodeFixProviderTests
{
    [Fact]
    public Task ConsoleWriteLine_IsRemoved_WithItsLine() => OutputFix.VerifyCodeFixAsync(
        """
        using System;
        class C
        {
            int M(int x)
            {
                var y = x * 2;
                [|Console.WriteLine($"y = {y}")|];
                return y;
            }
        }
        """,
        """
        using System;
        class C
        {
            int M(int x)
            {
                var y = x * 2;
                return y;
            }
        }
        """);

    [Fact]
    public Task AwaitedAndStreamWrites_AreRemoved_FixAllInDocument() => OutputFix.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            async Task M(string name)
            {
                [|Console.Out.Write(name)|];
                await [|Console.Error.WriteLineAsync("failed")|];
                switch (name)
                {
                    case "a":
                        [|Console.WriteLine("a")|];
                        break;
                }
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            async Task M(string name)
            {
                switch (name)
                {
                    case "a":
                        break;
                }
            }
        }
        """);

    [Fact]
    public Task FixAll_InProjectAndSolution()
    {
        var test = new OutputFix.Test();
        test.TestState.Sources.Add(("/0/A.cs", """
            class A
            {
                void M() { [|System.Console.WriteLine("a")|]; }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            class B
            {
                void M()
                {
                    [|System.Console.Write(1)|];
                    [|System.Console.Write(2)|];
                }
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            class A
            {
                void M() { }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            class B
            {
                void M()
                {
                }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task DebuggerBreak_IsRemoved() => BreakFix.VerifyCodeFixAsync(
        """
        using System.Diagnostics;
        class C
        {
            void M()
            {
                [|Debugger.Break()|];
                #region Debugging
                [|Debugger.Launch()|];
                #endregion
            }
        }
        """,
        """
        using System.Diagnostics;
        class C
        {
            void M()
            {
                #region Debugging
                #endregion
            }
        }
        """);

    [Fact]
    public Task TopLevelStatement_IsRemoved_WhenOthersRemain()
    {
        var test = new BreakFix.Test
        {
            TestCode = """
                var x = 1;
                [|System.Diagnostics.Debugger.Break()|];
                System.Console.WriteLine(x);
                """,
            FixedCode = """
                var x = 1;
                System.Console.WriteLine(x);
                """,
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NotOffered_ForOnlyTopLevelStatement()
    {
        var test = new BreakFix.Test
        {
            TestCode = "[|System.Diagnostics.Debugger.Break()|];\n",
            FixedCode = "[|System.Diagnostics.Debugger.Break()|];\n",
        };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NotOffered_ForEmbeddedStatementsOrUsedValues() => BreakFix.VerifyNoCodeFixAsync("""
        using System.Diagnostics;
        class C
        {
            bool M(bool b)
            {
                if (b) [|Debugger.Break()|];
                if ([|Debugger.Launch()|]) { }
                return [|Debugger.Launch()|];
            }
        }
        """);

    [Fact]
    public Task NotOffered_WhenArgumentsHaveSideEffects() => OutputFix.VerifyNoCodeFixAsync("""
        using System;
        using System.Collections.Generic;
        class C
        {
            void M(Queue<int> queue, int i)
            {
                [|Console.WriteLine(queue.Dequeue())|];
                [|Console.WriteLine(i++)|];
                [|Console.WriteLine(i = 3)|];
                [|Console.WriteLine($"{queue.Peek()}")|];
            }
        }
        """);
}

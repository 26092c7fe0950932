using System.Threading;
using System.Threading.Tasks;
using Fix = CodeGuardian.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    CodeGuardian.Analyzers.CSharp.Reliability.BlockingOnAsyncAnalyzer,
    CodeGuardian.CodeFixes.Reliability.BlockingOnAsyncCodeFixProvider>;

namespace CodeGuardian.CodeFixes.Tests.Reliability;

public class BlockingOnAsyncCodeFixProviderTests
{
    [Fact]
    public Task Result_Wait_GetResult_BecomeAwait() => Fix.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t, Task plain, Task<int> u, Task other)
            {
                var a = [|t.Result|];
                [|plain.Wait()|];
                var b = [|u.GetAwaiter().GetResult()|];
                [|other.ConfigureAwait(false).GetAwaiter().GetResult()|];
                return a + b;
            }
        }
        """,
        """
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t, Task plain, Task<int> u, Task other)
            {
                var a = await t;
                await plain;
                var b = await u;
                await other.ConfigureAwait(false);
                return a + b;
            }
        }
        """);

    [Fact]
    public Task PostfixUse_IsParenthesized() => Fix.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<string> t, Task<int[]> arrays, Task<string> u, Task<string> v)
            {
                var length = [|t.Result|].Length;
                var first = [|arrays.Result|][0];
                var text = [|u.GetAwaiter().GetResult()|]?.Trim();
                return length + first + text!.Length + [|v.Result|].Length * 2;
            }
        }
        """,
        """
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<string> t, Task<int[]> arrays, Task<string> u, Task<string> v)
            {
                var length = (await t).Length;
                var first = (await arrays)[0];
                var text = (await u)?.Trim();
                return length + first + text!.Length + (await v).Length * 2;
            }
        }
        """);

    [Fact]
    public Task Lambda_And_ExpressionBody() => Fix.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t) => [|t.Result|] + 1;
            Func<Task<int>> F(Task<int> t) => async () => [|t.Result|];
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t) => await t + 1;
            Func<Task<int>> F(Task<int> t) => async () => await t;
        }
        """);

    [Fact]
    public Task FixAll_AcrossDocuments()
    {
        var test = new Fix.Test();
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            class A
            {
                async Task M(Task<int> t, Task<int> u) { var x = [|t.Result|] + [|u.Result|]; }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async Task M(Task t) { [|t.Wait()|]; }
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;
            class A
            {
                async Task M(Task<int> t, Task<int> u) { var x = await t + await u; }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async Task M(Task t) { await t; }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NotOffered_WhereAwaitIsNotAllowed()
    {
        const string source = """
                using System;
                using System.Threading.Tasks;
                class C
                {
                    readonly object gate = new();
                    int Sync(Task<int> t) => [|t.Result|];
                    async Task M(Task<int> t, Task plain)
                    {
                        lock (gate) { _ = [|t.Result|]; }
                        try { } catch (Exception) when ([|t.Result|] > 0) { throw; }
                        [|plain.Wait(100)|];
                        await Task.Yield();
                    }
                }
                """;
        var test = new Fix.Test { TestCode = source, FixedCode = source }.WithGlobalConfig("codeguardian.CG3004.include_sync_contexts = true");
        return test.RunAsync(CancellationToken.None);
    }
}

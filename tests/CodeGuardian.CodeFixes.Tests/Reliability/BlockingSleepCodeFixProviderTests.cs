using System.Threading;
using System.Threading.Tasks;
using Fix = CodeGuardian.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    CodeGuardian.Analyzers.CSharp.Reliability.BlockingSleepInAsyncAnalyzer,
    CodeGuardian.CodeFixes.Reliability.BlockingSleepCodeFixProvider>;

namespace CodeGuardian.CodeFixes.Tests.Reliability;

public class BlockingSleepCodeFixProviderTests
{
    [Fact]
    public Task Sleep_BecomesTaskDelay_WithMillisecondsAndTimeSpan() => Fix.VerifyCodeFixAsync(
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(int ms)
            {
                [|Thread.Sleep(ms)|];
                [|Thread.Sleep(TimeSpan.FromSeconds(1))|];
                [|Thread.Sleep(millisecondsTimeout: 5)|];
            }
        }
        """,
        """
        using System;
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(int ms)
            {
                await Task.Delay(ms);
                await Task.Delay(TimeSpan.FromSeconds(1));
                await Task.Delay(5);
            }
        }
        """);

    [Fact]
    public Task SingleCancellationToken_IsPassed() => Fix.VerifyCodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken cancellationToken)
            {
                [|Thread.Sleep(100)|];
            }

            async Task N()
            {
                using var source = new CancellationTokenSource();
                var token = source.Token;
                [|Thread.Sleep(100)|];
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken cancellationToken)
            {
                await Task.Delay(100, cancellationToken);
            }

            async Task N()
            {
                using var source = new CancellationTokenSource();
                var token = source.Token;
                await Task.Delay(100, token);
            }
        }
        """);

    [Fact]
    public Task TwoCancellationTokens_NoneIsPassed() => Fix.VerifyCodeFixAsync(
        """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken first, CancellationToken second)
            {
                [|Thread.Sleep(100)|];
            }
        }
        """,
        """
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            async Task M(CancellationToken first, CancellationToken second)
            {
                await Task.Delay(100);
            }
        }
        """);

    [Fact]
    public Task LambdaBody_And_MissingUsing() => Fix.VerifyCodeFixAsync(
        """
        using System;
        class C
        {
            Func<System.Threading.Tasks.Task> F => async () => [|System.Threading.Thread.Sleep(10)|];
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            Func<System.Threading.Tasks.Task> F => async () => await Task.Delay(10);
        }
        """);

    [Fact]
    public Task FixAll_AcrossDocuments()
    {
        var test = new Fix.Test();
        test.TestState.Sources.Add(("/0/A.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            class A
            {
                async Task M() { [|Thread.Sleep(1)|]; [|Thread.Sleep(2)|]; }
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            class B
            {
                async Task M() { [|Thread.Sleep(3)|]; }
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            class A
            {
                async Task M() { await Task.Delay(1); await Task.Delay(2); }
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using System.Threading;
            using System.Threading.Tasks;
            class B
            {
                async Task M() { await Task.Delay(3); }
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NotOffered_InsideLock() => Fix.VerifyNoCodeFixAsync("""
        using System.Threading;
        using System.Threading.Tasks;
        class C
        {
            readonly object gate = new();
            async Task M(bool b)
            {
                lock (gate) { [|Thread.Sleep(1)|]; }
                await Task.Yield();
            }
        }
        """);
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Reliability;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Reliability.BlockingOnAsyncAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp;

public class BlockingOnAsyncAnalyzerTests
{
    [Fact]
    public Task BlockingInAsyncMethod_Fires() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t, Task plain, ValueTask<int> vt, ValueTask v)
            {
                var a = [|t.Result|];
                [|plain.Wait()|];
                var b = [|t.GetAwaiter().GetResult()|];
                [|plain.ConfigureAwait(false).GetAwaiter().GetResult()|];
                var c = [|vt.Result|];
                [|v.GetAwaiter().GetResult()|];
                var d = [|Compute().Result|].ToString().Length;
                [|plain.Wait(1000)|];
                await Task.Yield();
                return a + b + c + d;
            }

            Task<int> Compute() => Task.FromResult(1);
        }
        """);

    [Fact]
    public Task LambdasAndLocalFunctions_Fire() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        class C
        {
            void M(Task<int> t)
            {
                Func<Task<int>> f = async () => [|t.Result|];
                Func<Task> g = async delegate { [|t.Wait()|]; };
                async Task<int> Local() { await Task.Yield(); return [|t.Result|]; }
            }
        }
        """);

    [Fact]
    public Task MessagesNameTheConstruct() => Verify.VerifyAnalyzerAsync(
        """
        using System.Threading.Tasks;
        class C
        {
            async Task M(Task<int> t) { _ = t.Result; t.Wait(); t.GetAwaiter().GetResult(); }
        }
        """,
        Verify.Diagnostic("CG3004").WithSpan(4, 37, 4, 45).WithArguments(".Result"),
        Verify.Diagnostic("CG3004").WithSpan(4, 47, 4, 55).WithArguments(".Wait()"),
        Verify.Diagnostic("CG3004").WithSpan(4, 57, 4, 83).WithArguments(".GetAwaiter().GetResult()"));

    [Fact]
    public Task MultiLine_Fires() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t)
            {
                return [|t
                    .GetAwaiter()
                    .GetResult()|];
            }
        }
        """);

    [Fact]
    public Task CompletedTasks_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        using System.Linq;
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t1, Task<int> t2, Task<int>[] tasks, Task<int> t3, Task<int> t4, Task<int> t5)
            {
                await Task.WhenAll(t1, t2);
                var sum = t1.Result + t2.Result + t1.GetAwaiter().GetResult();
                await Task.WhenAll(tasks).ConfigureAwait(false);
                sum += tasks[0].Result;
                foreach (var task in tasks)
                {
                    sum += task.Result;
                }

                var first = await Task.WhenAny(t3, t4);
                sum += first.Result;
                await t5;
                sum += t5.Result;
                if (t3.IsCompleted)
                {
                    sum += t3.Result;
                }

                sum += t4.IsCompletedSuccessfully ? t4.Result : 0;
                return sum;
            }
        }
        """);

    [Fact]
    public Task UseBeforeWhenAll_OrOfOtherTask_Fires() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        class C
        {
            async Task<int> M(Task<int> t1, Task<int> t2, Task<int> other)
            {
                var early = [|t1.Result|];
                await Task.WhenAll(t1, t2);
                return early + [|other.Result|];
            }
        }
        """);

    [Fact]
    public Task NonAsyncContexts_DoNotFire_ByDefault() => Verify.VerifyAnalyzerAsync("""
        using System;
        using System.Threading.Tasks;
        class C
        {
            int M(Task<int> t) { t.Wait(); return t.Result; }
            int P => Task.FromResult(1).Result;
            async Task N(Task<int> t)
            {
                Func<int> sync = () => t.Result;
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task NonAsyncContexts_Fire_WithOption() => CSharpRuleTest.VerifyWithGlobalConfigAsync<BlockingOnAsyncAnalyzer>(
        """
        using System.Threading.Tasks;
        class C
        {
            int M(Task<int> t) { [|t.Wait()|]; return [|t.Result|]; }
            int P => [|Task.FromResult(1).Result|];
        }
        """,
        "codeguardian.CG3004.include_sync_contexts = true");

    [Fact]
    public Task NonAsyncContexts_Fire_WithEditorConfigSection()
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Threading.Tasks;
                class C
                {
                    int M(Task<int> t) => [|t.GetAwaiter().GetResult()|];
                }
                """,
        }.WithEditorConfig("root = true\n[*.cs]\ncodeguardian.CG3004.include_sync_contexts = true\n");
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public Task OtherResultsAndText_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        using System.Threading.Tasks;
        class Outcome { public int Result; public void Wait() { } }
        class C
        {
            async Task M(Outcome o, System.Lazy<int> lazy)
            {
                var r = o.Result;
                o.Wait();
                var v = lazy.Value;
                // task.Result
                var s = "task.Wait()";
                await Task.Yield();
            }
        }
        """);

    [Fact]
    public Task ModernSyntax_TopLevelWithAwait_Fires() => CSharpRuleTest.VerifyProgramAsync<BlockingOnAsyncAnalyzer>("""
        using System.Threading.Tasks;
        Task<int>[] tasks = [Task.FromResult(1)];
        var value = [|tasks[0].Result|];
        await Task.Yield();
        file sealed class Reader(Task<string> pending)
        {
            public async Task<int> Length() { await Task.Yield(); return [|pending.Result|].Length; }
        }
        """);

    [Fact]
    public Task GeneratedCode_IsSkipped() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        class C { async System.Threading.Tasks.Task M(System.Threading.Tasks.Task t) { t.Wait(); } }
        """);

    [Fact]
    public Task EmptySource_DoesNotFire() => Verify.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public Task HalfTypedCode_DoesNotThrow() => CSharpRuleTest.VerifyNoCrashAsync<BlockingOnAsyncAnalyzer>("""
        using System.Threading.Tasks;
        class C { async Task M(Task<int> t) { var x = t.Result. ; t.Wait( ; t.GetAwaiter(). ; await Task.WhenAll(t, ; t.Result } async () => t.
        """);
}

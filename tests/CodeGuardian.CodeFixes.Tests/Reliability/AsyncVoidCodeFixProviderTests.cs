using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Fix = CodeGuardian.CodeFixes.Tests.Verifiers.CSharpCodeFixVerifier<
    CodeGuardian.Analyzers.CSharp.Reliability.AsyncVoidAnalyzer,
    CodeGuardian.CodeFixes.Reliability.AsyncVoidCodeFixProvider>;

namespace CodeGuardian.CodeFixes.Tests.Reliability;

public class AsyncVoidCodeFixProviderTests
{
    [Fact]
    public Task Method_ReturnsTask() => Fix.VerifyCodeFixAsync(
        """
        using System.Threading.Tasks;
        class C
        {
            public async void [|Save|]()
            {
                await Task.Yield();
            }

            void Caller() => Save();
            string Name => nameof(Save);
        }
        """,
        """
        using System.Threading.Tasks;
        class C
        {
            public async Task Save()
            {
                await Task.Yield();
            }

            void Caller() => Save();
            string Name => nameof(Save);
        }
        """);

    [Fact]
    public Task LocalFunction_ReturnsTask_AndUsingIsAdded() => Fix.VerifyCodeFixAsync(
        """
        using System;
        class C
        {
            void M()
            {
                async void [|Local|]() => await System.Threading.Tasks.Task.Yield();
                Local();
            }
        }
        """,
        """
        using System;
        using System.Threading.Tasks;
        class C
        {
            void M()
            {
                async Task Local() => await System.Threading.Tasks.Task.Yield();
                Local();
            }
        }
        """);

    [Fact]
    public Task NoUsings_UsingIsAddedAtTop() => Fix.VerifyCodeFixAsync(
        """
        // Header comment.
        class C
        {
            static async void [|Run|]() => await System.Threading.Tasks.Task.Yield();
        }
        """,
        """
        // Header comment.
        using System.Threading.Tasks;

        class C
        {
            static async Task Run() => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task ConflictingTaskName_UsesQualifiedName() => Fix.VerifyCodeFixAsync(
        """
        class Task { }
        class C
        {
            async void [|Run|]() => await System.Threading.Tasks.Task.Yield();
        }
        """,
        """
        class Task { }
        class C
        {
            async global::System.Threading.Tasks.Task Run() => await System.Threading.Tasks.Task.Yield();
        }
        """);

    [Fact]
    public Task FixAll_InDocumentProjectAndSolution()
    {
        var test = new Fix.Test();
        test.TestState.Sources.Add(("/0/A.cs", """
            class A
            {
                async void [|One|]() => await System.Threading.Tasks.Task.Yield();
                async void [|Two|]() => await System.Threading.Tasks.Task.Yield();
            }
            """));
        test.TestState.Sources.Add(("/0/B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async void [|Three|]() => await Task.Yield();
            }
            """));
        test.FixedState.Sources.Add(("/0/A.cs", """
            using System.Threading.Tasks;

            class A
            {
                async Task One() => await System.Threading.Tasks.Task.Yield();
                async Task Two() => await System.Threading.Tasks.Task.Yield();
            }
            """));
        test.FixedState.Sources.Add(("/0/B.cs", """
            using System.Threading.Tasks;
            class B
            {
                async Task Three() => await Task.Yield();
            }
            """));
        return test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public Task NotOffered_WhenSignatureIsDictatedOrUsedAsMethodGroup() => Fix.VerifyNoCodeFixAsync("""
        using System;
        using System.Threading.Tasks;
        interface IRunner { void Run(); }
        abstract class Base { public abstract void Go(); public virtual void Stop() { } }
        class C : Base, IRunner
        {
            public async void [|Run|]() => await Task.Yield();
            public override async void [|Go|]() => await Task.Yield();
            public override async void [|Stop|]() => await Task.Yield();
            protected virtual async void [|Virtual|]() => await Task.Yield();
            async void [|Grouped|]() => await Task.Yield();
            Action Handler => Grouped;
            async void [|CalledFromAsync|]() => await Task.Yield();
            async Task Caller() { CalledFromAsync(); await Task.Yield(); }
            void M()
            {
                Action a = [|async () =>|] await Task.Yield();
                async void [|Local|]() => await Task.Yield();
                Action b = Local;
            }
        }
        """);
}

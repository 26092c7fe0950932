using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Maintainability;
using CodeGuardian.Analyzers.CSharp.Production;
using CodeGuardian.Analyzers.CSharp.Reliability;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Tests.CSharp;

/// <summary>
/// Every prefix of a file that exercises all C# rules of this folder, as typed keystroke by keystroke: no
/// analyzer may throw on any of them.
/// </summary>
public class HalfTypedCodeTests
{
    private const string Complete = """"
        using System;
        using System.Diagnostics;
        using System.Threading;
        using System.Threading.Tasks;
        namespace Shop;
        class OrderService(Task<int> pending)
        {
            const string Url = $"http://localhost:5000/{nameof(Url)}";
            string Raw = """https://staging.example.com""";
            async void Fire() => await Task.Delay(1);
            async Task<int> Total(Task<int> other)
            {
                try { Thread.Sleep(10); Debugger.Break(); } catch (Exception) { }
                try { Console.WriteLine(pending.Result); } catch { return other.GetAwaiter().GetResult(); }
                Action a = async () => { await Task.WhenAll(pending, other); _ = other.Result; };
                await Task.WhenAll(pending);
                return pending.Result + (other.Wait(1) ? 1 : 0);
            }
            int Missing() => throw new NotImplementedException();
        }
        """";

    [Fact]
    public async Task NoAnalyzerThrows_OnAnyPrefix()
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new NotImplementedPlaceholderAnalyzer(),
            new DebugOutputAnalyzer(),
            new DebuggerBreakAnalyzer(),
            new DevelopmentEndpointAnalyzer(),
            new SwallowedExceptionAnalyzer(),
            new OverBroadCatchAnalyzer(),
            new AsyncVoidAnalyzer(),
            new BlockingOnAsyncAnalyzer(),
            new BlockingSleepInAsyncAnalyzer());
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);
        for (var length = 0; length <= Complete.Length; length += 4)
        {
            var tree = CSharpSyntaxTree.ParseText(Complete.Substring(0, length), parseOptions, path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Prefix", new[] { tree }, TestReferences.Net80, compilationOptions);
            Exception? thrown = null;
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => thrown ??= exception,
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            Assert.True(thrown is null, $"prefix of length {length}: {thrown}");
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        }
    }

    [Fact]
    public async Task CompleteFile_ReportsEveryRule()
    {
        var tree = CSharpSyntaxTree.ParseText(Complete, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create("Complete", new[] { tree }, TestReferences.Net80, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(
            new NotImplementedPlaceholderAnalyzer(), new DebugOutputAnalyzer(), new DebuggerBreakAnalyzer(), new DevelopmentEndpointAnalyzer(),
            new SwallowedExceptionAnalyzer(), new OverBroadCatchAnalyzer(), new AsyncVoidAnalyzer(), new BlockingOnAsyncAnalyzer(), new BlockingSleepInAsyncAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var id in new[] { "CG1005", "CG2001", "CG2002", "CG2004", "CG3001", "CG3002", "CG3003", "CG3004", "CG3005" })
        {
            Assert.Contains(diagnostics, d => d.Id == id);
        }
    }
}

using System;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.CSharp;

/// <summary>Short forms for the C# rule tests: half-typed code, extra files and build properties.</summary>
internal static class CSharpRuleTest
{
    /// <summary>
    /// Runs the analyzer over code that does not compile (any findings allowed) and fails when the analyzer throws;
    /// returns the analyzer's diagnostics for further checks.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyNoCrashAsync<TAnalyzer>(string source)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs");
        var compilation = CSharpCompilation.Create(
            "HalfTyped",
            new[] { tree },
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Exception? thrown = null;
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            (exception, _, _) => thrown ??= exception,
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        Assert.Null(thrown);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics;
    }

    /// <summary>Runs with a global config (build properties, options) added.</summary>
    public static Task VerifyWithGlobalConfigAsync<TAnalyzer>(string source, string globalConfig, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source }.WithGlobalConfig(globalConfig);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs one source placed at <paramref name="path"/> (paths decide test-file classification).</summary>
    public static Task VerifyAtPathAsync<TAnalyzer>(string path, string source, string? globalConfig = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test();
        test.TestState.Sources.Add((path, source));
        if (globalConfig is not null)
        {
            test.WithGlobalConfig(globalConfig);
        }

        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Runs a console-application compilation (top-level statements), with an optional global config.</summary>
    public static Task VerifyProgramAsync<TAnalyzer>(string source, string? globalConfig = null)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        test.TestState.OutputKind = OutputKind.ConsoleApplication;
        if (globalConfig is not null)
        {
            test.WithGlobalConfig(globalConfig);
        }

        return test.RunAsync(CancellationToken.None);
    }
}

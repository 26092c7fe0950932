using System.Threading.Tasks;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verifier = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.Text.Engine.SkippedFilesAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.Package;

/// <summary>CG9002 for the binary files the package targets keep away from the compiler.</summary>
public sealed class SkippedFilesAnalyzerTests
{
    private const string Source = "class C { }";

    [Fact]
    public async Task Reports_each_binary_file_the_targets_list_at_that_file()
    {
        var test = new Verifier.Test { TestCode = Source }
            .WithGlobalConfig($"{SkippedFilesAnalyzer.BinaryFilesProperty} = /src/wwwroot/intro.ts|/src/data/blob.py\n");
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CG9002", DiagnosticSeverity.Info)
            .WithLocation("/src/wwwroot/intro.ts", 1, 1)
            .WithArguments("intro.ts", "it holds binary content (a NUL character), so it was not passed to the compiler"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("CG9002", DiagnosticSeverity.Info)
            .WithLocation("/src/data/blob.py", 1, 1)
            .WithArguments("blob.py", "it holds binary content (a NUL character), so it was not passed to the compiler"));

        await test.RunAsync();
    }

    [Fact]
    public async Task Reports_nothing_without_the_property_or_with_an_empty_list()
    {
        await new Verifier.Test { TestCode = Source }.RunAsync();
        await new Verifier.Test { TestCode = Source }
            .WithGlobalConfig($"{SkippedFilesAnalyzer.BinaryFilesProperty} = \n")
            .RunAsync();
        await new Verifier.Test { TestCode = Source }
            .WithGlobalConfig($"{SkippedFilesAnalyzer.BinaryFilesProperty} = | |\n")
            .RunAsync();
    }

    [Fact]
    public async Task A_global_severity_of_none_turns_it_off()
    {
        await new Verifier.Test { TestCode = Source }
            .WithGlobalConfig($"{SkippedFilesAnalyzer.BinaryFilesProperty} = /src/wwwroot/intro.ts\ndotnet_diagnostic.CG9002.severity = none\n")
            .RunAsync();
    }
}

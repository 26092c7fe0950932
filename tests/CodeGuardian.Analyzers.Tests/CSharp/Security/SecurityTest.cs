using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

/// <summary>Runs a C# analyzer over one source plus library stubs.</summary>
public static class SecurityTest
{
    public static Task VerifyAsync<TAnalyzer>(string source, string[] stubs, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source };
        for (var i = 0; i < stubs.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Stub{i}.cs", stubs[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static Task VerifyAsync<TAnalyzer>(string source, params string[] stubs)
        where TAnalyzer : DiagnosticAnalyzer, new() => VerifyAsync<TAnalyzer>(source, stubs, System.Array.Empty<DiagnosticResult>());
}

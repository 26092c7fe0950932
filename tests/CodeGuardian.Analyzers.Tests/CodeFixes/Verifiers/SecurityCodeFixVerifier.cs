using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.CodeFixes.Verifiers;

/// <summary>Code-fix verifier for the security fixers: .NET 8 references, C# preview, optional library stubs.</summary>
public static class SecurityCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Checks the single fix and FixAll (both produce <paramref name="fixedSource"/>).</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params string[] stubs)
    {
        var test = Create(source, fixedSource, stubs);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Checks that the diagnostics in <paramref name="source"/> get no fix.</summary>
    public static Task VerifyNoFixAsync(string source, params string[] stubs)
    {
        var test = Create(source, source, stubs);
        return test.RunAsync(CancellationToken.None);
    }

    public static Test Create(string source, string fixedSource, params string[] stubs)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        for (var i = 0; i < stubs.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Stub{i}.cs", stubs[i]));
            test.FixedState.Sources.Add(($"/0/Stub{i}.cs", stubs[i]));
        }

        return test;
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Net80);
            FixedState.AdditionalReferences.AddRange(TestReferences.Net80);
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Preview);
                return solution.WithProjectParseOptions(projectId, parseOptions);
            });
        }
    }
}

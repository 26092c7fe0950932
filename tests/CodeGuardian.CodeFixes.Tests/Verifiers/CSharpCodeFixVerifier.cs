using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.CodeFixes.Tests.Verifiers;

/// <summary>
/// The one verifier every code-fix test uses: C# sources with markup before and after the fix, FixAll in
/// document/project/solution, .NET 8 references from a package, C# latest.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    /// <summary>Verifies the diagnostics of <paramref name="source"/> and that applying every fix gives <paramref name="fixedSource"/>.</summary>
    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Verifies that the diagnostics are reported but no fix is offered (the source stays as it is).</summary>
    public static Task VerifyNoCodeFixAsync(string source, params DiagnosticResult[] expected) =>
        VerifyCodeFixAsync(source, source, expected);

    /// <summary>Test harness; set sources, fixed sources, AnalyzerConfigFiles and FixAll iterations as needed.</summary>
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

        /// <summary>Adds a global config, e.g. build properties the package passes to the compiler.</summary>
        public Test WithGlobalConfig(string content)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content));
            return this;
        }
    }
}

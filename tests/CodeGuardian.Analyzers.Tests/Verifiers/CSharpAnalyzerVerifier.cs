using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Verifiers;

/// <summary>
/// The one verifier every analyzer test uses: C# sources with markup, optional AdditionalFiles (markup works
/// there too), editorconfig/globalconfig files, .NET 8 references from a package, C# latest.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>For incomplete code: compiler errors are not part of the expectation, only ours.</summary>
    public static Task VerifyIncompleteCodeAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    /// <summary>Test harness; set sources, AdditionalFiles and AnalyzerConfigFiles on <c>TestState</c>.</summary>
    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.None;
            TestState.AdditionalReferences.AddRange(TestReferences.Net80);
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var parseOptions = ((CSharpParseOptions)project.ParseOptions!).WithLanguageVersion(LanguageVersion.Preview);
                return solution.WithProjectParseOptions(projectId, parseOptions);
            });
        }

        /// <summary>Adds an AdditionalFile (markup allowed) under a path that decides its language.</summary>
        public Test WithFile(string path, string markup)
        {
            TestState.AdditionalFiles.Add((path, markup));
            return this;
        }

        /// <summary>
        /// Adds an .editorconfig at <paramref name="path"/> (default: the root of the test paths), both as the
        /// compiler's config and as an AdditionalFile, as the package targets do, so text rules see its sections.
        /// </summary>
        public Test WithEditorConfig(string content, string path = "/.editorconfig")
        {
            TestState.AnalyzerConfigFiles.Add((path, content));
            TestState.AdditionalFiles.Add((path, content));
            return this;
        }

        /// <summary>Adds a global config, e.g. build properties the package passes to the compiler.</summary>
        public Test WithGlobalConfig(string content)
        {
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content));
            return this;
        }
    }
}

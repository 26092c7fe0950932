using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Verifiers;

/// <summary>Shortcuts for text-file tests: one AdditionalFile with markup, no C# beyond an empty source.</summary>
public static class TextFileVerifier
{
    /// <summary>
    /// A test over one text file. An <paramref name="editorConfig"/> is given to the compiler and, as the package
    /// targets do, passed as an AdditionalFile too (the analyzer reads its sections for text files).
    /// </summary>
    public static CSharpAnalyzerVerifier<TextFileAnalyzer>.Test Create(string path, string markup, string? editorConfig = null, string editorConfigPath = "/.editorconfig")
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }.WithFile(path, markup);
        if (editorConfig is not null)
        {
            test.WithEditorConfig(editorConfig, editorConfigPath);
        }

        return test;
    }

    public static Task VerifyAsync(string path, string markup, params DiagnosticResult[] expected)
    {
        var test = Create(path, markup);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync(CancellationToken.None);
    }

    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TextFileAnalyzer>.Diagnostic(id);
}

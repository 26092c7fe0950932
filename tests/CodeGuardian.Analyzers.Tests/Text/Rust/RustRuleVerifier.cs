using System;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

/// <summary>Runs the text analyzer on one Rust file with only the rule under test enabled.</summary>
internal static class RustRuleVerifier
{
    public static Task VerifyAsync(string id, string markup, string path = "/src/lib.rs", params DiagnosticResult[] expected) =>
        VerifyInProjectAsync(id, markup, path, projectDir: null, expected);

    /// <summary>Like <see cref="VerifyAsync"/>, with the build's ProjectDir set so paths are read relative to it.</summary>
    public static Task VerifyInProjectAsync(string id, string markup, string path, string? projectDir, params DiagnosticResult[] expected)
    {
        var config = OnlyRule(id) + (projectDir is null ? string.Empty : "build_property.ProjectDir = " + projectDir + "\n");
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }
            .WithFile(path, markup)
            .WithGlobalConfig(config);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Turns every other rule off by ID, so rules other people add for Rust do not disturb these tests. (Only the
    /// rule's own key is touched for the rule under test, so its default severity stays in force.)
    /// </summary>
    private static string OnlyRule(string id)
    {
        var builder = new StringBuilder();
        foreach (var field in typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is string other && other.StartsWith("CG", StringComparison.Ordinal) && other != id)
            {
                builder.Append("dotnet_diagnostic.").Append(other).Append(".severity = none\n");
            }
        }

        return builder.ToString();
    }

    /// <summary>An expected diagnostic with its message arguments, at a 1-based line/column span.</summary>
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor, string path, int line, int column, int endColumn, params object[] arguments)
    {
        var severity = descriptor.DefaultSeverity;
        return new DiagnosticResult(descriptor).WithSeverity(severity).WithSpan(path, line, column, line, endColumn).WithArguments(arguments);
    }
}

using System.Text;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

/// <summary>Runs the text analyzer over one JS/TS file with only the rule under test enabled.</summary>
internal static class JsRuleTest
{
    public static Task VerifyAsync(string ruleId, string markup, string path = "/src/app.js", string extraConfig = "", params DiagnosticResult[] expected)
    {
        var config = new StringBuilder("root = true\n[*]\n");
        foreach (var descriptor in TextRuleRegistry.SupportedDiagnostics())
        {
            if (descriptor.Id != ruleId)
            {
                config.Append("dotnet_diagnostic.").Append(descriptor.Id).Append(".severity = none\n");
            }
        }

        config.Append(extraConfig);
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }
            .WithFile(path, markup)
            .WithEditorConfig(config.ToString());
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}

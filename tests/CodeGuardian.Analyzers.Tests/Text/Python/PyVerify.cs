using System.Reflection;
using System.Collections.Generic;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

/// <summary>Runs the text analyzer over one Python file with only the rule under test enabled.</summary>
internal static class PyVerify
{
    public const string DefaultPath = "/src/app/service.py";

    /// <summary>Markup marks every expected diagnostic: <c>{|CG4001:cursor.execute(q)|}</c>. No markup means none expected.</summary>
    public static Task VerifyAsync(string ruleId, string markup, string path = DefaultPath, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }
            .WithFile(path, markup);
        foreach (var other in OtherRules(ruleId))
        {
            test.DisabledDiagnostics.Add(other);
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>Every rule ID except <paramref name="ruleId"/>: their diagnostics are ignored so other rules cannot interfere.</summary>
    public static List<string> OtherRules(string ruleId)
    {
        var ids = new List<string>();
        foreach (var field in typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            if (field.GetValue(null) is string id && id != ruleId)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}

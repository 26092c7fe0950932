using CodeGuardian.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Production;

/// <summary>
/// Test-code facts for C# rules that treat tests differently: a test project (it references xunit, NUnit or
/// MSTest, or declares <c>IsTestProject</c>) or a test file path (<c>tests/</c>, <c>test/</c> …).
/// </summary>
internal static class TestCode
{
    /// <summary>Decided once per compilation.</summary>
    public static bool IsTestProject(Compilation compilation, AnalyzerOptions options)
    {
        var global = new RuleOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        if (global.TryGetBuildProperty("IsTestProject", out var isTestProject) && isTestProject.Equals("true", System.StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // By assembly name first: a type lookup returns null when two references define the same type.
        foreach (var assembly in compilation.ReferencedAssemblyNames)
        {
            var name = assembly.Name;
            if (name.StartsWith("xunit", System.StringComparison.OrdinalIgnoreCase)
                || name.Equals("nunit.framework", System.StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("Microsoft.VisualStudio.TestPlatform.TestFramework", System.StringComparison.OrdinalIgnoreCase)
                || name.StartsWith("MSTest.TestFramework", System.StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return compilation.GetTypeByMetadataName("Xunit.FactAttribute") is not null
            || compilation.GetTypeByMetadataName("NUnit.Framework.TestAttribute") is not null
            || compilation.GetTypeByMetadataName("Microsoft.VisualStudio.TestTools.UnitTesting.TestMethodAttribute") is not null;
    }

    /// <summary>True when the tree's path (relative to the project directory when known) is a test path.</summary>
    public static bool IsTestFile(SyntaxTree tree, RuleOptions options)
    {
        if (string.IsNullOrEmpty(tree.FilePath))
        {
            return false;
        }

        options.TryGetBuildProperty("ProjectDir", out var projectDir);
        return FileClassifier.IsTestFile(FileClassifier.RelativeTo(tree.FilePath, projectDir));
    }

    /// <summary>
    /// True when a finding in <paramref name="tree"/> is in test code that the rule skips: test project or test
    /// path, unless <c>codeguardian.&lt;ID&gt;.include_tests = true</c>.
    /// </summary>
    public static bool IsSkippedTestCode(bool isTestProject, SyntaxTree tree, AnalyzerOptions analyzerOptions, string ruleId)
    {
        var options = RuleOptions.For(analyzerOptions, tree);
        if (!isTestProject && !IsTestFile(tree, options))
        {
            return false;
        }

        return !options.GetBool(ruleId, "include_tests", false);
    }
}

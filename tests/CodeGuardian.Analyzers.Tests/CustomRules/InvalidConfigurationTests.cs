using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Tests.Documentation;
using CodeGuardian.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.CustomRules;

public sealed class InvalidConfigurationTests
{
    private static HarnessResult RunEditorConfig(string editorConfig, params MemoryAdditionalText[] others)
    {
        var files = new List<Microsoft.CodeAnalysis.AdditionalText> { new MemoryAdditionalText("/repo/.editorconfig", editorConfig) };
        files.AddRange(others);
        return AnalyzerHarness.RunText(files);
    }

    [Theory]
    [InlineData("codeguardian.CG2001.severity = loud", "'loud' is not a severity")]
    [InlineData("dotnet_diagnostic.CG2001.severity = warn", "'warn' is not a severity")]
    [InlineData("codeguardian.max_file_size = 2MB", "'2MB' is not a positive whole number")]
    [InlineData("codeguardian.max_file_size = -5", "'-5' is not a positive whole number")]
    [InlineData("codeguardian.CG2001.include_tests = yes", "'yes' is not a boolean")]
    [InlineData("codeguardian.CG2001.include_test = true", "did you mean 'include_tests'?")]
    [InlineData("codeguardian.max_filesize = 10", "did you mean 'max_file_size'?")]
    [InlineData("codeguardian.totally_unknown = 1", "is not a known CodeGuardian option")]
    [InlineData("codeguardian.CG9999.severity = error", "CG9999, which does not exist")]
    [InlineData("dotnet_diagnostic.CG0042.severity = error", "CG0042, which does not exist")]
    [InlineData("codeguardian.CG3001.include_sync_contexts = true", "rule CG3001 has no option 'include_sync_contexts'")]
    [InlineData("codeguardian.severity = error", "must name a rule")]
    [InlineData("codeguardian.analysis_mode = Everything", "is not a valid value")]
    [InlineData("codeguardian.environment = Prod", "use one of Development, Staging, Production")]
    public void Reports_malformed_values_at_their_line(string line, string expected)
    {
        var result = RunEditorConfig("root = true\n\n[*]\n# comment\n" + line + "\n");
        result.AssertNoCrash("editorconfig");
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Id == "CG9001");
        Assert.Contains(expected, diagnostic.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("/repo/.editorconfig", diagnostic.Location.GetLineSpan().Path);
    }

    [Theory]
    [InlineData("codeguardian.CG2001.severity = none")]
    [InlineData("codeguardian.CG2001.severity = Suggestion")]
    [InlineData("dotnet_diagnostic.CG2001.severity = default")]
    [InlineData("dotnet_diagnostic.CA1000.severity = whatever")]
    [InlineData("codeguardian.max_file_size = 4194304")]
    [InlineData("codeguardian.CG9002.max_file_size = 100")]
    [InlineData("codeguardian.include_tests = TRUE")]
    [InlineData("codeguardian.CG1001.tags = TBD, LATER")]
    [InlineData("codeguardian.analysis_mode = All")]
    [InlineData("codeguardian.environment = Production")]
    [InlineData("indent_style = loud")]
    public void Accepts_valid_and_foreign_keys(string line)
    {
        var result = RunEditorConfig("root = true\n[*]\n" + line + "\n");
        result.AssertNoCrash("editorconfig");
        Assert.Empty(result.Ids("CG9001"));
    }

    [Fact]
    public void Every_problem_is_reported_once_and_other_findings_still_appear()
    {
        var js = new MemoryAdditionalText("/repo/src/app.js", "function f() {\n  debugger;\n}\n");
        var result = RunEditorConfig("root = true\n[*]\ncodeguardian.CG2001.severity = loud\ncodeguardian.max_file_size = big\n", js);
        result.AssertNoCrash("editorconfig");
        Assert.Equal(2, result.Ids("CG9001").Length);
        Assert.Contains(result.Diagnostics, d => d.Id == "CG2002" && d.Location.GetLineSpan().Path == "/repo/src/app.js");
    }

    [Fact]
    public void Malformed_editorconfig_lines_never_throw()
    {
        var result = RunEditorConfig("[\n[*\n=\n= x\ncodeguardian.\ncodeguardian.CG.severity\ncodeguardian..=\n[*]\ncodeguardian.cg2001. = x\ndotnet_diagnostic.=\ndotnet_diagnostic.CG2001\n\u0000\u202E");
        result.AssertNoCrash("malformed editorconfig");
    }

    [Fact]
    public void Keeps_keys_with_their_lines()
    {
        var file = EditorConfigFile.Parse("/r/.editorconfig", SourceText.From("root = true\n[*.js]\ncodeguardian.CG2001.severity = error # why\nindent_size = 2\ndotnet_diagnostic.CG2002.severity = none\n"));
        Assert.Equal(new[] { ("codeguardian.cg2001.severity", "error", 2), ("dotnet_diagnostic.cg2002.severity", "none", 4) }, file.Entries.Select(e => (e.Key, e.Value, e.Line)));
    }

    /// <summary>Every option of <see cref="OptionDefinitions"/> is documented on a rule page's Options section or in docs/configuration.md.</summary>
    [Fact]
    public void Every_option_is_documented()
    {
        var configuration = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "docs", "configuration.md"));
        var missing = new List<string>();
        foreach (var option in OptionDefinitions.All)
        {
            if (option.RuleIds.IsEmpty)
            {
                if (!configuration.Contains("codeguardian." + option.Name, System.StringComparison.Ordinal)
                    && !configuration.Contains("codeguardian.<ID>." + option.Name, System.StringComparison.Ordinal))
                {
                    missing.Add(option.Name);
                }

                continue;
            }

            foreach (var id in option.RuleIds)
            {
                var page = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "docs", "rules", id + ".md"));
                var options = Regex.Match(page, @"## Options(.*?)(\n## |\z)", RegexOptions.Singleline).Groups[1].Value;
                var names = new List<string> { "codeguardian." + id + "." + option.Name };
                if (option.AllowsGlobalName)
                {
                    names.Add("codeguardian." + option.Name);
                }

                if (!names.Any(name => options.Contains(name, System.StringComparison.Ordinal) || configuration.Contains(name, System.StringComparison.Ordinal)))
                {
                    missing.Add(id + "." + option.Name);
                }
            }
        }

        Assert.Empty(missing);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Maintainability.CommentMarkersAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.Documentation;

/// <summary>
/// The shipped presets and the profile table in docs/configuration.md are generated from
/// <see cref="EnvironmentProfiles"/>; these tests compare (or, with CODEGUARDIAN_UPDATE_DOCS=1, rewrite) them,
/// and check that a preset really changes what users see.
/// </summary>
public class EnvironmentPresetTests
{
    private static readonly string PresetFolder = Path.Combine(RuleCatalog.RepoRoot, "nuget", "build", "presets");

    public static TheoryData<EnvironmentProfile, AnalysisMode> Presets()
    {
        var data = new TheoryData<EnvironmentProfile, AnalysisMode>();
        foreach (var profile in EnvironmentProfiles.AllProfiles)
        {
            data.Add(profile, AnalysisMode.Default);
            data.Add(profile, AnalysisMode.All);
        }

        data.Add(EnvironmentProfile.Staging, AnalysisMode.None);
        return data;
    }

    internal static string PresetContent(EnvironmentProfile profile, AnalysisMode mode)
    {
        var builder = new StringBuilder();
        builder.Append("# Generated from EnvironmentProfiles. Do not edit: run the tests with CODEGUARDIAN_UPDATE_DOCS=1.\n");
        builder.Append("# The level is below a user's global configs, so a user's own settings always win.\n");
        builder.Append("is_global = true\n");
        builder.Append("global_level = -100\n");
        if (mode != AnalysisMode.None)
        {
            builder.Append("codeguardian.environment = ").Append(profile).Append('\n');
        }

        builder.Append("codeguardian.analysis_mode = ").Append(mode).Append('\n');
        foreach (var descriptor in RuleCatalog.AllDescriptors)
        {
            builder.Append("codeguardian.").Append(descriptor.Id).Append(".severity = ")
                .Append(EnvironmentProfiles.SeverityWord(EnvironmentProfiles.SeverityOf(descriptor, profile, mode))).Append('\n');
        }

        return builder.ToString();
    }

    internal static string ProfileTable()
    {
        var builder = new StringBuilder("| Rule | Title | Development | Staging (default) | Production |\n|---|---|---|---|---|\n");
        foreach (var d in RuleCatalog.AllDescriptors)
        {
            builder.Append($"| [{d.Id}](rules/{d.Id}.md) | {d.Title} ");
            foreach (var profile in EnvironmentProfiles.AllProfiles)
            {
                builder.Append("| ").Append(EnvironmentProfiles.SeverityWord(EnvironmentProfiles.SeverityOf(d, profile, AnalysisMode.Default))).Append(' ');
            }

            builder.Append("|\n");
        }

        return builder.ToString();
    }

    [Theory]
    [MemberData(nameof(Presets))]
    public void Preset_IsGenerated(EnvironmentProfile profile, AnalysisMode mode)
    {
        var path = Path.Combine(PresetFolder, EnvironmentProfiles.PresetFileName(profile, mode));
        var expected = PresetContent(profile, mode);
        if (RuleCatalog.UpdateMode && (!File.Exists(path) || File.ReadAllText(path) != expected))
        {
            Directory.CreateDirectory(PresetFolder);
            File.WriteAllText(path, expected);
            return;
        }

        Assert.True(File.Exists(path), $"missing preset {path}");
        Assert.Equal(expected, File.ReadAllText(path).Replace("\r\n", "\n"));
    }

    [Fact]
    public void PresetFolder_HasNoStalePreset()
    {
        var expected = Presets().Select(row => EnvironmentProfiles.PresetFileName((EnvironmentProfile)row[0], (AnalysisMode)row[1])).ToHashSet();
        Assert.All(Directory.GetFiles(PresetFolder, "*.globalconfig").Select(Path.GetFileName), name => Assert.Contains(name!, expected));
    }

    [Fact]
    public void ConfigurationDoc_ProfileTable_IsGenerated()
    {
        var path = Path.Combine(RuleCatalog.RepoRoot, "docs", "configuration.md");
        var content = File.ReadAllText(path).Replace("\r\n", "\n");
        const string Start = "<!-- profiles:start -->\n";
        const string End = "<!-- profiles:end -->";
        var from = content.IndexOf(Start, StringComparison.Ordinal);
        var to = content.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "docs/configuration.md needs the profiles:start / profiles:end markers");
        var actual = content.Substring(from + Start.Length, to - from - Start.Length);
        var expected = ProfileTable();
        if (RuleCatalog.UpdateMode && actual != expected)
        {
            File.WriteAllText(path, content.Substring(0, from + Start.Length) + expected + content.Substring(to));
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Production_MakesSecurityAndPlaceholdersErrors_Development_QuietsLeftovers()
    {
        var sql = RuleCatalog.AllDescriptors.Single(d => d.Id == "CG4001");
        var placeholder = RuleCatalog.AllDescriptors.Single(d => d.Id == "CG1005");
        var todo = RuleCatalog.AllDescriptors.Single(d => d.Id == "CG1001");
        Assert.Equal(DiagnosticSeverity.Error, EnvironmentProfiles.SeverityOf(sql, EnvironmentProfile.Production, AnalysisMode.Default));
        Assert.Equal(DiagnosticSeverity.Error, EnvironmentProfiles.SeverityOf(placeholder, EnvironmentProfile.Production, AnalysisMode.Default));
        Assert.Equal(DiagnosticSeverity.Warning, EnvironmentProfiles.SeverityOf(todo, EnvironmentProfile.Production, AnalysisMode.Default));
        Assert.Equal(DiagnosticSeverity.Info, EnvironmentProfiles.SeverityOf(todo, EnvironmentProfile.Development, AnalysisMode.Default));
        Assert.Null(EnvironmentProfiles.SeverityOf(sql, EnvironmentProfile.Production, AnalysisMode.None));
        Assert.All(RuleCatalog.AllDescriptors, d => Assert.True(EnvironmentProfiles.SeverityOf(d, EnvironmentProfile.Development, AnalysisMode.All) <= DiagnosticSeverity.Error
            && EnvironmentProfiles.SeverityOf(d, EnvironmentProfile.Development, AnalysisMode.All) >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public async Task ProductionPreset_TurnsCSharpFindingIntoError_UserSettingWins()
    {
        var test = new CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Maintainability.CommentMarkersAnalyzer>.Test
        {
            TestCode = "class C\n{\n    // {|#0:... rest of the code ...|}\n    // {|#1:TODO: later|}\n}\n",
        };
        test.TestState.AnalyzerConfigFiles.Add(("/presets/CodeGuardian.Production.globalconfig", PresetContent(EnvironmentProfile.Production, AnalysisMode.Default)));
        test.WithEditorConfig("root = true\n[*.cs]\ndotnet_diagnostic.CG1001.severity = suggestion\n");
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG1006").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("... rest of the code ..."));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG1001").WithLocation(1).WithSeverity(DiagnosticSeverity.Info).WithArguments("TODO: later"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DevelopmentPreset_AppliesToTextFiles_UserSectionWins()
    {
        var test = TextFileVerifier.Create("/repo/a.py", "# {|#0:TODO: quiet in development|}\n");
        test.WithFile("/repo/strict/b.py", "# {|#1:FIXME: strict folder|}\n");
        test.TestState.AnalyzerConfigFiles.Add(("/presets/CodeGuardian.Development.globalconfig", PresetContent(EnvironmentProfile.Development, AnalysisMode.Default)));
        const string EditorConfig = "root = true\n[strict/*.py]\ndotnet_diagnostic.CG1002.severity = error\n";
        test.WithEditorConfig(EditorConfig, "/repo/.editorconfig");
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG1001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("TODO: quiet in development"));
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG1002").WithLocation(1).WithSeverity(DiagnosticSeverity.Error).WithArguments("FIXME: strict folder"));
        await test.RunAsync();
    }
}

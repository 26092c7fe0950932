using System.Text.Json;
using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

/// <summary>
/// The environment presets and the build reports, end to end in a consumer of the packed package: the same
/// consumer built with each profile shows that profile's severities, the user's .editorconfig still wins, and
/// the merged reports appear in the solution's artifacts folder.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class EnvironmentAndReportTests
{
    private const string PlaceholderFile = "Placeholder.cs";

    private readonly PackageFixture _fixture;

    public EnvironmentAndReportTests(PackageFixture fixture) => _fixture = fixture;

    private ConsumerProject CreateWithPlaceholder(string name, Action<ConsumerProject>? customize = null) =>
        ConsumerProject.Create(_fixture, name, p =>
        {
            p.WriteFile(PlaceholderFile, "namespace Consumer;\n\npublic static class Placeholder\n{\n    public static int Compute() => throw new System.NotImplementedException();\n}\n");
            customize?.Invoke(p);
        });

    private static string? LevelOf(ConsumerBuild build, string ruleId, string fileSuffix) =>
        build.SarifFindings.FirstOrDefault(f => f.RuleId == ruleId && f.FilePath.EndsWith(fileSuffix, StringComparison.Ordinal))?.Severity;

    [Fact]
    public void Production_profile_turns_placeholders_into_errors_and_keeps_todo_as_warning()
    {
        var project = CreateWithPlaceholder("env-production");
        var build = project.Build("-p:CodeGuardianEnvironment=Production");

        Assert.True(build.Result.ExitCode != 0, "an error-level finding must fail the build:\n" + build.Result);
        Assert.Equal("error", LevelOf(build, "CG1005", PlaceholderFile));
        Assert.Equal("warning", LevelOf(build, "CG1001", "tools/report.py"));
        Assert.Equal("warning", LevelOf(build, "CG1001", "Library.cs"));
    }

    [Fact]
    public void Development_profile_from_the_environment_variable_makes_leftovers_suggestions()
    {
        var project = CreateWithPlaceholder("env-development");
        var build = project.BuildWithEnvironment(new Dictionary<string, string> { ["CODE_GUARDIAN_ENVIRONMENT"] = "Development" });

        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        Assert.Equal("note", LevelOf(build, "CG1005", PlaceholderFile));
        Assert.Equal("note", LevelOf(build, "CG1001", "web/app.js"));
        Assert.Equal("note", LevelOf(build, "CG1001", "Library.cs"));
    }

    [Fact]
    public void Property_wins_over_the_environment_variable_and_user_editorconfig_wins_over_the_profile()
    {
        var project = CreateWithPlaceholder("env-precedence", p => p.WriteFile(".editorconfig", "root = true\n\n[*.py]\ndotnet_diagnostic.CG1001.severity = error\n\n[*.cs]\ndotnet_diagnostic.CG1005.severity = suggestion\n"));
        var build = project.BuildWithEnvironment(
            new Dictionary<string, string> { ["CODE_GUARDIAN_ENVIRONMENT"] = "Development" },
            "-p:CodeGuardianEnvironment=Production");

        Assert.Equal("note", LevelOf(build, "CG1005", PlaceholderFile));
        Assert.Equal("error", LevelOf(build, "CG1001", "tools/report.py"));
        Assert.Equal("warning", LevelOf(build, "CG1001", "web/app.js"));
    }

    [Fact]
    public void Analysis_mode_none_turns_every_rule_off()
    {
        var project = CreateWithPlaceholder("mode-none");
        var build = project.Build("-p:CodeGuardianAnalysisMode=None");

        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        Assert.DoesNotContain(build.SarifFindings, f => f.RuleId.StartsWith("CG", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_writes_the_reports_with_the_profile_and_relative_paths()
    {
        var project = CreateWithPlaceholder("reports");
        var build = project.Build("-p:CodeGuardianEnvironment=Staging");
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        var folder = Path.Combine(project.Directory, "artifacts", "codeguardian");
        foreach (var name in new[] { "codeguardian.sarif", "codeguardian.metrics.json", "codeguardian.health.json", "codeguardian.prom", "codeguardian.md", "gl-code-quality-report.json" })
        {
            Assert.True(File.Exists(Path.Combine(folder, name)), $"{name} missing in {folder}:\n{build.Result}");
        }

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "codeguardian.sarif")));
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var uris = run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!)
            .ToList();
        Assert.Contains(uris, u => u.EndsWith("tools/report.py", StringComparison.Ordinal));
        Assert.DoesNotContain(uris, u => u.StartsWith("/", StringComparison.Ordinal) || u.StartsWith("file:", StringComparison.Ordinal));

        var metrics = File.ReadAllText(Path.Combine(folder, "codeguardian.metrics.json"));
        Assert.Contains("Staging", metrics, StringComparison.Ordinal);
    }
}

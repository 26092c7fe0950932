using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

/// <summary>
/// The findings of the packed analyzers in a real consumer build: exact file and line, in the console output
/// and in the SARIF log, and how MSBuild switches and .editorconfig change them. The expected findings are
/// data in <see cref="Expectations"/>.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class FindingsTests
{
    private readonly PackageFixture _fixture;

    public FindingsTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Default_build_reports_exactly_the_expected_findings_in_the_output()
    {
        var build = _fixture.DefaultBuild;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        AssertExactly(Expected(build.Project, Expectations.Findings, _ => "warning"), build.OutputFindings, build, "console output");
    }

    [Fact]
    public void Default_build_reports_exactly_the_expected_findings_in_the_sarif_log()
    {
        var build = _fixture.DefaultBuild;
        Assert.True(build.SarifPath is not null, build.Result.ToString());

        AssertExactly(Expected(build.Project, Expectations.Findings, _ => "warning"), build.SarifFindings, build, "SARIF log");
    }

    [Fact]
    public void Patterns_inside_strings_are_not_reported()
    {
        var build = _fixture.DefaultBuild;

        foreach (var absence in Expectations.Absences)
        {
            var path = build.Project.FullPath(absence.File);
            var line = build.Project.LineOf(absence.File, absence.LineText);
            Assert.DoesNotContain(build.OutputFindings, f => f.RuleId == absence.RuleId && f.FilePath == path && f.Line == line);
            Assert.DoesNotContain(build.SarifFindings, f => f.RuleId == absence.RuleId && f.FilePath == path && f.Line == line);
        }
    }

    [Fact]
    public void Warnaserror_fails_the_build_on_the_findings()
    {
        var project = ConsumerProject.Create(_fixture, "warnaserror");
        var build = project.Build("-warnaserror");

        Assert.True(build.Result.ExitCode != 0, "the build must fail with -warnaserror:\n" + build.Result);
        AssertExactly(Expected(project, Expectations.Findings, _ => "error"), build.OutputFindings, build, "console output with -warnaserror");
    }

    [Fact]
    public void CodeGuardianScanTextFiles_false_removes_the_findings_of_the_files_the_package_adds()
    {
        var project = ConsumerProject.Create(_fixture, "no-text-files");
        var build = project.Build("-p:CodeGuardianScanTextFiles=false");
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        // C# findings stay, and so does the file the project added as an AdditionalFile itself.
        var kept = Expectations.Findings.Where(f => Expectations.IsCSharp(f) || f.File == Expectations.UserAddedFile).ToArray();
        Assert.NotEmpty(kept);
        AssertExactly(Expected(project, kept, _ => "warning"), build.OutputFindings, build, "console output without text scanning");
    }

    /// <summary>
    /// The compiler does not apply .editorconfig sections to AdditionalFiles (dotnet/roslyn#31916): the package
    /// passes the .editorconfig files to the analyzers, which resolve the sections themselves.
    /// </summary>
    [Fact]
    public void A_py_section_in_editorconfig_turns_the_python_findings_into_errors()
    {
        var ruleId = Expectations.Findings.First(f => f.File.EndsWith(".py", StringComparison.Ordinal)).RuleId;
        var project = ConsumerProject.Create(_fixture, "py-severity", p => p.WriteFile(".editorconfig", $"""
            root = true

            [*.py]
            dotnet_diagnostic.{ruleId}.severity = error
            """));
        var build = project.Build();

        Assert.True(build.Result.ExitCode != 0, "an error-level finding must fail the build:\n" + build.Result);
        var expected = Expected(
            project,
            Expectations.Findings,
            f => f.RuleId == ruleId && f.File.EndsWith(".py", StringComparison.Ordinal) ? "error" : "warning");
        AssertExactly(expected, build.OutputFindings, build, "console output with [*.py] severity = error");
        AssertExactly(expected, build.SarifFindings, build, "SARIF log with [*.py] severity = error");
    }

    internal static List<Finding> Expected(ConsumerProject project, IEnumerable<ExpectedFinding> expectations, Func<ExpectedFinding, string> severity) =>
        expectations
            .Select(e => new Finding(e.RuleId, project.FullPath(e.File), project.LineOf(e.File, e.LineText), severity(e)))
            .ToList();

    /// <summary>
    /// For every rule ID that has expectations, the reported findings in the consumer are exactly the expected
    /// ones (rule, file, line, severity). Rules without expectations are not checked here.
    /// </summary>
    internal static void AssertExactly(List<Finding> expected, IReadOnlyList<Finding> actual, ConsumerBuild build, string where)
    {
        var ruleIds = Expectations.Findings.Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
        var relevant = actual
            .Where(f => ruleIds.Contains(f.RuleId) && f.FilePath.StartsWith(build.Project.Directory, StringComparison.Ordinal))
            .Select(f => f with { Severity = f.Severity == "note" ? "info" : f.Severity })
            .ToList();

        var missing = expected.Except(relevant).ToList();
        var unexpected = relevant.Except(expected).ToList();
        if (missing.Count == 0 && unexpected.Count == 0)
        {
            return;
        }

        var pending = Expectations.Findings.Where(f => f.LandsWith.Length > 0).Select(f => f.LandsWith).Distinct();
        Assert.Fail(
            $"Findings in the {where} differ from the expectations.{Environment.NewLine}" +
            $"Missing:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", missing)}{Environment.NewLine}" +
            $"Unexpected:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", unexpected)}{Environment.NewLine}" +
            $"(Expectations marked as waiting for: {string.Join("; ", pending)}){Environment.NewLine}{build.Result}");
    }
}

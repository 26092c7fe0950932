using System.IO;
using System.Linq;
using CodeGuardian.Build.Output;
using Microsoft.Build.Utilities;

namespace CodeGuardian.Build.Tests;

public class MergeTests
{
    [Fact]
    public void Merges_project_reports_into_one_run_without_duplicates()
    {
        using var repository = new TestRepository();
        var merged = repository.Output("merged");
        var net10 = repository.Task(repository.Output("net10"), repository.Log("App.net10.0.sarif"));
        net10.PublishDirectory = merged;
        net10.SourceFiles = repository.SourceItems();
        var netstandard = repository.Task(repository.Output("ns20"), repository.Log("App.netstandard2.0.sarif"));
        netstandard.TargetFramework = "netstandard2.0";
        netstandard.PublishDirectory = merged;
        netstandard.SourceFiles = repository.SourceItems();
        Assert.True(net10.Run(new RecordingLog()));
        Assert.True(netstandard.Run(new RecordingLog()));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(merged, ".projects"), "*.sarif").Length);

        var merge = new CodeGuardianMergeReports
        {
            OutputDirectory = merged,
            ReportName = "Solution",
            ToolVersion = "1.2.3",
            CorrelationId = "merge-run",
            Context = new ReportContext(_ => null),
        };
        var log = new RecordingLog();
        Assert.True(merge.Run(log));
        Assert.Empty(log.Warnings);

        using var sarif = ProjectReportTests.ReadJson(merged, SarifReport.FileName);
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(12, results.Count);
        Assert.All(results, result => Assert.Equal(new[] { "App/net10.0", "App/netstandard2.0" }, result.GetProperty("properties").GetProperty("projects").EnumerateArray().Select(project => project.GetString()).ToArray()));
        Assert.Equal("codeguardian/Solution/merge-run", run.GetProperty("automationDetails").GetProperty("id").GetString());
        Assert.Equal(5, run.GetProperty("artifacts").GetArrayLength());
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), rule => rule.GetProperty("id").GetString() == "CG4007" && rule.GetProperty("properties").GetProperty("security-severity").GetString() == "7.5");

        using var metrics = ProjectReportTests.ReadJson(merged, MetricsReport.FileName);
        Assert.True(metrics.RootElement.GetProperty("merged").GetBoolean());
        Assert.Equal(5, metrics.RootElement.GetProperty("files").GetProperty("files").GetInt32());
        Assert.Equal(10, metrics.RootElement.GetProperty("findings").GetProperty("active").GetInt32());
        Assert.Equal(0.935, metrics.RootElement.GetProperty("analyzerExecutionTimeSeconds").GetDouble(), 3);

        var prom = File.ReadAllText(Path.Combine(merged, OpenMetricsReport.FileName));
        Assert.Contains("codeguardian_findings{project=\"Solution\",rule=\"CG2001\",category=\"production\",severity=\"warning\"} 3\n", prom);
        Assert.Contains("codeguardian_files_analyzed{project=\"Solution\",language=\"javascript\"} 2\n", prom);
        Assert.Contains("## CodeGuardian report: Solution", File.ReadAllText(Path.Combine(merged, MarkdownReport.FileName)));
        Assert.Equal(10, ProjectReportTests.ReadJson(merged, GitLabReport.FileName).RootElement.GetArrayLength());
    }

    [Fact]
    public void Merge_with_explicit_inputs_and_a_baseline_update()
    {
        using var repository = new TestRepository();
        var project = repository.Task(repository.Output("project"), repository.Log("App.net10.0.sarif"));
        Assert.True(project.Run(new RecordingLog()));
        var baselinePath = Path.Combine(repository.Root, "codeguardian.baseline.json");
        var merge = new CodeGuardianMergeReports
        {
            OutputDirectory = repository.Output("merged"),
            Inputs = new[] { new TaskItem(project.SarifFile) },
            UpdateBaseline = true,
            BaselineFile = baselinePath,
            Context = new ReportContext(_ => null),
        };

        Assert.True(merge.Run(new RecordingLog()));

        using var baseline = System.Text.Json.JsonDocument.Parse(File.ReadAllText(baselinePath));
        Assert.Equal(10, baseline.RootElement.GetProperty("results").GetArrayLength());
        using var metrics = ProjectReportTests.ReadJson(repository.Output("merged"), MetricsReport.FileName);
        Assert.Equal(10, metrics.RootElement.GetProperty("findings").GetProperty("baselined").GetInt32());
    }

    [Fact]
    public void Nothing_to_merge_warns_once()
    {
        using var repository = new TestRepository();
        var merge = new CodeGuardianMergeReports { OutputDirectory = repository.Output("empty"), Context = new ReportContext(_ => null) };
        var log = new RecordingLog();
        Assert.True(merge.Run(log));
        Assert.Equal("CGB106", Assert.Single(log.Warnings).Code);
    }
}

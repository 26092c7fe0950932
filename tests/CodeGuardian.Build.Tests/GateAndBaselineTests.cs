using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

public class GateAndBaselineTests
{
    [Fact]
    public void Gate_passes_without_thresholds()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        var log = new RecordingLog();

        Assert.True(task.Run(log));
        Assert.Empty(log.Errors);
        Assert.Equal("", task.GateMessage);
        using var health = ProjectReportTests.ReadJson(repository.Output(), HealthReport.FileName);
        Assert.True(health.RootElement.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public void Fail_on_error_fails_with_one_coded_error_naming_the_worst_finding()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.FailOn = "error";
        var log = new RecordingLog();

        Assert.False(task.Run(log));

        var error = Assert.Single(log.Errors);
        Assert.Equal("CGB001", error.Code);
        Assert.Contains("FailOn=error", error.Message);
        Assert.Contains("src/App/Program.cs(16,9): error CG3001", error.Message);
        Assert.Equal("unhealthy", task.Status);
        Assert.Equal(error.Message, task.GateMessage);

        using var health = ProjectReportTests.ReadJson(repository.Output(), HealthReport.FileName);
        var root = health.RootElement;
        Assert.Equal("unhealthy", root.GetProperty("status").GetString());
        Assert.False(root.GetProperty("ready").GetBoolean());
        var failOn = root.GetProperty("checks").EnumerateArray().Single(check => check.GetProperty("name").GetString() == "fail-on");
        Assert.Equal("fail", failOn.GetProperty("status").GetString());
        Assert.Equal("error", failOn.GetProperty("threshold").GetString());
        Assert.Equal(1, failOn.GetProperty("actual").GetInt32());
        Assert.Equal("CG3001", root.GetProperty("topFindings")[0].GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Maximums_count_active_findings_only_and_report_thresholds()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.MaxErrors = "1";
        task.MaxWarnings = "7";
        task.MaxSecurityFindings = "1";
        var log = new RecordingLog();

        Assert.False(task.Run(log));

        var error = Assert.Single(log.Errors);
        Assert.Contains("max-security-findings 2 > 1", error.Message);
        Assert.DoesNotContain("max-warnings", error.Message);
        using var health = ProjectReportTests.ReadJson(repository.Output(), HealthReport.FileName);
        var checks = health.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(check => check.GetProperty("name").GetString()!);
        Assert.Equal("pass", checks["max-errors"].GetProperty("status").GetString());
        Assert.Equal(1, checks["max-errors"].GetProperty("threshold").GetInt32());
        Assert.Equal(7, checks["max-warnings"].GetProperty("actual").GetInt32()); // the two suppressed warnings do not count
        Assert.Equal("fail", checks["max-security-findings"].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, checks["fail-on"].GetProperty("threshold").ValueKind);
        var top = health.RootElement.GetProperty("topFindings").EnumerateArray().Select(item => item.GetProperty("ruleId").GetString()).ToList();
        Assert.Equal(new[] { "CG4007", "CG4008" }, top);
    }

    [Fact]
    public void Invalid_threshold_values_warn_and_apply_no_limit()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.MaxWarnings = "many";
        task.FailOn = "sometimes";
        var log = new RecordingLog();

        Assert.False(task.Run(log)); // FailOn falls back to warning
        Assert.Equal(2, log.Warnings.Count(warning => warning.Code == "CGB108"));
    }

    [Fact]
    public void Update_baseline_writes_fingerprints_rules_and_paths_only()
    {
        using var repository = new TestRepository();
        var baselinePath = Path.Combine(repository.Root, Baseline.FileName);
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.UpdateBaseline = true;
        task.BaselineOutputFile = baselinePath;
        task.FailOn = "warning";

        Assert.True(task.Run(new RecordingLog()));

        using var baseline = JsonDocument.Parse(File.ReadAllText(baselinePath));
        var entries = baseline.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(10, entries.Count);
        foreach (var entry in entries)
        {
            var names = entry.EnumerateObject().Select(property => property.Name).OrderBy(name => name, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "fingerprint", "path", "ruleId" }, names);
            Assert.StartsWith("src/App/", entry.GetProperty("path").GetString());
        }

        var text = File.ReadAllText(baselinePath);
        Assert.DoesNotContain("TODO", text, StringComparison.Ordinal);
        Assert.DoesNotContain("console", text, StringComparison.Ordinal);
        Assert.DoesNotContain(repository.Root, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Baselined_findings_are_counted_apart_and_do_not_fail_the_gate()
    {
        using var repository = new TestRepository();
        var baselinePath = Path.Combine(repository.Root, Baseline.FileName);
        var update = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        update.UpdateBaseline = true;
        update.BaselineOutputFile = baselinePath;
        Assert.True(update.Run(new RecordingLog()));

        // Forget the CG3001 entry: that finding is new again, the rest stays accepted.
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(baselinePath))!;
        var results = node["results"]!.AsArray();
        var error = results.Single(entry => entry!["ruleId"]!.GetValue<string>() == "CG3001");
        results.Remove(error);
        File.WriteAllText(baselinePath, node.ToJsonString());

        var task = repository.Task(repository.Output("gated"), repository.Log("App.net10.0.sarif"));
        task.BaselineFile = baselinePath;
        task.MaxWarnings = "0";
        task.FailOn = "error";
        var log = new RecordingLog();

        Assert.False(task.Run(log));

        var message = Assert.Single(log.Errors).Message;
        Assert.Contains("CG3001", message, StringComparison.Ordinal);
        Assert.DoesNotContain("max-warnings", message, StringComparison.Ordinal);
        using var metrics = ProjectReportTests.ReadJson(repository.Output("gated"), MetricsReport.FileName);
        var findings = metrics.RootElement.GetProperty("findings");
        Assert.Equal(1, findings.GetProperty("active").GetInt32());
        Assert.Equal(9, findings.GetProperty("baselined").GetInt32());
        Assert.Equal(2, findings.GetProperty("suppressed").GetInt32());

        using var sarif = ProjectReportTests.ReadJson(repository.Output("gated"), SarifReport.FileName);
        var states = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(result => result.TryGetProperty("baselineState", out _))
            .GroupBy(result => result.GetProperty("baselineState").GetString())
            .ToDictionary(group => group.Key!, group => group.Count());
        Assert.Equal(1, states["new"]);
        Assert.Equal(9, states["unchanged"]);
    }

    [Fact]
    public void Unreadable_baseline_warns_and_counts_everything()
    {
        using var repository = new TestRepository();
        var baselinePath = Path.Combine(repository.Root, Baseline.FileName);
        File.WriteAllText(baselinePath, "{ not json");
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.BaselineFile = baselinePath;
        var log = new RecordingLog();

        Assert.True(task.Run(log));

        Assert.Equal("CGB104", Assert.Single(log.Warnings).Code);
    }
}

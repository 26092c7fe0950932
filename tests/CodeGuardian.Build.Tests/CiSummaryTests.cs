using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

public class CiSummaryTests
{
    [Fact]
    public void Correlation_id_comes_from_the_ci_run()
    {
        Assert.Equal("123-2", new ReportContext(Environment(("GITHUB_RUN_ID", "123"), ("GITHUB_RUN_ATTEMPT", "2"))).CorrelationId("fallback"));
        Assert.Equal("77", new ReportContext(Environment(("BUILD_BUILDID", "77"))).CorrelationId("fallback"));
        Assert.Equal("88", new ReportContext(Environment(("CI_PIPELINE_ID", "88"))).CorrelationId(null));
        Assert.Equal("fallback", new ReportContext(Environment()).CorrelationId("fallback"));
        Assert.True(Guid.TryParse(new ReportContext(Environment()).CorrelationId(null), out _));
    }

    [Fact]
    public void Github_step_summary_gets_one_section_that_later_runs_replace()
    {
        using var repository = new TestRepository();
        var summary = Path.Combine(repository.Root, "step_summary.md");
        File.WriteAllText(summary, "# Build\nearlier step output\n");
        var environment = Environment(("GITHUB_STEP_SUMMARY", summary), ("GITHUB_SERVER_URL", "https://github.com"), ("GITHUB_REPOSITORY", "octo/app"), ("GITHUB_SHA", "abc123"));

        for (var i = 0; i < 2; i++)
        {
            var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
            task.WriteCiSummaries = true;
            task.Context = new ReportContext(environment);
            Assert.True(task.Run(new RecordingLog()));
        }

        var text = File.ReadAllText(summary);
        Assert.StartsWith("# Build\nearlier step output\n", text, StringComparison.Ordinal);
        Assert.Equal(1, Count(text, ReportWriter.SummaryBegin));
        Assert.Equal(1, Count(text, "## CodeGuardian report: App"));
        Assert.Contains("(https://github.com/octo/app/blob/abc123/src/App/Program.cs#L16)", text);
    }

    [Fact]
    public void Github_step_summary_stays_within_one_mebibyte()
    {
        using var repository = new TestRepository();
        var summary = Path.Combine(repository.Root, "step_summary.md");
        File.WriteAllText(summary, new string('x', ReportWriter.StepSummaryLimit - 1500) + "\n");
        var log = new RecordingLog();

        ReportWriter.UpdateStepSummary(summary, string.Concat(Enumerable.Repeat("| a long table row |\n", 500)), log);

        Assert.True(new FileInfo(summary).Length <= ReportWriter.StepSummaryLimit);
        Assert.Contains("Summary truncated", File.ReadAllText(summary));
        Assert.Empty(log.Warnings);

        File.WriteAllText(summary, new string('x', ReportWriter.StepSummaryLimit));
        ReportWriter.UpdateStepSummary(summary, "## report\n", log);
        Assert.Equal("CGB105", Assert.Single(log.Warnings).Code);
        Assert.Equal(ReportWriter.StepSummaryLimit, new FileInfo(summary).Length);
    }

    [Fact]
    public void Azure_pipelines_gets_the_upload_command_once_per_step()
    {
        using var repository = new TestRepository();
        var environment = Environment(("TF_BUILD", "True"), ("BUILD_BUILDID", "42"), ("SYSTEM_TASKINSTANCEID", "step-1"));
        var messages = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
            task.WriteCiSummaries = true;
            task.Context = new ReportContext(environment);
            var log = new RecordingLog();
            Assert.True(task.Run(log));
            messages.AddRange(log.Messages);
        }

        var command = Assert.Single(messages, message => message.StartsWith("##vso[task.uploadsummary]", StringComparison.Ordinal));
        Assert.EndsWith(MarkdownReport.FileName, command, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(command["##vso[task.uploadsummary]".Length..]));
    }

    [Fact]
    public void No_ci_variables_no_ci_output()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.WriteCiSummaries = true;
        var log = new RecordingLog();
        Assert.True(task.Run(log));
        Assert.DoesNotContain(log.Messages, message => message.Contains("##vso", StringComparison.Ordinal));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(variable => variable.Name, variable => variable.Value, StringComparer.Ordinal);
        return name => map.TryGetValue(name, out var value) ? value : null;
    }

    private static int Count(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

/// <summary>
/// Runs the reference validators when the machine has them (see docs/ci.md): the SARIF multitool
/// (SARIF_MULTITOOL = path of the Sarif.Multitool binary, or Sarif.Multitool on PATH) and promtool.
/// Without them these tests are reported as skipped, never as passed.
/// </summary>
public class ExternalValidatorTests
{
    [SarifMultitoolFact]
    public void Sarif_multitool_finds_no_errors_or_warnings()
    {
        using var repository = new TestRepository();
        var project = repository.Task(repository.Output("project"), repository.Log("App.net10.0.sarif"));
        project.PublishDirectory = repository.Output("merged");
        project.SourceFiles = repository.SourceItems();
        project.KeepAllRules = true;
        Assert.True(project.Run(new RecordingLog()));
        Assert.True(new CodeGuardianMergeReports { OutputDirectory = repository.Output("merged"), Context = new ReportContext(_ => null) }.Run(new RecordingLog()));

        foreach (var sarif in new[] { Path.Combine(repository.Output("project"), SarifReport.FileName), Path.Combine(repository.Output("merged"), SarifReport.FileName) })
        {
            var output = Path.Combine(repository.Root, Guid.NewGuid().ToString("N") + ".sarif");
            var (exitCode, text) = Tools.Run(Tools.SarifMultitool!, "validate", "--level", "Error;Warning", "--rule-kind", "Sarif;Gh", "-o", output, sarif);
            Assert.True(File.Exists(output), text);
            using var document = JsonDocument.Parse(File.ReadAllText(output));
            var problems = document.RootElement.GetProperty("runs")[0].TryGetProperty("results", out var results)
                ? results.EnumerateArray().Select(result => result.GetProperty("ruleId").GetString() + ": " + result.GetProperty("message")).ToList()
                : new System.Collections.Generic.List<string>();
            Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n" + text);
            Assert.Equal(0, exitCode);
        }
    }

    [PromtoolFact]
    public void Promtool_accepts_the_metrics()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.SourceFiles = repository.SourceItems();
        Assert.True(task.Run(new RecordingLog()));

        var (exitCode, text) = Tools.RunWithInput(Tools.Promtool!, File.ReadAllText(Path.Combine(repository.Output(), OpenMetricsReport.FileName)), "check", "metrics");
        Assert.True(exitCode == 0, text);
        Assert.True(text.Trim().Length == 0, text); // no lint findings either
    }
}

internal static class Tools
{
    public static bool Required { get; } = Environment.GetEnvironmentVariable("CODEGUARDIAN_REQUIRE_VALIDATORS") == "1";

    public static string? SarifMultitool { get; } = Find(Environment.GetEnvironmentVariable("SARIF_MULTITOOL"), "Sarif.Multitool");

    public static string? Promtool { get; } = Find(Environment.GetEnvironmentVariable("PROMTOOL"), "promtool");

    public static (int ExitCode, string Output) Run(string file, params string[] arguments) => RunWithInput(file, null, arguments);

    public static (int ExitCode, string Output) RunWithInput(string file, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = input is not null, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        if (input is not null)
        {
            process.StandardInput.Write(input);
            process.StandardInput.Close();
        }

        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
        }

        return (process.ExitCode, output + error.Result);
    }

    private static string? Find(string? configured, string name)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

internal sealed class SarifMultitoolFactAttribute : FactAttribute
{
    public SarifMultitoolFactAttribute()
    {
        // CI sets CODEGUARDIAN_REQUIRE_VALIDATORS=1 after installing the tools: a missing tool then fails, not skips.
        if (Tools.SarifMultitool is null && !Tools.Required)
        {
            Skip = "SARIF multitool not installed (set SARIF_MULTITOOL; see docs/ci.md)";
        }
    }
}

internal sealed class PromtoolFactAttribute : FactAttribute
{
    public PromtoolFactAttribute()
    {
        if (Tools.Promtool is null && !Tools.Required)
        {
            Skip = "promtool not installed (Debian package prometheus; see docs/ci.md)";
        }
    }
}

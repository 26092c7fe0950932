using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CodeGuardian.Build.Gate;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build;

/// <summary>What to write besides the six report files.</summary>
internal sealed class WriteOptions
{
    public string OutputDirectory { get; set; } = "";

    /// <summary>Where to write the baseline when <see cref="UpdateBaseline"/> is set; default: the output folder.</summary>
    public string? BaselineOutputFile { get; set; }

    public bool UpdateBaseline { get; set; }

    /// <summary>Append to GITHUB_STEP_SUMMARY and announce the summary to Azure Pipelines.</summary>
    public bool WriteCiSummaries { get; set; }

    /// <summary>Log the gate failure as an error (the task then fails).</summary>
    public bool FailOnGate { get; set; } = true;
}

/// <summary>Evaluates the gate and writes every report file of a model; shared by the project and merge tasks.</summary>
internal static class ReportWriter
{
    public const string SummaryBegin = "<!-- codeguardian:begin -->";
    public const string SummaryEnd = "<!-- codeguardian:end -->";

    /// <summary>GitHub rejects a step summary over 1 MiB.</summary>
    public const int StepSummaryLimit = 1024 * 1024;

    private const int OffendersInError = 5;

    private static readonly char[] ListSeparators = { ';' };

    /// <summary>Writes the reports and returns the evaluated gate; logs CGB001 when it failed and <see cref="WriteOptions.FailOnGate"/> is set.</summary>
    public static GateResult Write(ReportModel model, WriteOptions options, ReportContext context, IReportLog log, bool lockFolder = true)
    {
        var gate = QualityGate.Evaluate(model);
        var statistics = new Statistics(model);
        var directory = Path.GetFullPath(options.OutputDirectory);
        var markdown = MarkdownReport.Render(model, statistics, gate, MarkdownReport.RelativeLinks(model.Root, directory));

        using (var folderLock = lockFolder ? AcquireLock(directory, log) : null)
        {
            TryWrite(log, Path.Combine(directory, SarifReport.FileName), () => SarifReport.Render(model));
            TryWrite(log, Path.Combine(directory, MetricsReport.FileName), () => MetricsReport.Render(model, statistics));
            TryWrite(log, Path.Combine(directory, HealthReport.FileName), () => HealthReport.Render(model, gate));
            TryWrite(log, Path.Combine(directory, OpenMetricsReport.FileName), () => Encoding.UTF8.GetBytes(OpenMetricsReport.Render(model, statistics, gate)));
            TryWrite(log, Path.Combine(directory, MarkdownReport.FileName), () => new UTF8Encoding(false).GetBytes(markdown));
            TryWrite(log, Path.Combine(directory, GitLabReport.FileName), () => GitLabReport.Render(model));
            if (options.UpdateBaseline)
            {
                var baselinePath = Path.GetFullPath(options.BaselineOutputFile ?? Path.Combine(directory, Baseline.FileName));
                TryWrite(log, baselinePath, () => Baseline.Render(model));
                log.Message($"CodeGuardian: baseline updated with {model.Findings.Count(finding => !finding.IsSuppressed)} findings: {model.Root.Relativize(baselinePath)}", important: true);
            }

            if (options.WriteCiSummaries)
            {
                WriteCiSummaries(model, statistics, gate, directory, context, log);
            }
        }

        log.Message($"CodeGuardian: {model.ProjectName}: {gate.Status}; {statistics.All.Active} active, {statistics.All.Suppressed} suppressed, {statistics.All.Baselined} baselined findings; reports in {directory}");
        if (!gate.Ready && options.FailOnGate)
        {
            log.Error(ReportCodes.GateFailed, GateMessage(model, gate));
        }

        return gate;
    }

    /// <summary>Locks the report folder for one read-merge-write step; null (after a warning) when it stays locked too long.</summary>
    internal static FolderLock? AcquireLock(string directory, IReportLog log)
    {
        var folderLock = FolderLock.Acquire(directory, TimeSpan.FromMinutes(2));
        if (folderLock is null)
        {
            log.Warning(ReportCodes.LockTimeout, "CodeGuardian: the report folder stayed locked for 2 minutes; writing without the lock (each file is still replaced whole).");
        }

        return folderLock;
    }

    /// <summary>One message naming every failed check and the worst findings.</summary>
    internal static string GateMessage(ReportModel model, GateResult gate)
    {
        var failed = gate.Checks.Where(check => check.Kind == "readiness" && !check.Passed)
            .Select(check => check.ThresholdLevel is not null
                ? $"{check.Actual} findings at level {check.ThresholdLevel} or above (FailOn={check.ThresholdLevel})"
                : $"{check.Name} {check.Actual} > {check.Threshold}");
        var builder = new StringBuilder();
        builder.Append("CodeGuardian quality gate failed for ").Append(model.ProjectName).Append(": ").Append(string.Join("; ", failed)).Append('.');
        builder.Append(" Worst findings:");
        foreach (var finding in gate.Offenders.Take(OffendersInError))
        {
            builder.Append(' ').Append(finding.DisplayLocation).Append(": ").Append(finding.Level).Append(' ').Append(finding.RuleId).Append(": ").Append(finding.Message).Append(';');
        }

        if (gate.Offenders.Count > OffendersInError)
        {
            builder.Append(" and ").Append((gate.Offenders.Count - OffendersInError).ToString(CultureInfo.InvariantCulture)).Append(" more;");
        }

        builder.Length--;
        builder.Append(". See ").Append(HealthReport.FileName).Append(" and ").Append(MarkdownReport.FileName).Append("; accept existing findings with CodeGuardianUpdateBaseline=true.");
        return builder.ToString();
    }

    private static void TryWrite(IReportLog log, string path, Func<byte[]> render)
    {
        try
        {
            AtomicFile.WriteAllBytes(path, render());
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            log.Warning(ReportCodes.WriteFailed, $"CodeGuardian: could not write {Path.GetFileName(path)}: {exception.Message}");
        }
    }

    private static void WriteCiSummaries(ReportModel model, Statistics statistics, GateResult gate, string directory, ReportContext context, IReportLog log)
    {
        var summaryPath = context.Environment("GITHUB_STEP_SUMMARY");
        if (!string.IsNullOrEmpty(summaryPath))
        {
            try
            {
                var markdown = MarkdownReport.Render(model, statistics, gate, MarkdownReport.GitHubLinks(context.Environment));
                UpdateStepSummary(summaryPath!, markdown, log);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                log.Warning(ReportCodes.SummaryFailed, $"CodeGuardian: could not update the GitHub step summary: {exception.Message}");
            }
        }

        if (string.Equals(context.Environment("TF_BUILD"), "true", StringComparison.OrdinalIgnoreCase))
        {
            AnnounceAzureSummary(directory, context, log);
        }
    }

    /// <summary>
    /// Replaces CodeGuardian's section of the step summary (or appends it), so the projects of one build leave one
    /// section with the latest merged state, and keeps the whole file within GitHub's 1 MiB limit.
    /// </summary>
    internal static void UpdateStepSummary(string path, string markdown, IReportLog log)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : "";
        var before = existing;
        var after = "";
        var begin = existing.IndexOf(SummaryBegin, StringComparison.Ordinal);
        var end = begin < 0 ? -1 : existing.IndexOf(SummaryEnd, begin, StringComparison.Ordinal);
        if (begin >= 0 && end > begin)
        {
            before = existing.Substring(0, begin);
            after = existing.Substring(end + SummaryEnd.Length).TrimStart('\n');
        }

        if (before.Length > 0 && !before.EndsWith("\n", StringComparison.Ordinal))
        {
            before += "\n";
        }

        var utf8 = new UTF8Encoding(false);
        var room = StepSummaryLimit - utf8.GetByteCount(before) - utf8.GetByteCount(after) - utf8.GetByteCount(SummaryBegin + "\n" + SummaryEnd + "\n") - 256;
        if (room <= 0)
        {
            log.Warning(ReportCodes.SummaryFailed, "CodeGuardian: the GitHub step summary is already at its 1 MiB limit; the CodeGuardian section was not added (see codeguardian.md).");
            return;
        }

        if (utf8.GetByteCount(markdown) > room)
        {
            markdown = Truncate(markdown, room - 200) + "\n_Summary truncated to fit the 1 MiB step summary limit; see the codeguardian.md artifact._\n";
        }

        var text = before + SummaryBegin + "\n" + markdown + SummaryEnd + "\n" + after;
        AtomicFile.WriteAllText(path, text);
    }

    private static string Truncate(string markdown, int maxBytes)
    {
        var utf8 = new UTF8Encoding(false);
        var lines = markdown.Split('\n');
        var builder = new StringBuilder();
        var bytes = 0;
        foreach (var line in lines)
        {
            var size = utf8.GetByteCount(line) + 1;
            if (bytes + size > maxBytes)
            {
                break;
            }

            builder.Append(line).Append('\n');
            bytes += size;
        }

        return builder.ToString();
    }

    /// <summary>Azure Pipelines attaches the file named by this logging command to the build summary; once per step.</summary>
    private static void AnnounceAzureSummary(string directory, ReportContext context, IReportLog log)
    {
        var step = context.Environment("SYSTEM_TASKINSTANCEID") ?? context.Environment("BUILD_BUILDID") ?? "";
        var marker = Path.Combine(directory, ".codeguardian.azure-summary");
        try
        {
            if (step.Length > 0 && File.Exists(marker) && File.ReadAllText(marker).Trim() == step)
            {
                return;
            }

            AtomicFile.WriteAllText(marker, step + "\n");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Without the marker the command may repeat; Azure then shows the same summary twice, which is harmless.
        }

        log.Message("##vso[task.uploadsummary]" + Path.Combine(directory, MarkdownReport.FileName), important: true);
    }

    /// <summary>A file name for a project label ("App/net8.0" becomes "App.net8.0").</summary>
    internal static string SafeFileName(string label)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var character in label)
        {
            builder.Append(char.IsLetterOrDigit(character) || character is '.' or '-' or '_' ? character : '.');
        }

        return builder.ToString();
    }

    internal static IEnumerable<string> SplitList(string? value) =>
        (value ?? "").Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries).Select(item => item.Trim()).Where(item => item.Length > 0);
}

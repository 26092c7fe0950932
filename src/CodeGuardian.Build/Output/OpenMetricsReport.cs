using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using CodeGuardian.Build.Gate;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>
/// <c>codeguardian.prom</c>: OpenMetrics text for the Prometheus node-exporter textfile collector. Gauges only,
/// base units, no timestamps, LF line ends, ends with <c># EOF</c> and a newline.
/// </summary>
internal static class OpenMetricsReport
{
    public const string FileName = "codeguardian.prom";
    public const string ContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    public static string Render(ReportModel model, Statistics statistics, GateResult gate)
    {
        var output = new StringBuilder();
        var project = model.ProjectName;
        var byRuleAndLevel = new SortedDictionary<string, FindingCounts>(StringComparer.Ordinal);
        foreach (var finding in model.Findings)
        {
            var key = finding.RuleId + " " + finding.Level;
            if (!byRuleAndLevel.TryGetValue(key, out var counts))
            {
                counts = new FindingCounts();
                byRuleAndLevel[key] = counts;
            }

            counts.Add(finding);
        }

        Family(output, "codeguardian_findings", "Active CodeGuardian findings (not suppressed, not baselined).", null);
        foreach (var pair in byRuleAndLevel)
        {
            if (pair.Value.Active > 0)
            {
                RuleSample(output, "codeguardian_findings", model, pair.Key, pair.Value.Active);
            }
        }

        Family(output, "codeguardian_findings_suppressed", "CodeGuardian findings suppressed in source or externally.", null);
        foreach (var pair in byRuleAndLevel)
        {
            if (pair.Value.Suppressed > 0)
            {
                RuleSample(output, "codeguardian_findings_suppressed", model, pair.Key, pair.Value.Suppressed);
            }
        }

        Family(output, "codeguardian_findings_baselined", "CodeGuardian findings accepted by the baseline file.", null);
        foreach (var pair in byRuleAndLevel)
        {
            if (pair.Value.Baselined > 0)
            {
                RuleSample(output, "codeguardian_findings_baselined", model, pair.Key, pair.Value.Baselined);
            }
        }

        Family(output, "codeguardian_findings_by_severity", "Active CodeGuardian findings per severity; every severity is always present.", null);
        foreach (var level in new[] { Levels.Error, Levels.Warning, Levels.Note })
        {
            Sample(output, "codeguardian_findings_by_severity", Integer(statistics.BySeverity[level].Active), ("project", project), ("severity", level));
        }

        Family(output, "codeguardian_files_analyzed", "Files passed to the analyzers, per language.", null);
        foreach (var pair in statistics.FilesByLanguage)
        {
            Sample(output, "codeguardian_files_analyzed", Integer(pair.Value.Files), ("project", project), ("language", pair.Key));
        }

        Family(output, "codeguardian_source_lines", "Lines in the analyzed files, per language.", null);
        foreach (var pair in statistics.FilesByLanguage)
        {
            Sample(output, "codeguardian_source_lines", Integer(pair.Value.Lines), ("project", project), ("language", pair.Key));
        }

        Family(output, "codeguardian_source_bytes", "Size of the analyzed files, per language.", "bytes");
        foreach (var pair in statistics.FilesByLanguage)
        {
            Sample(output, "codeguardian_source_bytes", Integer(pair.Value.Bytes), ("project", project), ("language", pair.Key));
        }

        if (model.AnalyzerExecutionSeconds is { } seconds)
        {
            Family(output, "codeguardian_analyzer_execution_seconds", "Analyzer time the compiler measured for the build.", "seconds");
            Sample(output, "codeguardian_analyzer_execution_seconds", Number(seconds), ("project", project));
        }

        Family(output, "codeguardian_quality_gate_passed", "1 when the quality gate passed, else 0.", null);
        Sample(output, "codeguardian_quality_gate_passed", gate.Ready ? "1" : "0", ("project", project));
        Family(output, "codeguardian_health_live", "1 when every file was analyzed and the configuration is valid, else 0.", null);
        Sample(output, "codeguardian_health_live", gate.Live ? "1" : "0", ("project", project));
        Family(output, "codeguardian_health_status", "1 for the current health status (healthy, degraded, unhealthy), 0 for the others.", null);
        foreach (var status in new[] { "healthy", "degraded", "unhealthy" })
        {
            Sample(output, "codeguardian_health_status", gate.Status == status ? "1" : "0", ("project", project), ("status", status));
        }

        Family(output, "codeguardian_report_generated_timestamp_seconds", "When the report was generated, in Unix seconds.", "seconds");
        var unixSeconds = (long)(model.GeneratedUtc.ToUniversalTime() - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds;
        Sample(output, "codeguardian_report_generated_timestamp_seconds", Integer(unixSeconds), ("project", project));

        output.Append("# EOF\n");
        return output.ToString();
    }

    /// <summary>One sample per rule and severity; <paramref name="key"/> is "ruleId level".</summary>
    private static void RuleSample(StringBuilder output, string name, ReportModel model, string key, long value)
    {
        var space = key.IndexOf(' ');
        var ruleId = key.Substring(0, space);
        var rule = model.RuleOf(ruleId);
        Sample(output, name, Integer(value), ("project", model.ProjectName), ("rule", ruleId), ("category", RuleCatalog.ShortCategory(rule.Category)), ("severity", key.Substring(space + 1)));
    }

    private static void Family(StringBuilder output, string name, string help, string? unit)
    {
        output.Append("# TYPE ").Append(name).Append(" gauge\n");
        if (unit is not null)
        {
            output.Append("# UNIT ").Append(name).Append(' ').Append(unit).Append('\n');
        }

        output.Append("# HELP ").Append(name).Append(' ').Append(EscapeHelp(help)).Append('\n');
    }

    private static void Sample(StringBuilder output, string name, string value, params (string Name, string Value)[] labels)
    {
        output.Append(name);
        if (labels.Length > 0)
        {
            output.Append('{');
            for (var i = 0; i < labels.Length; i++)
            {
                if (i > 0)
                {
                    output.Append(',');
                }

                output.Append(labels[i].Name).Append("=\"").Append(EscapeLabel(labels[i].Value)).Append('"');
            }

            output.Append('}');
        }

        output.Append(' ').Append(value).Append('\n');
    }

    internal static string EscapeLabel(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");

    private static string EscapeHelp(string value) => value.Replace("\\", "\\\\").Replace("\n", "\\n");

    private static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}

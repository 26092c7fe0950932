using System.Collections.Generic;
using System.Text.Json;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary><c>codeguardian.metrics.json</c>: counts by rule, category, severity and language, analyzed files, timing.</summary>
internal static class MetricsReport
{
    public const string FileName = "codeguardian.metrics.json";

    public static byte[] Render(ReportModel model, Statistics statistics) => Json.Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 1);
        writer.WriteStartObject("tool");
        writer.WriteString("name", RuleCatalog.ToolName);
        writer.WriteString("version", model.ToolVersion);
        writer.WriteEndObject();
        writer.WriteString("project", model.ProjectName);
        writer.WriteBoolean("merged", model.IsMerged);
        writer.WriteStartArray("projects");
        foreach (var project in model.Projects)
        {
            writer.WriteStringValue(project);
        }

        writer.WriteEndArray();
        writer.WriteString("environment", model.Environment);
        writer.WriteString("correlationId", model.CorrelationId);
        writer.WriteStartObject("timestamps");
        writer.WriteString("generatedUtc", Json.Timestamp(model.GeneratedUtc));
        if (model.InputsWrittenUtc is { } written)
        {
            writer.WriteString("inputsWrittenUtc", Json.Timestamp(written));
        }
        else
        {
            writer.WriteNull("inputsWrittenUtc");
        }

        writer.WriteEndObject();

        writer.WriteStartObject("findings");
        WriteCounts(writer, statistics.All);
        writer.WriteStartObject("security");
        WriteCounts(writer, statistics.Security);
        writer.WriteEndObject();
        WriteGroups(writer, "byRule", statistics.ByRule);
        WriteGroups(writer, "byCategory", statistics.ByCategory);
        WriteGroups(writer, "bySeverity", statistics.BySeverity);
        WriteGroups(writer, "byLanguage", statistics.ByLanguage);
        writer.WriteEndObject();

        writer.WriteStartObject("files");
        writer.WriteNumber("files", statistics.FileTotals.Files);
        writer.WriteNumber("lines", statistics.FileTotals.Lines);
        writer.WriteNumber("bytes", statistics.FileTotals.Bytes);
        writer.WriteStartObject("byLanguage");
        foreach (var pair in statistics.FilesByLanguage)
        {
            writer.WriteStartObject(pair.Key);
            writer.WriteNumber("files", pair.Value.Files);
            writer.WriteNumber("lines", pair.Value.Lines);
            writer.WriteNumber("bytes", pair.Value.Bytes);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();

        if (model.AnalyzerExecutionSeconds is { } seconds)
        {
            writer.WriteNumber("analyzerExecutionTimeSeconds", System.Math.Round(seconds, 3));
        }
        else
        {
            writer.WriteNull("analyzerExecutionTimeSeconds");
        }

        writer.WriteStartArray("inputs");
        foreach (var log in model.Logs)
        {
            writer.WriteStartObject();
            writer.WriteString("path", log.Path);
            writer.WriteString("status", StatusName(log.Status));
            if (log.SarifVersion is not null)
            {
                writer.WriteString("sarifVersion", log.SarifVersion);
            }

            writer.WriteNumber("results", log.Findings.Count);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    public static string StatusName(Input.LogStatus status) => status switch
    {
        Input.LogStatus.Ok => "ok",
        Input.LogStatus.Missing => "missing",
        Input.LogStatus.Empty => "empty",
        Input.LogStatus.Partial => "partial",
        Input.LogStatus.LegacyFormat => "sarif-1.0",
        _ => "invalid",
    };

    private static void WriteCounts(Utf8JsonWriter writer, FindingCounts counts)
    {
        writer.WriteNumber("total", counts.Total);
        writer.WriteNumber("active", counts.Active);
        writer.WriteNumber("suppressed", counts.Suppressed);
        writer.WriteNumber("baselined", counts.Baselined);
    }

    private static void WriteGroups(Utf8JsonWriter writer, string name, SortedDictionary<string, FindingCounts> groups)
    {
        writer.WriteStartObject(name);
        foreach (var pair in groups)
        {
            writer.WriteStartObject(pair.Key);
            WriteCounts(writer, pair.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

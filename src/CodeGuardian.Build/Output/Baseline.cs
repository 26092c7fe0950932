using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>
/// The baseline file: accepted findings by fingerprint, with rule and relative path for humans. It holds no code,
/// no messages and no line text, so it is safe to commit.
/// </summary>
internal static class Baseline
{
    public const string FileName = "codeguardian.baseline.json";

    /// <summary>Fingerprints in the file; null with a problem text when it cannot be read.</summary>
    public static HashSet<string>? Load(string path, out string? problem)
    {
        problem = null;
        try
        {
            if (!File.Exists(path))
            {
                problem = "does not exist";
                return null;
            }

            using var document = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var fingerprints = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in results.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("fingerprint", out var fingerprint) && fingerprint.ValueKind == JsonValueKind.String)
                    {
                        fingerprints.Add(fingerprint.GetString()!);
                    }
                }

                return fingerprints;
            }

            problem = "has no 'results' array";
            return null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            problem = "could not be read (" + exception.GetType().Name + ")";
            return null;
        }
    }

    /// <summary>Marks findings whose fingerprint is in the baseline.</summary>
    public static int Apply(ReportModel model, HashSet<string> fingerprints)
    {
        var count = 0;
        foreach (var finding in model.Findings)
        {
            finding.IsBaselined = !finding.IsSuppressed && fingerprints.Contains(finding.Fingerprint);
            if (finding.IsBaselined)
            {
                count++;
            }
        }

        model.BaselineApplied = true;
        return count;
    }

    /// <summary>Accepts every unsuppressed finding: they become baselined and form the new baseline.</summary>
    public static void AcceptAll(ReportModel model)
    {
        foreach (var finding in model.Findings)
        {
            finding.IsBaselined = !finding.IsSuppressed;
        }

        model.BaselineApplied = true;
    }

    public static byte[] Render(ReportModel model)
    {
        var entries = model.Findings
            .Where(finding => !finding.IsSuppressed)
            .GroupBy(finding => finding.Fingerprint, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(finding => finding.RelativePath ?? "", StringComparer.Ordinal)
            .ThenBy(finding => finding.RuleId, StringComparer.Ordinal)
            .ThenBy(finding => finding.Fingerprint, StringComparer.Ordinal)
            .ToList();
        return Json.Render(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("schemaVersion", 1);
            writer.WriteString("tool", RuleCatalog.ToolName);
            writer.WriteString("toolVersion", model.ToolVersion);
            writer.WriteString("generatedUtc", Json.Timestamp(model.GeneratedUtc));
            writer.WriteStartArray("results");
            foreach (var finding in entries)
            {
                writer.WriteStartObject();
                writer.WriteString("fingerprint", finding.Fingerprint);
                writer.WriteString("ruleId", finding.RuleId);
                if (finding.RelativePath is not null)
                {
                    writer.WriteString("path", finding.RelativePath);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}

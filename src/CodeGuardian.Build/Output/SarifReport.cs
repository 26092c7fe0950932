using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using CodeGuardian.Build.Enrichment;
using CodeGuardian.Build.Input;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>
/// <c>codeguardian.sarif</c>: SARIF 2.1.0 with one run, paths relative to <c>%SRCROOT%</c>, rule help, GitHub
/// fingerprints and severities. Code text is never copied (no snippets, no context regions).
/// </summary>
internal static class SarifReport
{
    public const string FileName = "codeguardian.sarif";
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    public static byte[] Render(ReportModel model)
    {
        var ruleIds = model.Rules.Keys.Union(model.Findings.Select(finding => finding.RuleId)).OrderBy(id => id, System.StringComparer.Ordinal).ToList();
        var ruleIndex = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < ruleIds.Count; i++)
        {
            ruleIndex[ruleIds[i]] = i;
        }

        return Json.Render(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", Schema);
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();

            WriteTool(writer, model, ruleIds);
            writer.WriteStartObject("automationDetails");
            writer.WriteString("id", model.AutomationId);
            writer.WriteString("correlationGuid", CorrelationGuid(model.CorrelationId));
            writer.WriteEndObject();
            WriteInvocation(writer, model);
            if (model.IncludeRootUri)
            {
                writer.WriteStartObject("originalUriBaseIds");
                writer.WriteStartObject(SarifLogReader.SourceRootId);
                writer.WriteString("uri", model.Root.Uri);
                writer.WriteStartObject("description");
                writer.WriteString("text", "The repository root.");
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            if (model.VersionControl is { } versionControl)
            {
                writer.WriteStartArray("versionControlProvenance");
                writer.WriteStartObject();
                writer.WriteString("repositoryUri", versionControl.RepositoryUri);
                if (versionControl.RevisionId is not null)
                {
                    writer.WriteString("revisionId", versionControl.RevisionId);
                }

                if (versionControl.Branch is not null)
                {
                    writer.WriteString("branch", versionControl.Branch);
                }

                writer.WriteStartObject("mappedTo");
                writer.WriteString("uriBaseId", SarifLogReader.SourceRootId);
                writer.WriteEndObject();
                writer.WriteEndObject();
                writer.WriteEndArray();
            }

            WriteArtifacts(writer, model);
            writer.WriteStartArray("results");
            foreach (var finding in model.Findings)
            {
                WriteResult(writer, model, finding, ruleIndex[finding.RuleId]);
            }

            writer.WriteEndArray();
            writer.WriteString("columnKind", "utf16CodeUnits");
            writer.WriteStartObject("properties");
            writer.WriteString("project", model.ProjectName);
            writer.WriteStartArray("projects");
            foreach (var project in model.Projects)
            {
                writer.WriteStringValue(project);
            }

            writer.WriteEndArray();
            if (model.Environment.Length > 0)
            {
                writer.WriteString("environment", model.Environment);
            }

            writer.WriteString("correlationId", model.CorrelationId);
            if (model.AnalyzerExecutionSeconds is { } seconds)
            {
                writer.WriteNumber("analyzerExecutionTimeSeconds", System.Math.Round(seconds, 3));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static void WriteTool(Utf8JsonWriter writer, ReportModel model, List<string> ruleIds)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", RuleCatalog.ToolName);
        writer.WriteString("version", model.ToolVersion);
        writer.WriteString("semanticVersion", SemanticVersion(model.ToolVersion));
        writer.WriteString("informationUri", RuleCatalog.InformationUri);
        writer.WriteStartArray("rules");
        foreach (var id in ruleIds)
        {
            WriteRule(writer, model.RuleOf(id));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, RuleMetadata rule)
    {
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        var name = RuleName(rule.Title);
        if (name.Length > 0)
        {
            writer.WriteString("name", name);
        }

        WriteMessage(writer, "shortDescription", rule.Title.Length > 0 ? rule.Title : rule.Id);
        WriteMessage(writer, "fullDescription", rule.Description.Length > 0 ? rule.Description : rule.Title.Length > 0 ? rule.Title : rule.Id);
        if (rule.HelpText is not null || rule.HelpMarkdown is not null)
        {
            writer.WriteStartObject("help");
            writer.WriteString("text", rule.HelpText ?? rule.Description);
            if (rule.HelpMarkdown is not null)
            {
                writer.WriteString("markdown", rule.HelpMarkdown);
            }

            writer.WriteEndObject();
        }

        if (rule.HelpUri is not null)
        {
            writer.WriteString("helpUri", rule.HelpUri);
        }

        if (rule.DefaultLevel is not null)
        {
            writer.WriteStartObject("defaultConfiguration");
            writer.WriteString("level", rule.DefaultLevel);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("properties");
        if (rule.Category.Length > 0)
        {
            writer.WriteString("category", rule.Category);
        }

        writer.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        if (rule.Precision is not null)
        {
            writer.WriteString("precision", rule.Precision);
        }

        if (rule.SecuritySeverity is not null)
        {
            writer.WriteString("security-severity", rule.SecuritySeverity);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteInvocation(Utf8JsonWriter writer, ReportModel model)
    {
        writer.WriteStartArray("invocations");
        writer.WriteStartObject();
        writer.WriteBoolean("executionSuccessful", model.Logs.All(log => log.Status is LogStatus.Ok or LogStatus.LegacyFormat));
        writer.WriteString("endTimeUtc", Json.Timestamp(model.GeneratedUtc));
        var problems = model.Logs.Where(log => log.Problem is not null).ToList();
        if (problems.Count > 0)
        {
            writer.WriteStartArray("toolExecutionNotifications");
            foreach (var log in problems)
            {
                writer.WriteStartObject();
                writer.WriteString("level", log.Status == LogStatus.LegacyFormat ? "note" : "warning");
                WriteMessage(writer, "message", log.Problem!);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteArtifacts(Utf8JsonWriter writer, ReportModel model)
    {
        if (model.Files.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("artifacts");
        foreach (var file in model.Files)
        {
            writer.WriteStartObject();
            WriteArtifactLocation(writer, "location", file.RelativePath);
            writer.WriteNumber("length", file.Bytes);
            writer.WriteString("sourceLanguage", file.Language);
            writer.WriteStartObject("properties");
            writer.WriteNumber("lines", file.Lines);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteResult(Utf8JsonWriter writer, ReportModel model, Finding finding, int ruleIndex)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.RuleId);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", finding.Level);
        WriteMessage(writer, "message", finding.Message);
        var path = finding.RelativePath ?? model.ProjectRelativePath;
        if (path is not null)
        {
            writer.WriteStartArray("locations");
            writer.WriteStartObject();
            writer.WriteStartObject("physicalLocation");
            WriteArtifactLocation(writer, "artifactLocation", path);
            if (finding.RelativePath is not null && finding.StartLine > 0)
            {
                // Line and column numbers only: region text and snippets are never copied (secret rules included).
                writer.WriteStartObject("region");
                writer.WriteNumber("startLine", finding.StartLine);
                if (finding.StartColumn > 0)
                {
                    writer.WriteNumber("startColumn", finding.StartColumn);
                }

                if (finding.EndLine > 0)
                {
                    writer.WriteNumber("endLine", finding.EndLine);
                }

                if (finding.EndColumn > 0)
                {
                    writer.WriteNumber("endColumn", finding.EndColumn);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndArray();
        }

        if (finding.LineHash is not null)
        {
            writer.WriteStartObject("partialFingerprints");
            writer.WriteString("primaryLocationLineHash", finding.LineHash);
            writer.WriteEndObject();
        }

        writer.WriteStartObject("fingerprints");
        writer.WriteString(Fingerprints.Key, finding.Fingerprint);
        writer.WriteEndObject();
        if (finding.IsSuppressed)
        {
            writer.WriteStartArray("suppressions");
            foreach (var suppression in finding.Suppressions)
            {
                writer.WriteStartObject();
                writer.WriteString("kind", suppression.Kind);
                if (suppression.Justification is not null)
                {
                    writer.WriteString("justification", suppression.Justification);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (model.BaselineApplied && !finding.IsSuppressed)
        {
            writer.WriteString("baselineState", finding.IsBaselined ? "unchanged" : "new");
        }

        writer.WriteStartObject("properties");
        writer.WriteString("category", finding.Category);
        writer.WriteString("language", finding.Language);
        writer.WriteBoolean("baselined", finding.IsBaselined);
        writer.WriteStartArray("projects");
        foreach (var project in finding.Projects)
        {
            writer.WriteStringValue(project);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteArtifactLocation(Utf8JsonWriter writer, string name, string relativePath)
    {
        writer.WriteStartObject(name);
        writer.WriteString("uri", SourceRoot.ToRelativeUri(relativePath));
        writer.WriteString("uriBaseId", SarifLogReader.SourceRootId);
        writer.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary>
    /// "Hard-coded credential (CWE-798)" becomes "HardCodedCredential", "TODO comment" "TodoComment", "SELECT *"
    /// "SelectStar": SARIF rule names are Pascal-case identifiers.
    /// </summary>
    internal static string RuleName(string title)
    {
        var paren = title.IndexOf('(');
        var text = (paren > 0 ? title.Substring(0, paren) : title).Replace("*", " star ");
        var builder = new StringBuilder(text.Length);
        foreach (var word in text.Split(NameSeparators, System.StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new StringBuilder(word.Length);
            foreach (var character in word)
            {
                if (char.IsLetterOrDigit(character))
                {
                    letters.Append(character);
                }
            }

            if (letters.Length == 0)
            {
                continue;
            }

            var part = letters.ToString();
            var isAllUpper = true;
            foreach (var character in part)
            {
                isAllUpper &= !char.IsLower(character);
            }

            builder.Append(char.ToUpperInvariant(part[0])).Append(isAllUpper ? part.Substring(1).ToLowerInvariant() : part.Substring(1));
        }

        return builder.ToString();
    }

    private static readonly char[] NameSeparators = { ' ', '-', '/', '_', '.', ',', ':', '\'', '`' };

    /// <summary>A GUID derived from the correlation id, so every report of one build shares it.</summary>
    internal static string CorrelationGuid(string correlationId)
    {
        if (System.Guid.TryParse(correlationId, out var parsed))
        {
            return parsed.ToString("D");
        }

        var hex = Fingerprints.Hash("correlation:" + correlationId);
        return new System.Guid(hex).ToString("D");
    }

    private static string SemanticVersion(string version)
    {
        var plus = version.IndexOf('+');
        return plus > 0 ? version.Substring(0, plus) : version;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Input;

/// <summary>
/// Reads compiler error logs (SARIF 2.1.0, and the older 1.0.0 shape) and CodeGuardian's own SARIF reports.
/// Never throws for bad input: a missing, empty, truncated or foreign file yields a status and whatever
/// complete results could be salvaged.
/// </summary>
internal static class SarifLogReader
{
    public const string SourceRootId = "%SRCROOT%";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>Strips the compiler's <c>,version=…</c> suffix from an ErrorLog value.</summary>
    public static string PathOf(string errorLogValue)
    {
        var text = errorLogValue.Trim().Trim('"');
        var comma = text.LastIndexOf(',');
        if (comma > 0 && text.Substring(comma + 1).TrimStart().StartsWith("version", StringComparison.OrdinalIgnoreCase))
        {
            text = text.Substring(0, comma);
        }

        return text.Trim().Trim('"');
    }

    public static LogReadResult Read(string path, string displayPath)
    {
        var result = new LogReadResult(displayPath);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                result.Status = LogStatus.Missing;
                result.Problem = $"the compiler log '{displayPath}' does not exist; it is written by the next compilation (build with --no-incremental or touch a source file once)";
                return result;
            }

            bytes = ReadShared(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            result.Status = LogStatus.Invalid;
            result.Problem = $"the compiler log '{displayPath}' could not be read: {exception.GetType().Name}";
            return result;
        }

        var start = 0;
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            start = 3;
        }

        var isBlank = true;
        for (var i = start; i < bytes.Length; i++)
        {
            if (bytes[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                isBlank = false;
                break;
            }
        }

        if (isBlank)
        {
            result.Status = LogStatus.Empty;
            result.Problem = $"the compiler log '{displayPath}' is empty";
            return result;
        }

        var memory = new ReadOnlyMemory<byte>(bytes, start, bytes.Length - start);
        try
        {
            using var document = JsonDocument.Parse(memory, DocumentOptions);
            ReadDocument(document.RootElement, result);
        }
        catch (JsonException)
        {
            Salvage(memory, result);
        }

        return result;
    }

    private static byte[] ReadShared(string path)
    {
        // The compiler of a parallel build may still hold the file; read what is there without locking it.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static void ReadDocument(JsonElement root, LogReadResult result)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            result.Status = LogStatus.Invalid;
            result.Problem = $"'{result.Path}' is not a SARIF log (the root is not an object)";
            return;
        }

        var version = GetString(root, "version");
        result.SarifVersion = version;
        var isLegacy = version is not null && version.StartsWith("1.", StringComparison.Ordinal);
        if (!root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            result.Status = LogStatus.Invalid;
            result.Problem = $"'{result.Path}' is not a SARIF log (no runs)";
            return;
        }

        if (isLegacy)
        {
            result.Status = LogStatus.LegacyFormat;
            result.Problem = $"'{result.Path}' is a SARIF {version} log; it was read, but set the ErrorLog to '<path>,version=2.1' for suppression justifications and rule metadata";
        }
        else if (version is null || !version.StartsWith("2.", StringComparison.Ordinal))
        {
            result.Status = LogStatus.Invalid;
            result.Problem = $"'{result.Path}' has an unknown SARIF version '{version ?? "(none)"}'; results were read on a best-effort basis";
        }

        foreach (var run in runs.EnumerateArray())
        {
            if (run.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (isLegacy)
            {
                ReadLegacyRun(run, result);
            }
            else
            {
                ReadRun(run, result);
            }
        }
    }

    private static void ReadRun(JsonElement run, LogReadResult result)
    {
        if (run.TryGetProperty("tool", out var tool) && tool.TryGetProperty("driver", out var driver) && driver.ValueKind == JsonValueKind.Object)
        {
            result.ToolName ??= GetString(driver, "name");
            result.ToolVersion ??= GetString(driver, "semanticVersion") ?? GetString(driver, "version");
            result.IsCodeGuardianReport |= result.ToolName == RuleCatalog.ToolName;
            if (driver.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    ReadRule(rule, result);
                }
            }
        }

        if (run.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            var seconds = GetDouble(properties, "analyzerExecutionTimeSeconds") ?? GetDouble(properties, "analyzerExecutionTime");
            if (seconds is not null)
            {
                result.AnalyzerExecutionSeconds = (result.AnalyzerExecutionSeconds ?? 0) + seconds.Value;
            }

            if (properties.TryGetProperty("projects", out var projects) && projects.ValueKind == JsonValueKind.Array)
            {
                foreach (var project in projects.EnumerateArray())
                {
                    if (project.ValueKind == JsonValueKind.String)
                    {
                        result.Projects.Add(project.GetString()!);
                    }
                }
            }
        }

        if (run.TryGetProperty("artifacts", out var artifacts) && artifacts.ValueKind == JsonValueKind.Array)
        {
            foreach (var artifact in artifacts.EnumerateArray())
            {
                ReadArtifact(artifact, result);
            }
        }

        if (run.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var element in results.EnumerateArray())
            {
                var finding = ReadResult(element, result.IsCodeGuardianReport);
                if (finding is not null)
                {
                    result.Findings.Add(finding);
                }
            }
        }
    }

    private static void ReadRule(JsonElement rule, LogReadResult result)
    {
        if (rule.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var id = GetString(rule, "id");
        if (string.IsNullOrEmpty(id))
        {
            return;
        }

        var metadata = new RuleMetadata
        {
            Id = id!,
            Title = GetMessage(rule, "shortDescription") ?? "",
            Description = GetMessage(rule, "fullDescription") ?? "",
            HelpUri = GetString(rule, "helpUri"),
        };
        if (rule.TryGetProperty("help", out var help) && help.ValueKind == JsonValueKind.Object)
        {
            metadata.HelpText = GetString(help, "text");
            metadata.HelpMarkdown = GetString(help, "markdown");
        }

        if (rule.TryGetProperty("defaultConfiguration", out var configuration) && configuration.ValueKind == JsonValueKind.Object)
        {
            var level = GetString(configuration, "level");
            metadata.DefaultLevel = level is null ? null : Levels.Normalize(level);
        }

        ReadRuleProperties(rule, metadata);
        AddRule(result, metadata);
    }

    private static void ReadRuleProperties(JsonElement rule, RuleMetadata metadata)
    {
        if (!rule.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        metadata.Category = GetString(properties, "category") ?? "";
        metadata.Precision = GetString(properties, "precision");
        metadata.SecuritySeverity = GetString(properties, "security-severity");
        metadata.ExecutionTimeSeconds = GetDouble(properties, "executionTimeInSeconds");
        if (properties.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } text)
                {
                    metadata.Tags.Add(text);
                }
            }
        }
    }

    private static void AddRule(LogReadResult result, RuleMetadata metadata)
    {
        if (result.Rules.TryGetValue(metadata.Id, out var existing))
        {
            existing.Complete(metadata);
        }
        else
        {
            result.Rules[metadata.Id] = metadata;
        }
    }

    private static void ReadArtifact(JsonElement artifact, LogReadResult result)
    {
        if (artifact.ValueKind != JsonValueKind.Object || !artifact.TryGetProperty("location", out var location))
        {
            return;
        }

        var uri = GetString(location, "uri");
        if (uri is null || GetString(location, "uriBaseId") != SourceRootId)
        {
            return;
        }

        var file = new AnalyzedFile
        {
            RelativePath = Uri.UnescapeDataString(uri),
            Language = GetString(artifact, "sourceLanguage") ?? Languages.FromPath(uri),
            Bytes = (long)(GetDouble(artifact, "length") ?? 0),
        };
        if (artifact.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            file.Lines = (long)(GetDouble(properties, "lines") ?? 0);
        }

        result.Artifacts.Add(file);
    }

    private static Finding? ReadResult(JsonElement element, bool isCodeGuardianReport)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var ruleId = GetString(element, "ruleId");
        if (string.IsNullOrEmpty(ruleId) && element.TryGetProperty("rule", out var ruleReference) && ruleReference.ValueKind == JsonValueKind.Object)
        {
            ruleId = GetString(ruleReference, "id");
        }

        if (string.IsNullOrEmpty(ruleId))
        {
            return null;
        }

        var finding = new Finding
        {
            RuleId = ruleId!,
            Level = Levels.Normalize(GetString(element, "level")),
            Message = GetMessage(element, "message") ?? "",
        };

        if (element.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array)
        {
            foreach (var location in locations.EnumerateArray())
            {
                if (location.ValueKind == JsonValueKind.Object && location.TryGetProperty("physicalLocation", out var physical) && physical.ValueKind == JsonValueKind.Object)
                {
                    if (physical.TryGetProperty("artifactLocation", out var artifact) && artifact.ValueKind == JsonValueKind.Object)
                    {
                        SetPath(finding, GetString(artifact, "uri"), GetString(artifact, "uriBaseId"));
                    }

                    if (physical.TryGetProperty("region", out var region))
                    {
                        ReadRegion(region, finding);
                    }
                }

                break;
            }
        }

        if (element.TryGetProperty("suppressions", out var suppressions) && suppressions.ValueKind == JsonValueKind.Array)
        {
            foreach (var suppression in suppressions.EnumerateArray())
            {
                if (suppression.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                // A rejected suppression (or one still under review) does not hide the result.
                var status = GetString(suppression, "status");
                if (status is "rejected" or "underReview")
                {
                    continue;
                }

                finding.Suppressions.Add(new FindingSuppression { Kind = GetString(suppression, "kind") ?? "inSource", Justification = GetString(suppression, "justification") });
            }
        }

        if (isCodeGuardianReport)
        {
            ReadCodeGuardianProperties(element, finding);
        }

        return finding;
    }

    private static void ReadCodeGuardianProperties(JsonElement element, Finding finding)
    {
        if (element.TryGetProperty("fingerprints", out var fingerprints) && fingerprints.ValueKind == JsonValueKind.Object)
        {
            finding.Fingerprint = GetString(fingerprints, Enrichment.Fingerprints.Key) ?? "";
        }

        if (element.TryGetProperty("partialFingerprints", out var partial) && partial.ValueKind == JsonValueKind.Object)
        {
            finding.LineHash = GetString(partial, "primaryLocationLineHash");
        }

        if (element.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            finding.Category = GetString(properties, "category") ?? "";
            finding.Language = GetString(properties, "language") ?? finding.Language;
            finding.IsBaselined = properties.TryGetProperty("baselined", out var baselined) && baselined.ValueKind == JsonValueKind.True;
            if (properties.TryGetProperty("projects", out var projects) && projects.ValueKind == JsonValueKind.Array)
            {
                foreach (var project in projects.EnumerateArray())
                {
                    if (project.ValueKind == JsonValueKind.String)
                    {
                        finding.Projects.Add(project.GetString()!);
                    }
                }
            }
        }
    }

    private static void SetPath(Finding finding, string? uri, string? uriBaseId)
    {
        if (string.IsNullOrEmpty(uri))
        {
            return;
        }

        if (uriBaseId == SourceRootId)
        {
            finding.RelativePath = Uri.UnescapeDataString(uri);
        }
        else
        {
            // Compiler logs hold absolute file URIs; resolved against the root later.
            finding.AbsolutePath = uri;
        }
    }

    private static void ReadRegion(JsonElement region, Finding finding)
    {
        if (region.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        finding.StartLine = GetInt(region, "startLine");
        finding.StartColumn = GetInt(region, "startColumn");
        finding.EndLine = GetInt(region, "endLine");
        finding.EndColumn = GetInt(region, "endColumn");
    }

    private static void ReadLegacyRun(JsonElement run, LogReadResult result)
    {
        if (run.TryGetProperty("tool", out var tool) && tool.ValueKind == JsonValueKind.Object)
        {
            result.ToolName ??= GetString(tool, "name");
            result.ToolVersion ??= GetString(tool, "semanticVersion") ?? GetString(tool, "version");
        }

        if (run.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in rules.EnumerateObject())
            {
                var rule = property.Value;
                if (rule.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var metadata = new RuleMetadata
                {
                    Id = GetString(rule, "id") ?? property.Name,
                    Title = GetString(rule, "shortDescription") ?? "",
                    Description = GetString(rule, "fullDescription") ?? "",
                    HelpUri = GetString(rule, "helpUri"),
                    DefaultLevel = GetString(rule, "defaultLevel") is { } level ? Levels.Normalize(level) : null,
                };
                ReadRuleProperties(rule, metadata);
                AddRule(result, metadata);
            }
        }

        if (!run.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var element in results.EnumerateArray())
        {
            if (element.ValueKind != JsonValueKind.Object || GetString(element, "ruleId") is not { Length: > 0 } ruleId)
            {
                continue;
            }

            var finding = new Finding
            {
                RuleId = ruleId,
                Level = Levels.Normalize(GetString(element, "level")),
                Message = GetString(element, "message") ?? "",
            };
            if (element.TryGetProperty("locations", out var locations) && locations.ValueKind == JsonValueKind.Array)
            {
                foreach (var location in locations.EnumerateArray())
                {
                    if (location.ValueKind == JsonValueKind.Object && location.TryGetProperty("resultFile", out var file) && file.ValueKind == JsonValueKind.Object)
                    {
                        SetPath(finding, GetString(file, "uri"), null);
                        if (file.TryGetProperty("region", out var region))
                        {
                            ReadRegion(region, finding);
                        }
                    }

                    break;
                }
            }

            if (element.TryGetProperty("suppressionStates", out var states) && states.ValueKind == JsonValueKind.Array)
            {
                foreach (var state in states.EnumerateArray())
                {
                    if (state.ValueKind == JsonValueKind.String)
                    {
                        var text = state.GetString();
                        finding.Suppressions.Add(new FindingSuppression { Kind = text == "suppressedExternally" ? "external" : "inSource" });
                        break;
                    }
                }
            }

            result.Findings.Add(finding);
        }
    }

    /// <summary>
    /// A truncated log (compiler killed, disk full, a concurrent writer): keep every result that was written whole.
    /// </summary>
    private static void Salvage(ReadOnlyMemory<byte> memory, LogReadResult result)
    {
        result.Status = LogStatus.Partial;
        result.Problem = $"the compiler log '{result.Path}' is incomplete or not valid JSON; the complete results in it were used";
        var reader = new Utf8JsonReader(memory.Span, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var isLegacy = false;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                if (reader.CurrentDepth == 1 && reader.ValueTextEquals("version"))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        result.SarifVersion = reader.GetString();
                        isLegacy = result.SarifVersion?.StartsWith("1.", StringComparison.Ordinal) == true;
                    }

                    continue;
                }

                if (reader.CurrentDepth != 3 || !reader.ValueTextEquals("results"))
                {
                    continue;
                }

                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                {
                    using var element = JsonDocument.ParseValue(ref reader);
                    if (isLegacy)
                    {
                        var wrapper = $"{{\"version\":\"1.0.0\",\"runs\":[{{\"results\":[{element.RootElement.GetRawText()}]}}]}}";
                        using var legacy = JsonDocument.Parse(wrapper);
                        foreach (var run in legacy.RootElement.GetProperty("runs").EnumerateArray())
                        {
                            ReadLegacyRun(run, result);
                        }
                    }
                    else if (ReadResult(element.RootElement, result.IsCodeGuardianReport) is { } finding)
                    {
                        result.Findings.Add(finding);
                    }
                }
            }
        }
        catch (JsonException)
        {
            // The truncation point: everything before it has been taken.
        }
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? GetMessage(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => GetString(value, "text") ?? GetString(value, "markdown"),
            _ => null,
        };
    }

    private static int GetInt(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0 ? number : 0;

    private static double? GetDouble(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
        {
            return number;
        }

        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return null;
    }
}

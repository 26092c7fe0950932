using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CodeGuardian.Build.Model;

/// <summary>
/// Report-only knowledge about CodeGuardian rules that descriptors do not carry: precision, the GitHub
/// security-severity score, and the category of an ID when a log lacks it. The task does not reference the
/// analyzers, so this table is keyed by rule ID (IDs never change meaning).
/// </summary>
internal static class RuleCatalog
{
    public const string ToolName = "CodeGuardian";
    public const string InformationUri = "https://github.com/codeguardian-analyzers/CodeGuardian.Analyzers";
    public const string HelpUriBase = InformationUri + "/blob/main/docs/rules/";
    public const string SecurityCategory = "CodeGuardian.Security";

    /// <summary>Rules whose findings are about secret values: no code text, snippet or line-derived hash leaves the task for them.</summary>
    public static bool IsSecretRule(string ruleId) => ruleId == "CG4007" || ruleId == "CG4008";

    public static bool IsCodeGuardianRule(string ruleId) =>
        ruleId.Length >= 3 && ruleId.StartsWith("CG", StringComparison.Ordinal) && char.IsDigit(ruleId[2]);

    // Scores follow CVSS v3 base scores of the weakness class as GitHub's buckets read them:
    // >= 9.0 critical, >= 7.0 high, >= 4.0 medium, otherwise low.
    private static readonly Dictionary<string, string> SecuritySeverities = new(StringComparer.Ordinal)
    {
        ["CG4001"] = "8.8", // SQL injection
        ["CG4002"] = "9.8", // OS command injection
        ["CG4003"] = "6.1", // XSS
        ["CG4004"] = "8.8", // dynamic code execution
        ["CG4005"] = "7.5", // path traversal
        ["CG4006"] = "9.8", // unsafe deserialization
        ["CG4007"] = "7.5", // hard-coded credential
        ["CG4008"] = "9.1", // known secret token
        ["CG4009"] = "5.9", // weak hash
        ["CG4010"] = "7.5", // weak cipher
        ["CG4011"] = "5.3", // insecure randomness
        ["CG4012"] = "7.4", // TLS validation disabled
        ["CG4013"] = "3.7", // unsafe Rust (review)
        ["CG4014"] = "5.3", // debug mode in production
        ["CG4015"] = "6.5", // over-broad grant
        ["CG4016"] = "6.1", // bidirectional control characters
    };

    // How often a finding of the rule is a true positive, in SARIF's words.
    private static readonly Dictionary<string, string> Precisions = new(StringComparer.Ordinal)
    {
        ["CG1001"] = "very-high",
        ["CG1002"] = "very-high",
        ["CG1003"] = "very-high",
        ["CG1004"] = "high",
        ["CG1005"] = "very-high",
        ["CG1006"] = "medium",
        ["CG1007"] = "high",
        ["CG2001"] = "high",
        ["CG2002"] = "very-high",
        ["CG2003"] = "high",
        ["CG2004"] = "medium",
        ["CG2005"] = "high",
        ["CG3001"] = "very-high",
        ["CG3002"] = "high",
        ["CG3003"] = "very-high",
        ["CG3004"] = "high",
        ["CG3005"] = "very-high",
        ["CG4001"] = "high",
        ["CG4002"] = "high",
        ["CG4003"] = "high",
        ["CG4004"] = "high",
        ["CG4005"] = "medium",
        ["CG4006"] = "very-high",
        ["CG4007"] = "medium",
        ["CG4008"] = "very-high",
        ["CG4009"] = "high",
        ["CG4010"] = "high",
        ["CG4011"] = "medium",
        ["CG4012"] = "very-high",
        ["CG4013"] = "very-high",
        ["CG4014"] = "high",
        ["CG4015"] = "very-high",
        ["CG4016"] = "very-high",
        ["CG5001"] = "medium",
        ["CG5002"] = "very-high",
        ["CG5003"] = "high",
        ["CG6001"] = "medium",
        ["CG9001"] = "very-high",
        ["CG9002"] = "very-high",
        ["CG9100"] = "medium",
    };

    /// <summary>The category an ID range belongs to (see the rule catalog); empty for IDs that are not ours.</summary>
    public static string CategoryOf(string ruleId)
    {
        if (!IsCodeGuardianRule(ruleId))
        {
            return "";
        }

        return ruleId[2] switch
        {
            '1' => "CodeGuardian.Maintainability",
            '2' => "CodeGuardian.Production",
            '3' => "CodeGuardian.Reliability",
            '4' => SecurityCategory,
            '5' => "CodeGuardian.Performance",
            '6' => "CodeGuardian.Dependencies",
            '9' => "CodeGuardian.Configuration",
            _ => "",
        };
    }

    /// <summary>"CodeGuardian.Security" becomes "security"; other categories are lower-cased as they are.</summary>
    public static string ShortCategory(string category)
    {
        if (category.Length == 0)
        {
            return "other";
        }

        var dot = category.LastIndexOf('.');
        return (dot >= 0 ? category.Substring(dot + 1) : category).ToLowerInvariant();
    }

    /// <summary>Fills precision, security severity, category, tags, help link and docs for a rule.</summary>
    public static void Enrich(RuleMetadata rule, string? docsDirectory)
    {
        if (rule.Category.Length == 0)
        {
            rule.Category = CategoryOf(rule.Id);
        }

        if (!IsCodeGuardianRule(rule.Id))
        {
            // Other tools' rules keep their metadata; GitHub still requires a help text.
            rule.HelpText ??= HelpFallback(rule);
            return;
        }

        if (Precisions.TryGetValue(rule.Id, out var precision))
        {
            rule.Precision ??= precision;
        }

        rule.HelpUri ??= HelpUriBase + rule.Id + ".md";
        var shortCategory = ShortCategory(rule.Category);
        rule.Tags.Add(shortCategory);
        if (rule.Category == SecurityCategory)
        {
            rule.Tags.Add("security");
            if (SecuritySeverities.TryGetValue(rule.Id, out var score))
            {
                rule.SecuritySeverity ??= score;
            }
        }

        // GitHub shows CWE tags written as external/cwe/cwe-NNN.
        var cweTags = new List<string>();
        foreach (var tag in rule.Tags)
        {
            if (tag.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
            {
                cweTags.Add("external/cwe/cwe-" + tag.Substring(4));
            }
        }

        foreach (var tag in cweTags)
        {
            rule.Tags.Add(tag);
        }

        if (docsDirectory is not null && rule.HelpMarkdown is null)
        {
            LoadDocs(rule, docsDirectory);
        }

        rule.HelpText ??= HelpFallback(rule);
    }

    private static string HelpFallback(RuleMetadata rule)
    {
        var text = rule.Description.Length > 0 ? rule.Description : rule.Title.Length > 0 ? rule.Title : rule.Id;
        return rule.HelpUri is null ? text : text + " See " + rule.HelpUri;
    }

    private const int MaxHelpLength = 32 * 1024;

    private static void LoadDocs(RuleMetadata rule, string docsDirectory)
    {
        try
        {
            var path = Path.Combine(docsDirectory, rule.Id + ".md");
            if (!File.Exists(path))
            {
                return;
            }

            var markdown = File.ReadAllText(path, Encoding.UTF8).Replace("\r\n", "\n");
            if (markdown.Length > MaxHelpLength)
            {
                markdown = markdown.Substring(0, MaxHelpLength) + "\n\n(truncated)\n";
            }

            rule.HelpMarkdown = markdown;
            rule.HelpText = MarkdownToText(markdown);
        }
        catch (IOException)
        {
            // Docs are a nicety: a missing or locked page leaves the help from the descriptor.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>A readable plain-text form of a docs page: heading marks, emphasis and table rules removed, code kept.</summary>
    internal static string MarkdownToText(string markdown)
    {
        var builder = new StringBuilder(markdown.Length);
        foreach (var rawLine in markdown.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("|", StringComparison.Ordinal))
            {
                var cells = line.Trim('|').Split('|');
                var isRule = true;
                foreach (var cell in cells)
                {
                    if (cell.Trim().Trim('-', ':').Length > 0)
                    {
                        isRule = false;
                    }
                }

                if (isRule)
                {
                    continue;
                }

                var parts = new List<string>();
                foreach (var cell in cells)
                {
                    parts.Add(cell.Trim());
                }

                line = string.Join(": ", parts);
            }

            line = line.TrimStart('#', ' ');
            line = line.Replace("**", "").Replace("`", "");
            builder.Append(line).Append('\n');
        }

        return builder.ToString().Trim() + "\n";
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Configuration.CustomRules;

/// <summary>
/// The rules of one <c>codeguardian.rules.json</c>, validated once per compilation: each rule whose fields,
/// pattern or examples are wrong is dropped with a <see cref="ConfigurationProblem"/> at its line (CG9001),
/// and the other rules still run.
/// </summary>
public sealed class CustomRuleSet
{
    public const string FileName = "codeguardian.rules.json";

    /// <summary>Each match attempt of a custom pattern may take at most this long; then the rule stops for that file.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    public static readonly CustomRuleSet Empty = new(string.Empty, ImmutableArray<CustomRule>.Empty, new List<ConfigurationProblem>());

    private CustomRuleSet(string directory, ImmutableArray<CustomRule> rules, List<ConfigurationProblem> problems)
    {
        Directory = directory;
        Rules = rules;
        Problems = problems;
    }

    /// <summary>Folder of the rules file, '/'-normalized with a trailing '/'; <c>files</c> globs are relative to it.</summary>
    public string Directory { get; }

    public ImmutableArray<CustomRule> Rules { get; }

    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    public static bool IsRulesFile(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        return normalized.Substring(slash + 1).Equals(FileName, StringComparison.OrdinalIgnoreCase);
    }

    public static CustomRuleSet Load(string path, string text)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var directory = slash < 0 ? string.Empty : normalized.Substring(0, slash + 1);
        var problems = new List<ConfigurationProblem>();
        var rules = ImmutableArray.CreateBuilder<CustomRule>();
        var root = JsonReader.Parse(text, out var error, out var errorLine);
        if (root is null)
        {
            problems.Add(new ConfigurationProblem(errorLine, $"{FileName} is not valid JSON: {error}"));
            return new CustomRuleSet(directory, rules.ToImmutable(), problems);
        }

        var list = root.Kind == JsonKind.Object ? root.Get("rules") : null;
        if (list is null || list.Kind != JsonKind.Array)
        {
            problems.Add(new ConfigurationProblem(root.Line, $"{FileName} must be an object with a \"rules\" array"));
            return new CustomRuleSet(directory, rules.ToImmutable(), problems);
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list.Items)
        {
            var rule = LoadRule(item, seen, out var problem);
            if (problem is not null)
            {
                problems.Add(new ConfigurationProblem(item.Line, problem));
            }
            else if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return new CustomRuleSet(directory, rules.ToImmutable(), problems);
    }

    /// <summary>Whether <paramref name="rule"/> applies to the file at <paramref name="path"/> of <paramref name="language"/>.</summary>
    public bool AppliesTo(CustomRule rule, string path, TextLanguage language)
    {
        if (!rule.Languages.IsEmpty && rule.Languages.IndexOf(language) < 0)
        {
            return false;
        }

        if (rule.Files.IsEmpty)
        {
            return true;
        }

        var normalized = path.Replace('\\', '/');
        if (!normalized.StartsWith(Directory, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var relative = normalized.Substring(Directory.Length);
        foreach (var glob in rule.Files)
        {
            if (glob.IsMatch(relative))
            {
                return true;
            }
        }

        return false;
    }

    private static CustomRule? LoadRule(JsonValue item, HashSet<string> seen, out string? problem)
    {
        problem = null;
        if (item.Kind != JsonKind.Object)
        {
            problem = "each entry of \"rules\" must be an object";
            return null;
        }

        var id = StringOf(item, "id");
        var label = id is null ? "a custom rule" : $"custom rule '{id}'";
        if (string.IsNullOrWhiteSpace(id))
        {
            problem = "a custom rule has no \"id\"";
            return null;
        }

        if (!seen.Add(id!))
        {
            problem = $"{label} is defined twice";
            return null;
        }

        var enabled = item.Get("enabled");
        if (enabled is not null && (enabled.Kind != JsonKind.Boolean))
        {
            problem = $"{label}: \"enabled\" must be true or false";
            return null;
        }

        if (enabled?.Text == "false")
        {
            return null;
        }

        var name = StringOf(item, "name");
        var message = StringOf(item, "message");
        var patternText = StringOf(item, "pattern");
        foreach (var (field, value) in new[] { ("name", name), ("message", message), ("pattern", patternText) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problem = $"{label} has no \"{field}\" (a non-empty string is required)";
                return null;
            }
        }

        Regex pattern;
        try
        {
            pattern = new Regex(patternText!, RegexOptions.CultureInvariant | RegexOptions.Multiline, MatchTimeout);
        }
        catch (ArgumentException exception)
        {
            problem = $"{label}: the pattern is not a valid .NET regular expression ({exception.Message})";
            return null;
        }

        var languages = ImmutableArray.CreateBuilder<TextLanguage>();
        var languagesValue = item.Get("languages");
        if (languagesValue is not null)
        {
            if (!TryStrings(languagesValue, out var names))
            {
                problem = $"{label}: \"languages\" must be an array of strings";
                return null;
            }

            foreach (var languageName in names)
            {
                var language = ParseLanguage(languageName);
                if (language == TextLanguage.Unknown)
                {
                    problem = languageName.Equals("cs", StringComparison.OrdinalIgnoreCase)
                        ? $"{label}: custom rules do not scan C# files (\"cs\"); use js, ts, py, sql, rs or cfg"
                        : $"{label}: unknown language '{languageName}' (use js, ts, py, sql, rs or cfg)";
                    return null;
                }

                languages.Add(language);
            }
        }

        var files = ImmutableArray.CreateBuilder<GlobPattern>();
        var filesValue = item.Get("files");
        if (filesValue is not null)
        {
            if (!TryStrings(filesValue, out var globs))
            {
                problem = $"{label}: \"files\" must be an array of glob strings";
                return null;
            }

            foreach (var globText in globs)
            {
                var glob = GlobPattern.TryCreate(globText);
                if (glob is null)
                {
                    problem = $"{label}: '{globText}' is not a valid glob";
                    return null;
                }

                files.Add(glob);
            }
        }

        var scope = CustomRuleScope.Code;
        var scopeText = StringOf(item, "scope");
        if (item.Get("scope") is not null)
        {
            switch (scopeText?.ToLowerInvariant())
            {
                case "code": scope = CustomRuleScope.Code; break;
                case "comment": scope = CustomRuleScope.Comment; break;
                case "string": scope = CustomRuleScope.String; break;
                case "any": scope = CustomRuleScope.Any; break;
                default:
                    problem = $"{label}: \"scope\" must be \"code\", \"comment\", \"string\" or \"any\"";
                    return null;
            }
        }

        Microsoft.CodeAnalysis.DiagnosticSeverity? severity = null;
        var hasSeverity = false;
        if (item.Get("severity") is not null)
        {
            var severityText = StringOf(item, "severity");
            if (severityText is null || !SeverityResolver.TryParse(severityText, out severity))
            {
                problem = $"{label}: \"severity\" must be error, warning, suggestion, silent or none";
                return null;
            }

            hasSeverity = true;
        }

        var category = StringOf(item, "category");
        var rule = new CustomRule(id!, name!, message!, pattern, languages.ToImmutable(), files.ToImmutable(), scope, hasSeverity, severity, category);
        problem = CheckExamples(rule, item, label);
        return problem is null ? rule : null;
    }

    private static string? CheckExamples(CustomRule rule, JsonValue item, string label)
    {
        var examples = item.Get("examples");
        if (examples is null)
        {
            return null;
        }

        if (examples.Kind != JsonKind.Object)
        {
            return $"{label}: \"examples\" must be an object with \"match\" and \"noMatch\" arrays";
        }

        try
        {
            if (examples.Get("match") is { } match)
            {
                if (!TryStrings(match, out var samples))
                {
                    return $"{label}: \"examples.match\" must be an array of strings";
                }

                foreach (var sample in samples)
                {
                    if (!rule.Pattern.IsMatch(sample))
                    {
                        return $"{label}: the pattern does not match its example \"{Shorten(sample)}\"";
                    }
                }
            }

            if (examples.Get("noMatch") is { } noMatch)
            {
                if (!TryStrings(noMatch, out var samples))
                {
                    return $"{label}: \"examples.noMatch\" must be an array of strings";
                }

                foreach (var sample in samples)
                {
                    if (rule.Pattern.IsMatch(sample))
                    {
                        return $"{label}: the pattern matches its counter-example \"{Shorten(sample)}\"";
                    }
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return $"{label}: the pattern takes longer than {MatchTimeout.TotalMilliseconds} ms on an example (catastrophic backtracking?)";
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";

    private static TextLanguage ParseLanguage(string name) => name.Trim().ToLowerInvariant() switch
    {
        "js" or "ts" or "javascript" or "typescript" => TextLanguage.JavaScript,
        "py" or "python" => TextLanguage.Python,
        "sql" => TextLanguage.Sql,
        "rs" or "rust" => TextLanguage.Rust,
        "cfg" or "config" => TextLanguage.Config,
        _ => TextLanguage.Unknown,
    };

    private static string? StringOf(JsonValue item, string name) =>
        item.Get(name) is { Kind: JsonKind.String } value ? value.Text : null;

    private static bool TryStrings(JsonValue value, out List<string> strings)
    {
        strings = new List<string>();
        if (value.Kind == JsonKind.String)
        {
            strings.Add(value.Text);
            return true;
        }

        if (value.Kind != JsonKind.Array)
        {
            return false;
        }

        foreach (var entry in value.Items)
        {
            if (entry.Kind != JsonKind.String)
            {
                return false;
            }

            strings.Add(entry.Text);
        }

        return true;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Reflection;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>One configuration mistake: what is wrong, and the 0-based line of the file that holds it.</summary>
public readonly struct ConfigurationProblem
{
    public ConfigurationProblem(int line, string message)
    {
        Line = line;
        Message = message;
    }

    public int Line { get; }

    public string Message { get; }
}

/// <summary>
/// Checks <c>codeguardian.*</c> and <c>dotnet_diagnostic.CG*</c> keys against <see cref="OptionDefinitions"/>:
/// unknown option names (with a "did you mean"), unknown rule IDs, and values of the wrong type (CG9001).
/// Never throws; the analysis goes on with the defaults for every rejected value.
/// </summary>
public static class ConfigurationValidator
{
    private static readonly HashSet<string> KnownRuleIds = CollectRuleIds();

    public static bool IsKnownRuleId(string id) => KnownRuleIds.Contains(id);

    public static List<ConfigurationProblem> Validate(IReadOnlyList<EditorConfigEntry> entries)
    {
        var problems = new List<ConfigurationProblem>();
        foreach (var entry in entries)
        {
            var message = Check(entry.Key, entry.Value);
            if (message is not null)
            {
                problems.Add(new ConfigurationProblem(entry.Line, message));
            }
        }

        return problems;
    }

    /// <summary>The problem with one <c>key = value</c>, or null when it is valid or not ours.</summary>
    public static string? Check(string key, string value)
    {
        if (key.StartsWith("dotnet_diagnostic.", StringComparison.OrdinalIgnoreCase))
        {
            return CheckDiagnosticKey(key, value);
        }

        if (!key.StartsWith(RuleOptions.Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = key.Substring(RuleOptions.Prefix.Length);
        string? ruleId = null;
        var optionName = rest;
        var dot = rest.IndexOf('.');
        if (dot > 0 && LooksLikeRuleId(rest.Substring(0, dot)))
        {
            ruleId = rest.Substring(0, dot).ToUpperInvariant();
            optionName = rest.Substring(dot + 1);
            if (!KnownRuleIds.Contains(ruleId))
            {
                return $"'{key}' names the rule {ruleId}, which does not exist";
            }
        }

        var definition = OptionDefinitions.Find(optionName);
        if (definition is null)
        {
            var suggestion = Suggest(optionName);
            return suggestion is null
                ? $"'{key}' is not a known CodeGuardian option"
                : $"'{key}' is not a known CodeGuardian option; did you mean '{suggestion}'?";
        }

        if (ruleId is null && !definition.AllowsGlobalName)
        {
            return $"'{key}' must name a rule: codeguardian.<ID>.{definition.Name}";
        }

        if (ruleId is not null && !definition.AppliesTo(ruleId))
        {
            return $"'{key}': rule {ruleId} has no option '{definition.Name}' (it applies to {string.Join(", ", definition.RuleIds)})";
        }

        return CheckValue(key, value, definition);
    }

    private static string? CheckDiagnosticKey(string key, string value)
    {
        // dotnet_diagnostic.<ID>.severity; only our IDs are checked.
        var rest = key.Substring("dotnet_diagnostic.".Length);
        var dot = rest.IndexOf('.');
        var id = dot < 0 ? rest : rest.Substring(0, dot);
        if (!LooksLikeRuleId(id))
        {
            return null;
        }

        id = id.ToUpperInvariant();
        if (!KnownRuleIds.Contains(id))
        {
            return $"'{key}' names the rule {id}, which does not exist";
        }

        var property = dot < 0 ? string.Empty : rest.Substring(dot + 1);
        if (!property.Equals("severity", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return IsSeverity(value) ? null : $"'{value}' is not a severity for '{key}' (use error, warning, suggestion, silent or none)";
    }

    private static string? CheckValue(string key, string value, OptionDefinition definition)
    {
        switch (definition.Type)
        {
            case OptionType.Severity:
                return IsSeverity(value) ? null : $"'{value}' is not a severity for '{key}' (use error, warning, suggestion, silent or none)";
            case OptionType.Boolean:
                return value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"'{value}' is not a boolean for '{key}' (use true or false; the default {definition.DefaultValue} applies)";
            case OptionType.PositiveInteger:
                return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
                    ? null
                    : $"'{value}' is not a positive whole number for '{key}' (the default {definition.DefaultValue} applies)";
            case OptionType.Choice:
                foreach (var allowed in definition.AllowedValues)
                {
                    if (allowed.Equals(value, StringComparison.OrdinalIgnoreCase))
                    {
                        return null;
                    }
                }

                return $"'{value}' is not a valid value for '{key}' (use one of {string.Join(", ", definition.AllowedValues)})";
            case OptionType.Regex:
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(value, System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
                    return null;
                }
                catch (ArgumentException exception)
                {
                    return $"'{key}' is not a valid regular expression ({exception.Message}); it is ignored";
                }

            default:
                return null;
        }
    }

    public static bool IsSeverity(string value) =>
        SeverityResolver.TryParse(value, out _) || value.Trim().Equals("default", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeRuleId(string text)
    {
        if (text.Length != 6 || !(text[0] is 'c' or 'C') || !(text[1] is 'g' or 'G'))
        {
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (text[i] is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The known option closest to a misspelled name (edit distance at most 2), or null.</summary>
    private static string? Suggest(string name)
    {
        string? best = null;
        var bestDistance = 3;
        foreach (var definition in OptionDefinitions.All)
        {
            var distance = EditDistance(name.ToLowerInvariant(), definition.Name, bestDistance);
            if (distance < bestDistance)
            {
                best = definition.Name;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static int EditDistance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) >= limit || a.Length > 64)
        {
            return limit;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static HashSet<string> CollectRuleIds()
    {
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var field in typeof(RuleIdentifiers).GetTypeInfo().DeclaredFields)
        {
            if (field.IsLiteral && field.GetRawConstantValue() is string id)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}

using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Reads rule options with one naming scheme: <c>codeguardian.&lt;ID&gt;.&lt;option&gt;</c>, falling back to
/// <c>codeguardian.&lt;option&gt;</c>. Options are per file, so <c>.editorconfig</c> sections apply to C# and
/// text files alike.
/// </summary>
public readonly struct RuleOptions
{
    public const string Prefix = "codeguardian.";

    internal static readonly char[] ListSeparators = { ',', ';', ' ' };

    private readonly AnalyzerConfigOptions? _options;

    public RuleOptions(AnalyzerConfigOptions options) => _options = options;

    public static RuleOptions For(AnalyzerOptions options, SyntaxTree tree) =>
        new(options.AnalyzerConfigOptionsProvider.GetOptions(tree));

    public static RuleOptions For(AnalyzerOptions options, AdditionalText file) =>
        new(options.AnalyzerConfigOptionsProvider.GetOptions(file));

    public AnalyzerConfigOptions? Raw => _options;

    public bool TryGetValue(string ruleId, string option, out string value) =>
        TryGetValueByKeys(OptionKeys.Rule(ruleId, option), OptionKeys.Of(Prefix, option, string.Empty), out value);

    /// <summary>The trimmed value of one full key (<c>codeguardian.CG2001.severity</c>).</summary>
    internal bool TryGetValueOfKey(string key, out string value)
    {
        if (_options is not null && _options.TryGetValue(key, out var raw) && raw is not null)
        {
            value = raw.Trim();
            return true;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>
    /// <see cref="TryGetValue(string, string, out string)"/> with the two keys already built
    /// (<c>codeguardian.&lt;ID&gt;.&lt;option&gt;</c>, then <c>codeguardian.&lt;option&gt;</c>).
    /// </summary>
    internal bool TryGetValueByKeys(string ruleKey, string generalKey, out string value) =>
        TryGetValueOfKey(ruleKey, out value) || TryGetValueOfKey(generalKey, out value);

    public bool GetBool(string ruleId, string option, bool defaultValue)
    {
        if (!TryGetValue(ruleId, option, out var text))
        {
            return defaultValue;
        }

        return text.Equals("true", StringComparison.OrdinalIgnoreCase) ? true
            : text.Equals("false", StringComparison.OrdinalIgnoreCase) ? false
            : defaultValue;
    }

    /// <summary>A comma/semicolon/space separated list, empty when the option is absent.</summary>
    public string[] GetList(string ruleId, string option)
    {
        if (!TryGetValue(ruleId, option, out var text) || text.Length == 0)
        {
            return Array.Empty<string>();
        }

        return text.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Reads a build property the package passes to the compiler (<c>build_property.X</c>).</summary>
    public bool TryGetBuildProperty(string name, out string value)
    {
        value = string.Empty;
        if (_options is not null && _options.TryGetValue("build_property." + name, out var raw) && raw is not null)
        {
            value = raw.Trim();
            return value.Length > 0;
        }

        return false;
    }
}

using System.Collections.Concurrent;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Option keys built once (<c>codeguardian.CG2001.severity</c>, <c>dotnet_diagnostic.CG2001.severity</c> …): every
/// rule asks for its keys for every file, and concatenating them each time was most of the per-file allocation of a
/// text scan. Keys come from rule IDs, categories and option names, so the set is small and bounded.
/// </summary>
internal static class OptionKeys
{
    private static readonly ConcurrentDictionary<(string Prefix, string Middle, string Suffix), string> Keys = new();
    private static readonly ConcurrentDictionary<(string RuleId, string Option), string> RuleKeys = new();

    /// <summary><c>codeguardian.&lt;ruleId&gt;.&lt;option&gt;</c>.</summary>
    public static string Rule(string ruleId, string option)
    {
        var parts = (ruleId, option);
        if (!RuleKeys.TryGetValue(parts, out var key))
        {
            key = RuleOptions.Prefix + ruleId + "." + option;
            RuleKeys.TryAdd(parts, key);
        }

        return key;
    }

    public static string Of(string prefix, string middle, string suffix)
    {
        var parts = (prefix, middle, suffix);
        if (!Keys.TryGetValue(parts, out var key))
        {
            key = prefix + middle + suffix;
            Keys.TryAdd(parts, key);
        }

        return key;
    }
}

using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>The type of an option's value, which decides how CG9001 validates it.</summary>
public enum OptionType
{
    /// <summary>An editorconfig severity word: error, warning, suggestion, silent, none, default …</summary>
    Severity,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A positive whole number.</summary>
    PositiveInteger,

    /// <summary>A comma/semicolon/space separated list of words.</summary>
    List,

    /// <summary>One of <see cref="OptionDefinition.AllowedValues"/>.</summary>
    Choice,

    /// <summary>A .NET regular expression (run with a time limit).</summary>
    Regex,
}

/// <summary>
/// One option: <c>codeguardian.&lt;ID&gt;.&lt;Name&gt;</c> for each rule in <see cref="RuleIds"/> (any rule when
/// empty), and <c>codeguardian.&lt;Name&gt;</c> when <see cref="AllowsGlobalName"/>.
/// </summary>
public sealed class OptionDefinition
{
    public OptionDefinition(string name, OptionType type, string defaultValue, ImmutableArray<string> ruleIds, bool allowsGlobalName, string description, params string[] allowedValues)
    {
        Name = name;
        Type = type;
        DefaultValue = defaultValue;
        RuleIds = ruleIds;
        AllowsGlobalName = allowsGlobalName;
        Description = description;
        AllowedValues = allowedValues.ToImmutableArray();
    }

    public string Name { get; }

    public OptionType Type { get; }

    public string DefaultValue { get; }

    /// <summary>The rules that read the option; empty means every rule.</summary>
    public ImmutableArray<string> RuleIds { get; }

    public bool AllowsGlobalName { get; }

    public string Description { get; }

    public ImmutableArray<string> AllowedValues { get; }

    public bool AppliesTo(string ruleId)
    {
        if (RuleIds.IsEmpty)
        {
            return true;
        }

        foreach (var id in RuleIds)
        {
            if (id.Equals(ruleId, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Every <c>codeguardian.*</c> option any rule reads, with its type and default: the list CG9001 checks option
/// names and values against (a name not here is a typo), and the list the documentation test checks.
/// Add an option here when a rule starts reading it.
/// </summary>
public static class OptionDefinitions
{
    public static readonly ImmutableArray<OptionDefinition> All = ImmutableArray.Create(
        new OptionDefinition(
            "severity", OptionType.Severity, "the rule's default", ImmutableArray<string>.Empty, allowsGlobalName: false,
            "The rule's severity below the user's dotnet_diagnostic settings (what the environment presets set)."),
        new OptionDefinition(
            "include_tests", OptionType.Boolean, "false",
            ImmutableArray.Create(RuleIdentifiers.DebugOutput, RuleIdentifiers.DevelopmentEndpoint, RuleIdentifiers.HardCodedCredential),
            allowsGlobalName: true, "Also report test projects and test files."),
        new OptionDefinition(
            "include_sync_contexts", OptionType.Boolean, "false", ImmutableArray.Create(RuleIdentifiers.BlockingOnAsync),
            allowsGlobalName: true, "Also report blocking calls in code that is not async."),
        new OptionDefinition(
            "allowlist", OptionType.Regex, "", ImmutableArray.Create(RuleIdentifiers.KnownSecretToken),
            allowsGlobalName: false, "Values matching this regular expression are not reported as secrets."),
        new OptionDefinition(
            "tags", OptionType.List, "",
            ImmutableArray.Create(RuleIdentifiers.TodoComment, RuleIdentifiers.FixmeComment, RuleIdentifiers.HackComment, RuleIdentifiers.BugComment),
            allowsGlobalName: false, "Extra task tags reported by the rule."),
        new OptionDefinition(
            "max_file_size", OptionType.PositiveInteger, "2097152", ImmutableArray.Create(RuleIdentifiers.FileSkipped),
            allowsGlobalName: true, "Text files with more characters are not scanned and reported with CG9002."),
        new OptionDefinition(
            "analysis_mode", OptionType.Choice, "Default", ImmutableArray<string>.Empty, allowsGlobalName: true,
            "The environment preset's analysis mode (set by the presets).", "None", "Default", "All"),
        new OptionDefinition(
            "environment", OptionType.Choice, "Development", ImmutableArray<string>.Empty, allowsGlobalName: true,
            "The environment profile of the preset (set by the presets).", "Development", "Staging", "Production"));

    public static OptionDefinition? Find(string name)
    {
        foreach (var definition in All)
        {
            if (definition.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return definition;
            }
        }

        return null;
    }
}

using System;
using Microsoft.CodeAnalysis;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>The environments a team builds for; chosen with <c>CodeGuardianEnvironment</c>.</summary>
public enum EnvironmentProfile
{
    Development,
    Staging,
    Production,
}

/// <summary><c>CodeGuardianAnalysisMode</c>: None turns every rule off, All enables every rule at least as a warning.</summary>
public enum AnalysisMode
{
    None,
    Default,
    All,
}

/// <summary>
/// The severity policy of each environment, the single source of the shipped presets
/// (<c>nuget/build/presets/*.globalconfig</c>) and of the table in docs/configuration.md; a test regenerates and
/// compares both. Staging is the descriptors' own defaults; Development quiets what is normal while coding;
/// Production turns what must not ship into errors.
/// </summary>
public static class EnvironmentProfiles
{
    /// <summary>The profile used when neither the property nor the environment variable names one.</summary>
    public const EnvironmentProfile DefaultProfile = EnvironmentProfile.Staging;

    /// <summary>Severity of <paramref name="descriptor"/> in a profile and mode; null means off.</summary>
    public static DiagnosticSeverity? SeverityOf(DiagnosticDescriptor descriptor, EnvironmentProfile profile, AnalysisMode mode)
    {
        if (mode == AnalysisMode.None)
        {
            return null;
        }

        var severity = profile switch
        {
            EnvironmentProfile.Development => Development(descriptor),
            EnvironmentProfile.Production => Production(descriptor),
            _ => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
        };

        if (mode == AnalysisMode.All && (severity is null || severity < DiagnosticSeverity.Warning))
        {
            severity = DiagnosticSeverity.Warning;
        }

        return severity;
    }

    private static DiagnosticSeverity? Development(DiagnosticDescriptor descriptor)
    {
        switch (descriptor.Category)
        {
            case RuleCategories.Maintainability:
            case RuleCategories.Production:
            case RuleCategories.Performance:
                return DiagnosticSeverity.Info;
            case RuleCategories.Configuration:
                return descriptor.DefaultSeverity;
            default:
                return descriptor.Id == RuleIdentifiers.UnsafeRust ? DiagnosticSeverity.Info : DiagnosticSeverity.Warning;
        }
    }

    private static DiagnosticSeverity? Production(DiagnosticDescriptor descriptor)
    {
        switch (descriptor.Id)
        {
            // Markers of unfinished work are tracked, not blocking; placeholders and pasted chat text are blocking.
            case RuleIdentifiers.TodoComment:
            case RuleIdentifiers.FixmeComment:
            case RuleIdentifiers.HackComment:
            case RuleIdentifiers.BugComment:
            case RuleIdentifiers.UnsafeRust:
            case RuleIdentifiers.QueryInLoop:
            case RuleIdentifiers.SelectStar:
                return DiagnosticSeverity.Warning;
        }

        return descriptor.Category switch
        {
            RuleCategories.Configuration => descriptor.DefaultSeverity,
            RuleCategories.Reliability => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Error,
        };
    }

    public static bool TryParse(string? text, out EnvironmentProfile profile)
    {
        profile = DefaultProfile;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        switch (text!.Trim().ToLowerInvariant())
        {
            case "development":
            case "dev":
                profile = EnvironmentProfile.Development;
                return true;
            case "staging":
            case "stage":
                profile = EnvironmentProfile.Staging;
                return true;
            case "production":
            case "prod":
                profile = EnvironmentProfile.Production;
                return true;
            default:
                return false;
        }
    }

    public static string SeverityWord(DiagnosticSeverity? severity) => severity switch
    {
        null => "none",
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };

    /// <summary>File name of the preset for a profile and mode (None has one preset for every profile).</summary>
    public static string PresetFileName(EnvironmentProfile profile, AnalysisMode mode) => mode switch
    {
        AnalysisMode.None => "CodeGuardian.None.globalconfig",
        AnalysisMode.All => $"CodeGuardian.{profile}.All.globalconfig",
        _ => $"CodeGuardian.{profile}.globalconfig",
    };

    public static EnvironmentProfile[] AllProfiles { get; } = (EnvironmentProfile[])Enum.GetValues(typeof(EnvironmentProfile));
}

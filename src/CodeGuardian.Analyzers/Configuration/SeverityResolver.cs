using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Effective severity of a rule for one text file. The compiler applies per-file <c>.editorconfig</c> sections
/// only to diagnostics located in syntax trees, so for AdditionalFiles the analyzer reads the file's own
/// options (which do contain the section's keys) and reports with that severity, or not at all for none.
/// </summary>
public static class SeverityResolver
{
    /// <summary>Returns false when the rule is turned off for the file.</summary>
    public static bool TryGetEffectiveSeverity(AnalyzerConfigOptions? options, DiagnosticDescriptor descriptor, out DiagnosticSeverity severity)
    {
        severity = descriptor.DefaultSeverity;
        if (options is null)
        {
            return descriptor.IsEnabledByDefault;
        }

        if (TryRead(options, "dotnet_diagnostic." + descriptor.Id + ".severity", out var configured)
            || TryRead(options, "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity", out configured)
            || TryRead(options, "dotnet_analyzer_diagnostic.severity", out configured))
        {
            if (configured is null)
            {
                return false;
            }

            severity = configured.Value;
            return true;
        }

        return descriptor.IsEnabledByDefault;
    }

    /// <summary>Parses a severity value; <paramref name="severity"/> is null for <c>none</c>.</summary>
    private static bool TryRead(AnalyzerConfigOptions options, string key, out DiagnosticSeverity? severity)
    {
        severity = null;
        if (!options.TryGetValue(key, out var text) || text is null)
        {
            return false;
        }

        switch (text.Trim().ToLowerInvariant())
        {
            case "error":
                severity = DiagnosticSeverity.Error;
                return true;
            case "warning":
                severity = DiagnosticSeverity.Warning;
                return true;
            case "suggestion":
            case "info":
                severity = DiagnosticSeverity.Info;
                return true;
            case "silent":
            case "hidden":
            case "refactoring":
                severity = DiagnosticSeverity.Hidden;
                return true;
            case "none":
                return true;
            default:
                // "default" or an unknown word: keep the descriptor's default (unknown words are reported as CG9001 by the config check).
                return false;
        }
    }
}

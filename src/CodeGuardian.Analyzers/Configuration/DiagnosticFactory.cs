using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Creates C# diagnostics with the severity the environment preset gives the rule
/// (<c>codeguardian.&lt;ID&gt;.severity</c>); the compiler then applies the user's own settings on top.
/// Returns null when the preset turns the rule off.
/// </summary>
public static class DiagnosticFactory
{
    public static Diagnostic? Create(DiagnosticDescriptor descriptor, Location location, AnalyzerOptions options, params object?[] messageArgs) =>
        CreateWithProperties(descriptor, location, options, properties: null, messageArgs);

    /// <summary>Like <see cref="Create"/>, with diagnostic properties.</summary>
    public static Diagnostic? CreateWithProperties(DiagnosticDescriptor descriptor, Location location, AnalyzerOptions options, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        var ruleOptions = location.SourceTree is { } tree ? RuleOptions.For(options, tree) : default;
        if (!SeverityResolver.TryGetEffectiveSeverity(descriptor, sectionKeys: null, ruleOptions, out var severity))
        {
            return null;
        }

        return Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties, messageArgs);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Performance;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// The severity a CodeGuardian diagnostic is reported with. Precedence, highest first:
/// <list type="number">
/// <item>the user's <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> (and category/bulk keys) from <c>.editorconfig</c>
/// sections matching a text file — the compiler applies sections only to syntax trees, so the analyzer
/// applies them for AdditionalFiles (for C# the compiler does it after us, with the same result);</item>
/// <item><c>codeguardian.&lt;ID&gt;.severity</c>, which the environment presets set (and users may set);</item>
/// <item>the descriptor's default.</item>
/// </list>
/// Presets deliberately do not use <c>dotnet_diagnostic</c> keys: a global <c>dotnet_diagnostic</c> value would
/// override per-glob text-file sections in the compiler's own filtering.
/// </summary>
public static class SeverityResolver
{
    /// <summary><c>codeguardian.severity</c>: the general preset key, the same for every rule.</summary>
    private const string GeneralPresetKey = RuleOptions.Prefix + "severity";

    /// <summary>
    /// Each descriptor's keys, built on its first lookup (descriptors are static, so the set is bounded), found by the
    /// descriptor's identity: its own equality compares every field.
    /// </summary>
    private static readonly ConcurrentDictionary<DiagnosticDescriptor, SeverityKeys> KeysByDescriptor =
        new(ReferenceIdentity<DiagnosticDescriptor>.Instance);

    /// <summary>Returns false when the rule is turned off for the file.</summary>
    public static bool TryGetEffectiveSeverity(
        DiagnosticDescriptor descriptor,
        Dictionary<string, string>? sectionKeys,
        RuleOptions options,
        out DiagnosticSeverity severity)
    {
        var generalPreset = default(GeneralPreset);
        return TryGetEffectiveSeverity(descriptor, sectionKeys, options, ref generalPreset, out severity);
    }

    /// <summary>
    /// <see cref="TryGetEffectiveSeverity(DiagnosticDescriptor, Dictionary{string, string}?, RuleOptions, out DiagnosticSeverity)"/>
    /// for one of many descriptors of the same options: <paramref name="generalPreset"/> holds the general
    /// <c>codeguardian.severity</c> once read, so a file's rules look it up once rather than once each.
    /// </summary>
    internal static bool TryGetEffectiveSeverity(
        DiagnosticDescriptor descriptor,
        Dictionary<string, string>? sectionKeys,
        RuleOptions options,
        ref GeneralPreset generalPreset,
        out DiagnosticSeverity severity)
    {
        // Asked for every rule of every text file: the keys are looked up by the descriptor's identity, not built or
        // hashed from their parts each time.
        severity = descriptor.DefaultSeverity;
        var keys = KeysOf(descriptor);
        if (sectionKeys is not null && TryReadSection(sectionKeys, keys, out var configured))
        {
            return Apply(configured, ref severity);
        }

        // The rule's own key wins over the general one (RuleOptions.TryGetValueByKeys reads them in this order).
        if ((options.TryGetValueOfKey(keys.Preset, out var preset) || generalPreset.TryGet(options, out preset)) && TryParse(preset, out configured))
        {
            return Apply(configured, ref severity);
        }

        return descriptor.IsEnabledByDefault;
    }

    /// <summary>The general preset key of one options object, read on first use.</summary>
    internal struct GeneralPreset
    {
        private bool _read;
        private bool _found;
        private string? _value;

        public bool TryGet(RuleOptions options, out string value)
        {
            if (!_read)
            {
                _found = options.TryGetValueOfKey(GeneralPresetKey, out _value);
                _read = true;
            }

            value = _value ?? string.Empty;
            return _found;
        }
    }

    /// <summary>Whether the user's <c>.editorconfig</c> sections set a severity for <paramref name="descriptor"/>.</summary>
    public static bool HasSectionSeverity(DiagnosticDescriptor descriptor, Dictionary<string, string>? sectionKeys) =>
        sectionKeys is not null && TryReadSection(sectionKeys, KeysOf(descriptor), out _);

    /// <summary>Parses an editorconfig severity word; null means <c>none</c>. False for unknown words and <c>default</c>.</summary>
    public static bool TryParse(string text, out DiagnosticSeverity? severity)
    {
        // Read for every rule of every file: compared in place, no lower-cased copy.
        severity = null;
        var word = text.AsSpan().Trim();
        if (Is(word, "error"))
        {
            severity = DiagnosticSeverity.Error;
            return true;
        }

        if (Is(word, "warning"))
        {
            severity = DiagnosticSeverity.Warning;
            return true;
        }

        if (Is(word, "suggestion") || Is(word, "info"))
        {
            severity = DiagnosticSeverity.Info;
            return true;
        }

        if (Is(word, "silent") || Is(word, "hidden") || Is(word, "refactoring"))
        {
            severity = DiagnosticSeverity.Hidden;
            return true;
        }

        return Is(word, "none");
    }

    private static bool Is(ReadOnlySpan<char> word, string value) => word.Equals(value.AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static bool Apply(DiagnosticSeverity? configured, ref DiagnosticSeverity severity)
    {
        if (configured is null)
        {
            return false;
        }

        severity = configured.Value;
        return true;
    }

    private static bool TryReadSection(Dictionary<string, string> sectionKeys, SeverityKeys keys, out DiagnosticSeverity? severity) =>
        TryRead(sectionKeys, keys.Diagnostic, out severity)
        || TryRead(sectionKeys, keys.Category, out severity)
        || TryRead(sectionKeys, "dotnet_analyzer_diagnostic.severity", out severity);

    private static bool TryRead(Dictionary<string, string> keys, string key, out DiagnosticSeverity? severity)
    {
        severity = null;
        return keys.TryGetValue(key, out var text) && TryParse(text, out severity);
    }

    private static SeverityKeys KeysOf(DiagnosticDescriptor descriptor)
    {
        if (!KeysByDescriptor.TryGetValue(descriptor, out var keys))
        {
            keys = new SeverityKeys(
                "dotnet_diagnostic." + descriptor.Id + ".severity",
                "dotnet_analyzer_diagnostic.category-" + descriptor.Category + ".severity",
                OptionKeys.Rule(descriptor.Id, "severity"));
            KeysByDescriptor.TryAdd(descriptor, keys);
        }

        return keys;
    }

    /// <summary>The option keys that can set one descriptor's severity.</summary>
    private sealed class SeverityKeys
    {
        public SeverityKeys(string diagnostic, string category, string preset)
        {
            Diagnostic = diagnostic;
            Category = category;
            Preset = preset;
        }

        /// <summary><c>dotnet_diagnostic.&lt;ID&gt;.severity</c>.</summary>
        public string Diagnostic { get; }

        /// <summary><c>dotnet_analyzer_diagnostic.category-&lt;category&gt;.severity</c>.</summary>
        public string Category { get; }

        /// <summary><c>codeguardian.&lt;ID&gt;.severity</c>.</summary>
        public string Preset { get; }
    }
}

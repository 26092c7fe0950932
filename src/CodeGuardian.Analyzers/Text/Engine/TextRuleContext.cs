using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Suppression;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// What a text rule receives: the scanned file, its options, and <see cref="Report"/>, which applies suppression
/// comments and the file's effective severity so no rule has to.
/// </summary>
public sealed class TextRuleContext
{
    private readonly List<Diagnostic> _sink;
    private SuppressionIndex? _suppressions;

    private readonly Dictionary<string, string>? _sectionSeverities;

    // Severities resolved for this file, by descriptor: every rule asks whether it is enabled and every report needs
    // the severity, so each descriptor's option and section keys are read once per file rather than on every call.
    // Held in an array rented for the file's scan: a list of its own was the largest allocation of a small file.
    private readonly bool _remember;
    private (DiagnosticDescriptor Descriptor, bool Enabled, DiagnosticSeverity Severity)[] _resolved =
        Array.Empty<(DiagnosticDescriptor, bool, DiagnosticSeverity)>();
    private int _resolvedCount;

    // The general preset key (codeguardian.severity) is the same for every rule: read once per file.
    private SeverityResolver.GeneralPreset _generalPreset;

    /// <summary>A context without other project files (unit tests of single rules).</summary>
    internal TextRuleContext(ScannedFile file, AnalyzerConfigOptions? options, bool isTestFile, List<Diagnostic> sink, CancellationToken cancellationToken)
        : this(file, options, sectionSeverities: null, isTestFile, ProjectFiles.Empty, sink, cancellationToken)
    {
    }

    internal TextRuleContext(
        ScannedFile file,
        AnalyzerConfigOptions? options,
        Dictionary<string, string>? sectionSeverities,
        bool isTestFile,
        ProjectFiles projectFiles,
        List<Diagnostic> sink,
        CancellationToken cancellationToken)
    {
        ProjectFiles = projectFiles;
        File = file;
        ConfigOptions = options;
        Options = options is null ? default : new RuleOptions(options);
        _sectionSeverities = sectionSeverities;
        _remember = options is not null || sectionSeverities is not null;
        IsTestFile = isTestFile;
        _sink = sink;
        CancellationToken = cancellationToken;
    }

    public ScannedFile File { get; }

    public RuleOptions Options { get; }

    public AnalyzerConfigOptions? ConfigOptions { get; }

    /// <summary>The file is test code by path convention or by the <c>codeguardian.test_files</c> option.</summary>
    public bool IsTestFile { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The other AdditionalFiles of the compilation (manifests, configs), with a per-compilation cache.</summary>
    public ProjectFiles ProjectFiles { get; }

    /// <summary>Whether <paramref name="descriptor"/> is enabled for this file (rules may skip work when not).</summary>
    public bool IsEnabled(DiagnosticDescriptor descriptor) => TryGetSeverity(descriptor, out _);

    public void Report(DiagnosticDescriptor descriptor, int start, int length, params object?[] messageArgs) =>
        ReportWithProperties(descriptor, start, length, properties: null, messageArgs);

    /// <summary>Like <see cref="Report"/>, with diagnostic properties (e.g. a finding's confidence).</summary>
    public void ReportWithProperties(DiagnosticDescriptor descriptor, int start, int length, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (!TryGetSeverity(descriptor, out var severity))
        {
            return;
        }

        var line = File.LineOf(start);
        _suppressions ??= SuppressionIndex.Build(File);
        if (_suppressions.IsSuppressed(descriptor.Id, line))
        {
            return;
        }

        _sink.Add(Diagnostic.Create(descriptor, File.GetLocation(start, length), severity, additionalLocations: null, properties, messageArgs));
    }

    /// <summary>
    /// Reports with a severity of the rule's own (custom rules): the user's <c>dotnet_diagnostic</c> section keys
    /// still win; otherwise, when <paramref name="hasOwnSeverity"/>, <paramref name="severity"/> (null: off)
    /// replaces the preset and the default.
    /// </summary>
    public void Report(
        DiagnosticDescriptor descriptor,
        int start,
        int length,
        bool hasOwnSeverity,
        DiagnosticSeverity? severity,
        ImmutableDictionary<string, string?>? properties,
        params object?[] messageArgs)
    {
        DiagnosticSeverity effective;
        if (!hasOwnSeverity || SeverityResolver.HasSectionSeverity(descriptor, _sectionSeverities))
        {
            if (!TryGetSeverity(descriptor, out effective))
            {
                return;
            }
        }
        else if (severity is null)
        {
            return;
        }
        else
        {
            effective = severity.Value;
        }

        _suppressions ??= SuppressionIndex.Build(File);
        if (_suppressions.IsSuppressed(descriptor.Id, File.LineOf(start)))
        {
            return;
        }

        _sink.Add(Diagnostic.Create(descriptor, File.GetLocation(start, length), effective, additionalLocations: null, properties, messageArgs));
    }

    /// <summary><see cref="SeverityResolver.TryGetEffectiveSeverity"/> for this file, remembered per descriptor.</summary>
    private bool TryGetSeverity(DiagnosticDescriptor descriptor, out DiagnosticSeverity severity)
    {
        if (!_remember)
        {
            return SeverityResolver.TryGetEffectiveSeverity(descriptor, _sectionSeverities, Options, out severity);
        }

        for (var i = 0; i < _resolvedCount; i++)
        {
            if (ReferenceEquals(_resolved[i].Descriptor, descriptor))
            {
                severity = _resolved[i].Severity;
                return _resolved[i].Enabled;
            }
        }

        var enabled = SeverityResolver.TryGetEffectiveSeverity(descriptor, _sectionSeverities, Options, ref _generalPreset, out severity);
        File.Append(ref _resolved, ref _resolvedCount, (descriptor, enabled, severity));
        return enabled;
    }
}

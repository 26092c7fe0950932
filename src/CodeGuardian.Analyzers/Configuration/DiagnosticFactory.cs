using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Creates C# diagnostics with the severity the environment preset gives the rule
/// (<c>codeguardian.&lt;ID&gt;.severity</c>); the compiler then applies the user's own settings on top.
/// Every C# analyzer reports through here (the <c>Report</c> extensions), so presets reach every rule.
/// </summary>
public static class DiagnosticFactory
{
    /// <summary>Null when the preset turns the rule off for the location's file.</summary>
    public static Diagnostic? Create(DiagnosticDescriptor descriptor, Location location, AnalyzerOptions options, params object?[] messageArgs) =>
        Create(descriptor, location, options, properties: null, messageArgs);

    public static Diagnostic? Create(
        DiagnosticDescriptor descriptor,
        Location location,
        AnalyzerOptions options,
        ImmutableDictionary<string, string?>? properties,
        params object?[] messageArgs)
    {
        var ruleOptions = location.SourceTree is { } tree
            ? RuleOptions.For(options, tree)
            : new RuleOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        if (!SeverityResolver.TryGetEffectiveSeverity(descriptor, sectionKeys: null, ruleOptions, out var severity))
        {
            return null;
        }

        return Diagnostic.Create(descriptor, location, severity, additionalLocations: null, properties, messageArgs);
    }

    public static void Report(this SyntaxNodeAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        Report(context, descriptor, location, null, messageArgs);

    public static void Report(this SyntaxNodeAnalysisContext context, DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, properties, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        Report(context, descriptor, location, null, messageArgs);

    public static void Report(this OperationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, properties, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this SyntaxTreeAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, null, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this SemanticModelAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        Report(context, descriptor, location, null, messageArgs);

    public static void Report(this SemanticModelAnalysisContext context, DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, properties, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this CompilationAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, null, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }

    public static void Report(this SymbolAnalysisContext context, DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs)
    {
        if (Create(descriptor, location, context.Options, null, messageArgs) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}

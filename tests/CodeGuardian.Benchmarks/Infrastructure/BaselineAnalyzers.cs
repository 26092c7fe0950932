// Benchmark-only analyzers, never loaded by a compiler: the rules for shipped analyzer assemblies do not apply.
#pragma warning disable RS1036, RS1041, RS2008

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// The baseline for C# analyzers: subscribes to a syntax node kind and does nothing, so the analyzer driver still
/// creates the compilation, walks the trees and raises its events. An analyzer's cost is its time minus this one's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyCSharpAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0001", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(static _ => { }, SyntaxKind.ClassDeclaration);
    }
}

/// <summary>The baseline for the text rule set: an AdditionalFile action that does nothing (driver cost only).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAdditionalFileAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0002", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterAdditionalFileAction(static _ => { });
    }
}

/// <summary>A syntax-tree action that only reads the root and text: the driver's own per-tree cost in a profile.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptySyntaxTreeAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("BENCH0003", "Never reported", "Never reported", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Never);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(static tree =>
        {
            tree.Tree.GetRoot(tree.CancellationToken);
            tree.Tree.GetText(tree.CancellationToken);
        });
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using CodeGuardian.Benchmarks.Corpus;
using CodeGuardian.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace CodeGuardian.Benchmarks.Benchmarks;

/// <summary>
/// Each C# analyzer alone, the whole package, and the empty baseline on a generated code base of a few hundred
/// files. Analysis runs on one thread (per-core cost). Every invocation analyzes a fresh copy of the compilation,
/// so binding done for an analyzer is part of its cost; the <c>Overhead</c> column subtracts the baseline.
/// </summary>
[MemoryDiagnoser]
public class CSharpAnalyzerBenchmarks
{
    public const string EmptyBaseline = "(empty)";
    public const string WholePackage = "(all)";

    private CSharpCompilation _compilation = null!;
    private ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CompilationWithAnalyzersOptions _options = null!;

    [ParamsSource(nameof(AnalyzerNames))]
    public string Analyzer { get; set; } = EmptyBaseline;

    public static IEnumerable<string> AnalyzerNames()
    {
        yield return EmptyBaseline;
        foreach (var type in AnalyzerCatalog.AnalyzerTypes(includeAdditionalFileAnalyzers: false))
        {
            yield return type.Name;
        }

        yield return WholePackage;
    }

    [GlobalSetup]
    public void Setup()
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = new List<SyntaxTree>();
        foreach (var (path, text) in CSharpCorpus.Generate(BenchmarkSettings.CSharpFileCount))
        {
            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path));
        }

        _compilation = CSharpCompilation.Create(
            "Generated",
            trees,
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        _analyzers = Analyzer switch
        {
            EmptyBaseline => ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyCSharpAnalyzer()),
            WholePackage => AnalyzerCatalog.Create(AnalyzerCatalog.AnalyzerTypes(includeAdditionalFileAnalyzers: true)),
            _ => AnalyzerCatalog.Create(FindType(Analyzer)),
        };
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: static (exception, analyzer, _) =>
                throw new InvalidOperationException($"{analyzer.GetType().Name} threw on the benchmark corpus", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);

        // One untimed run: fails fast if the corpus does not compile or an analyzer throws.
        var errors = 0;
        foreach (var diagnostic in _compilation.GetDiagnostics())
        {
            errors += diagnostic.Severity == DiagnosticSeverity.Error ? 1 : 0;
        }

        if (errors > 0)
        {
            throw new InvalidOperationException($"The generated C# corpus has {errors} compile errors.");
        }

        var run = _compilation.WithAnalyzers(_analyzers, _options);
        run.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        var semantic = false;
        foreach (var analyzer in _analyzers)
        {
            semantic |= UsesCompilationEvents(run.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult());
        }

        SemanticAnalyzers[Analyzer] = semantic;
    }

    /// <summary>
    /// Whether the case's analyzers subscribe to symbols, nodes, operations or semantic models. Only then does the
    /// driver bind the compilation, work the compiler does anyway, so only then is the empty baseline subtracted.
    /// </summary>
    internal static ConcurrentDictionary<string, bool> SemanticAnalyzers { get; } = new(StringComparer.Ordinal);

    [Benchmark]
    public int Analyze() =>
        _compilation.WithAnalyzers(_analyzers, _options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

    private static bool UsesCompilationEvents(AnalyzerTelemetryInfo info) =>
        info.SymbolActionsCount + info.SymbolStartActionsCount + info.SyntaxNodeActionsCount + info.SemanticModelActionsCount
        + info.OperationActionsCount + info.OperationBlockActionsCount + info.OperationBlockStartActionsCount
        + info.CodeBlockActionsCount + info.CodeBlockStartActionsCount + info.CompilationEndActionsCount > 0;

    private static Type[] FindType(string name)
    {
        foreach (var type in AnalyzerCatalog.AnalyzerTypes(includeAdditionalFileAnalyzers: true))
        {
            if (type.Name == name)
            {
                return new[] { type };
            }
        }

        throw new ArgumentException($"No analyzer named {name}.", nameof(name));
    }
}

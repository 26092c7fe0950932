using System;
using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Benchmarks.Corpus;
using CodeGuardian.Benchmarks.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Benchmarks.Benchmarks;

/// <summary>
/// The whole text rule set (<see cref="TextFileAnalyzer"/>: language detection, lexing, every rule of the language,
/// suppressions, severities) through the real analyzer driver, against an AdditionalFile analyzer that does nothing;
/// and the same file action called directly, without the driver: the analyzer's own cost on one core, apart from the
/// driver's scheduling (tasks handed between threads), which the driver rows include.
/// </summary>
[MemoryDiagnoser]
public class TextRuleSetBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CompilationWithAnalyzersOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _textAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzer;
    private AnalyzerOptions _analyzerOptions = null!;
    private int _reported;
    private Action<Diagnostic> _report = null!;

    [Params(TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust)]
    public TextLanguage Language { get; set; }

    [Params(TextCorpusShape.ManyFiles, TextCorpusShape.OneLargeFile, TextCorpusShape.SmallFiles, TextCorpusShape.Samples)]
    public TextCorpusShape Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var (path, text) in TextCorpus.Get(Language, Corpus).AdditionalFiles)
        {
            files.Add(new InMemoryAdditionalText(path, text));
        }

        _compilation = CSharpCompilation.Create(
            "TextOnly",
            new[] { CSharpSyntaxTree.ParseText("namespace TextOnly { internal static class Marker { } }", path: "/src/Marker.cs") },
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _analyzerOptions = new AnalyzerOptions(files.ToImmutable());
        _options = new CompilationWithAnalyzersOptions(
            _analyzerOptions,
            onAnalyzerException: static (exception, analyzer, _) =>
                throw new InvalidOperationException($"{analyzer.GetType().Name} threw on the benchmark corpus", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        _textAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new TextFileAnalyzer());
        _emptyAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAdditionalFileAnalyzer());
        _report = _ => _reported++;

        // Both roads must do the same work, or their times say nothing about each other.
        var throughDriver = AllTextRules();
        var direct = AllTextRulesWithoutDriver();
        if (throughDriver != direct)
        {
            throw new InvalidOperationException($"{Language}/{Corpus}: {throughDriver} diagnostics through the driver, {direct} without it");
        }
    }

    [Benchmark(Baseline = true)]
    public int EmptyAdditionalFileAnalyzer() => Run(_emptyAnalyzer);

    [Benchmark]
    public int AllTextRules() => Run(_textAnalyzer);

    /// <summary>What the analyzer's compilation-start and additional-file actions do, on this thread, file by file.</summary>
    [Benchmark]
    public int AllTextRulesWithoutDriver()
    {
        _reported = 0;
        var editorConfigs = EditorConfigSet.From(_analyzerOptions, CancellationToken.None);
        var projectFiles = new ProjectFiles(_analyzerOptions.AdditionalFiles);
        foreach (var file in _analyzerOptions.AdditionalFiles)
        {
            TextFileAnalyzer.AnalyzeFile(file, _analyzerOptions, editorConfigs, projectFiles, _report, CancellationToken.None);
        }

        return _reported;
    }

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, _options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
}

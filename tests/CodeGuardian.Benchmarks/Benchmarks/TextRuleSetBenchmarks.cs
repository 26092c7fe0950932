using System;
using System.Collections.Immutable;
using System.Threading;
using BenchmarkDotNet.Attributes;
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
/// suppressions, severities) through the real analyzer driver, against an AdditionalFile analyzer that does nothing.
/// </summary>
[MemoryDiagnoser]
public class TextRuleSetBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private CompilationWithAnalyzersOptions _options = null!;
    private ImmutableArray<DiagnosticAnalyzer> _textAnalyzer;
    private ImmutableArray<DiagnosticAnalyzer> _emptyAnalyzer;

    [Params(TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust)]
    public TextLanguage Language { get; set; }

    [Params(TextCorpusShape.ManyFiles, TextCorpusShape.OneLargeFile, TextCorpusShape.Samples)]
    public TextCorpusShape Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        foreach (var (path, text) in TextCorpus.Get(Language, Corpus).Files)
        {
            files.Add(new InMemoryAdditionalText(path, text));
        }

        _compilation = CSharpCompilation.Create(
            "TextOnly",
            new[] { CSharpSyntaxTree.ParseText("namespace TextOnly { internal static class Marker { } }", path: "/src/Marker.cs") },
            options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(files.ToImmutable()),
            onAnalyzerException: static (exception, analyzer, _) =>
                throw new InvalidOperationException($"{analyzer.GetType().Name} threw on the benchmark corpus", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        _textAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new TextFileAnalyzer());
        _emptyAnalyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAdditionalFileAnalyzer());
        AllTextRules();
    }

    [Benchmark(Baseline = true)]
    public int EmptyAdditionalFileAnalyzer() => Run(_emptyAnalyzer);

    [Benchmark]
    public int AllTextRules() => Run(_textAnalyzer);

    private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        _compilation.WithAnalyzers(analyzers, _options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;
}

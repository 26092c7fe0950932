using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Text;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Robustness;

/// <summary>An AdditionalFile from memory; <see cref="SourceText"/> built from chars or from raw bytes.</summary>
public sealed class MemoryAdditionalText : AdditionalText
{
    private readonly SourceText? _text;

    public MemoryAdditionalText(string path, string text)
    {
        Path = path;
        _text = SourceText.From(text);
    }

    public MemoryAdditionalText(string path, byte[] bytes)
    {
        Path = path;

        // Like the compiler: decode with UTF-8 (BOM honoured), falling back to replacement characters.
        _text = SourceText.From(bytes, bytes.Length, Encoding.UTF8, SourceHashAlgorithm.Sha1, throwIfBinaryDetected: false, canBeEmbedded: false);
    }

    public override string Path { get; }

    public override SourceText? GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Options from a dictionary, the same for every file and tree.</summary>
public sealed class DictionaryOptionsProvider : AnalyzerConfigOptionsProvider
{
    private readonly DictionaryOptions _options;

    public DictionaryOptionsProvider(IReadOnlyDictionary<string, string>? values = null) =>
        _options = new DictionaryOptions(values ?? new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => _options;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

    private sealed class DictionaryOptions : AnalyzerConfigOptions
    {
        private readonly IReadOnlyDictionary<string, string> _values;

        public DictionaryOptions(IReadOnlyDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
    }
}

/// <summary>The outcome of one analyzer run: the diagnostics and every exception an analyzer threw.</summary>
public sealed class HarnessResult
{
    public HarnessResult(ImmutableArray<Diagnostic> diagnostics, List<Exception> exceptions)
    {
        Diagnostics = diagnostics;
        Exceptions = exceptions;
    }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public List<Exception> Exceptions { get; }

    /// <summary>Fails with the first exception (AD0001) found.</summary>
    public void AssertNoCrash(string what)
    {
        var crash = Diagnostics.FirstOrDefault(d => d.Id == "AD0001");
        Assert.True(crash is null && Exceptions.Count == 0, $"Analyzer crashed on {what}: {crash?.GetMessage()} {string.Join("\n", Exceptions)}");
    }

    public string[] Ids(string id) => Diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage()).ToArray();
}

/// <summary>Runs analyzers the way the compiler does, collecting analyzer exceptions instead of hiding them.</summary>
public static class AnalyzerHarness
{
    public static HarnessResult RunText(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? options = null, CancellationToken cancellationToken = default) =>
        Run(ImmutableArray.Create<DiagnosticAnalyzer>(new TextFileAnalyzer()), Array.Empty<SyntaxTree>(), files, options, cancellationToken);

    public static HarnessResult Run(
        ImmutableArray<DiagnosticAnalyzer> analyzers,
        IEnumerable<SyntaxTree> trees,
        IEnumerable<AdditionalText> files,
        IReadOnlyDictionary<string, string>? options = null,
        CancellationToken cancellationToken = default)
    {
        var compilation = CSharpCompilation.Create(
            "Robustness",
            trees,
            TestReferences.Net80,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var exceptions = new List<Exception>();
        var analyzerOptions = new AnalyzerOptions(files.ToImmutableArray(), new DictionaryOptionsProvider(options));
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                analyzerOptions,
                onAnalyzerException: (exception, _, _) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(exception);
                    }
                },
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false,
                reportSuppressedDiagnostics: false));
        var diagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();
        return new HarnessResult(diagnostics, exceptions);
    }
}

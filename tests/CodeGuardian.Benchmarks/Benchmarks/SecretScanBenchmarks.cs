using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Benchmarks.Corpus;

namespace CodeGuardian.Benchmarks.Benchmarks;

/// <summary>
/// The secrets engine alone (provider formats, name/value pairs, entropy, allowlist) over whole files, as CG4008 runs
/// it on every text file and every C# string: the part of the scan that reads every character.
/// </summary>
[MemoryDiagnoser]
public class SecretScanBenchmarks
{
    private string[] _files = Array.Empty<string>();
    private readonly List<SecretFinding> _findings = new();

    [Params(TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust)]
    public TextLanguage Language { get; set; }

    [Params(TextCorpusShape.ManyFiles, TextCorpusShape.OneLargeFile)]
    public TextCorpusShape Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = TextCorpus.Get(Language, Corpus);
        _files = new string[corpus.Files.Count];
        for (var i = 0; i < _files.Length; i++)
        {
            _files[i] = corpus.Files[i].Text;
        }
    }

    [Benchmark]
    public int Scan()
    {
        var count = 0;
        foreach (var text in _files)
        {
            _findings.Clear();
            SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default, _findings);
            count += _findings.Count;
        }

        return count;
    }
}

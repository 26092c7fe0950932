using System;
using System.Threading;
using BenchmarkDotNet.Attributes;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Benchmarks.Corpus;

namespace CodeGuardian.Benchmarks.Benchmarks;

/// <summary>Each language's lexer alone, one pass per file into a pooled token list (as the engine does).</summary>
[MemoryDiagnoser]
public class LexerBenchmarks
{
    private char[][] _files = Array.Empty<char[]>();
    private ILexer _lexer = null!;

    [Params(TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust)]
    public TextLanguage Language { get; set; }

    [Params(TextCorpusShape.ManyFiles, TextCorpusShape.OneLargeFile, TextCorpusShape.Samples)]
    public TextCorpusShape Corpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var corpus = TextCorpus.Get(Language, Corpus);
        _files = new char[corpus.Files.Count][];
        for (var i = 0; i < _files.Length; i++)
        {
            _files[i] = corpus.Files[i].Text.ToCharArray();
        }

        _lexer = Lexers.For(Language) ?? throw new InvalidOperationException($"No lexer for {Language}.");
    }

    [Benchmark]
    public int Tokenize()
    {
        var count = 0;
        foreach (var chars in _files)
        {
            using var tokens = new TokenList(Math.Max(64, chars.Length / 6));
            _lexer.Tokenize(chars, tokens, CancellationToken.None);
            count += tokens.Count;
        }

        return count;
    }
}

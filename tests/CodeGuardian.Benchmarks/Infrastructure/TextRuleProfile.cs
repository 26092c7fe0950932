using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// <c>--profile-text [runs]</c>: each text rule alone over the generated many-files corpus of its languages (lexed
/// once beforehand; query layers built afresh per file), with its throughput and allocations per megabyte, to find the
/// rule that holds the whole set back; plus the lexer alone and all rules together. One thread; medians of the runs.
/// Run with full JIT (<c>DOTNET_TieredCompilation=0</c>): a few runs otherwise measure tier-0 code.
/// </summary>
internal static class TextRuleProfile
{
    public static int Run(int runs, string? only = null)
    {
        foreach (var language in new[] { TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust })
        {
            if (only is not null && !string.Equals(language.ToString(), only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var corpus = TextCorpus.Get(language, TextCorpusShape.ManyFiles);
            var files = new List<(string Path, char[] Chars, SourceText Text, TokenList Tokens)>();
            foreach (var (path, text) in corpus.Files)
            {
                var chars = text.ToCharArray();
                var tokens = new TokenList(Math.Max(64, chars.Length / 6));
                Lexers.For(language)!.Tokenize(chars, tokens, CancellationToken.None);
                files.Add((path, chars, SourceText.From(text), tokens));
            }

            var megabytes = corpus.Utf8Bytes / 1e6;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} files, {2:F2} MB", language, files.Count, megabytes));
            var rows = new List<(double MBps, long AllocPerMB, string Name)>();
            var rules = TextRuleRegistry.For(language);

            // The lexer alone, every rule alone (query layers built afresh per file, as in a build), and the
            // whole set on one shared file (layers built once) = what TextFileAnalyzer does after lexing.
            rows.Add(Measure(runs, megabytes, "(lexer)", () =>
            {
                foreach (var file in files)
                {
                    file.Tokens.Clear();
                    Lexers.For(language)!.Tokenize(file.Chars, file.Tokens, CancellationToken.None);
                }
            }));
            foreach (var rule in rules)
            {
                rows.Add(Measure(runs, megabytes, rule.GetType().Name, () =>
                {
                    foreach (var file in files)
                    {
                        using var scanned = new ScannedFile(file.Path, language, file.Text, file.Chars, file.Chars.Length, file.Tokens);
                        rule.Analyze(new TextRuleContext(scanned, options: null, isTestFile: false, new List<Diagnostic>(), CancellationToken.None));
                    }
                }));
            }

            rows.Add(Measure(runs, megabytes, "(all rules)", () =>
            {
                foreach (var file in files)
                {
                    using var scanned = new ScannedFile(file.Path, language, file.Text, file.Chars, file.Chars.Length, file.Tokens);
                    var context = new TextRuleContext(scanned, options: null, isTestFile: false, new List<Diagnostic>(), CancellationToken.None);
                    foreach (var rule in rules)
                    {
                        rule.Analyze(context);
                    }
                }
            }));

            rows.Sort((a, b) => a.MBps.CompareTo(b.MBps));
            foreach (var (mbps, alloc, name) in rows)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,10:F1} MB/s {1,14:N0} B/MB  {2}", mbps, alloc, name));
            }
        }

        return 0;
    }

    private static (double MBps, long AllocPerMB, string Name) Measure(int runs, double megabytes, string name, Action body)
    {
        var times = new List<double>();
        long allocated = 0;
        for (var run = 0; run < runs; run++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            body();
            times.Add(watch.Elapsed.TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        times.Sort();
        return (megabytes / times[times.Count / 2], (long)(allocated / megabytes), name);
    }
}

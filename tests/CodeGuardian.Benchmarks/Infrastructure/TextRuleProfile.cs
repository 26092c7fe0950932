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
/// once beforehand), with its throughput and allocations per megabyte, to find the rule that holds the whole set
/// back. One thread; medians of the runs.
/// </summary>
internal static class TextRuleProfile
{
    public static int Run(int runs)
    {
        foreach (var language in new[] { TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust })
        {
            var corpus = TextCorpus.Get(language, TextCorpusShape.ManyFiles);
            var files = new List<ScannedFile>();
            foreach (var (path, text) in corpus.Files)
            {
                var chars = text.ToCharArray();
                var tokens = new TokenList(Math.Max(64, chars.Length / 6));
                Lexers.For(language)!.Tokenize(chars, tokens, CancellationToken.None);
                files.Add(new ScannedFile(path, language, SourceText.From(text), chars, chars.Length, tokens));
            }

            var megabytes = corpus.Utf8Bytes / 1e6;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} files, {2:F2} MB", language, files.Count, megabytes));
            var rows = new List<(double MBps, long AllocPerMB, string Name)>();
            foreach (var rule in TextRuleRegistry.For(language))
            {
                var times = new List<double>();
                long allocated = 0;
                for (var run = 0; run < runs; run++)
                {
                    var before = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    foreach (var file in files)
                    {
                        var sink = new List<Diagnostic>();
                        rule.Analyze(new TextRuleContext(file, options: null, isTestFile: false, sink, CancellationToken.None));
                    }

                    times.Add(watch.Elapsed.TotalSeconds);
                    allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                }

                times.Sort();
                rows.Add((megabytes / times[times.Count / 2], (long)(allocated / megabytes), rule.GetType().Name));
            }

            rows.Sort((a, b) => a.MBps.CompareTo(b.MBps));
            foreach (var (mbps, alloc, name) in rows)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,10:F1} MB/s {1,14:N0} B/MB  {2}", mbps, alloc, name));
            }
        }

        return 0;
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// <c>--profile-text [runs]</c>: each text rule alone over the generated many-files corpus of its languages (lexed
/// once beforehand; query layers built afresh per file), with its throughput and allocations per megabyte, to find the
/// rule that holds the whole set back; plus the lexer alone and all rules together. One thread; medians of the runs.
/// Run with full JIT (<c>DOTNET_TieredCompilation=0</c>): a few runs otherwise measure tier-0 code. Full JIT has no
/// profile-guided optimization, though: with tiered compilation and enough runs (a few hundred for the driver row;
/// <c>CG_PROFILE_TRACE=1</c> prints every run) the lexers and rules settle faster than under full JIT.
/// </summary>
internal static class TextRuleProfile
{
    /// <param name="runs">Runs per measurement.</param>
    /// <param name="only">A language name to profile alone (null: all).</param>
    /// <param name="shape">The corpus shape (ManyFiles; OneLargeFile checks linearity).</param>
    public static int Run(int runs, string? only = null, TextCorpusShape shape = TextCorpusShape.ManyFiles)
    {
        foreach (var language in new[] { TextLanguage.JavaScript, TextLanguage.Python, TextLanguage.Sql, TextLanguage.Rust })
        {
            if (only is not null && !string.Equals(only, language.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var corpus = TextCorpus.Get(language, shape);

            // CG_PROFILE_DRIVER=1: only the rows through the driver, on a cold process (nothing lexed or analyzed
            // before the first run, as in a build) and as a clean sample of the driver path for a profiler.
            var driverOnly = Environment.GetEnvironmentVariable("CG_PROFILE_DRIVER") == "1";

            // CG_PROFILE_ACTION=1: only the file action without the driver (a clean sample of the whole per-file work for a profiler).
            var actionOnly = Environment.GetEnvironmentVariable("CG_PROFILE_ACTION") == "1";

            // CG_PROFILE_PARTS=1: only the lexer and the rule rows, nothing through the file action or the driver (to compare
            // one part of the work between two builds).
            var partsOnly = Environment.GetEnvironmentVariable("CG_PROFILE_PARTS") == "1";
            var files = LexAll(language, driverOnly ? new List<(string, string)>() : corpus.Files);

            var megabytes = corpus.Utf8Bytes / 1e6;
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}: {1} files, {2:F2} MB", language, corpus.Files.Count, megabytes));
            var rows = new List<(double MBps, double MedianMBps, long AllocPerMB, string Name)>();
            IReadOnlyList<TextRule> rules = TextRuleRegistry.For(language);

            // The lexer alone, every rule alone (query layers built afresh per file, as in a build), and the
            // whole set on one shared file (layers built once) = what TextFileAnalyzer does after lexing.
            rows.Add(Measure(driverOnly || actionOnly ? 0 : runs, megabytes, "(lexer)", () =>
            {
                foreach (var file in files)
                {
                    file.Tokens.Clear();
                    Lexers.For(language)!.Tokenize(file.Chars, file.Tokens, CancellationToken.None);
                }
            }));
            // CG_PROFILE_RULE: a regular expression on rule type names; only those rules are timed, alone and together.
            var onlyRule = Environment.GetEnvironmentVariable("CG_PROFILE_RULE");
            if (onlyRule is not null)
            {
                rules = RulesMatching(language, onlyRule);
            }

            // CG_PROFILE_TOGETHER=1: only the lexer and the whole set (a cleaner sample for a profiler).
            var togetherOnly = Environment.GetEnvironmentVariable("CG_PROFILE_TOGETHER") == "1";
            foreach (var rule in togetherOnly || driverOnly || actionOnly ? new List<TextRule>() : rules)
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

            rows.Add(Measure(driverOnly || actionOnly ? 0 : runs, megabytes, "(all rules)", () =>
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

            // The whole analyzer through the compiler's driver, as the benchmark of record runs it: lexing, rules,
            // options, severities and the diagnostics' locations included. The driver analyzes on pool threads, so this
            // thread's CPU time would miss it: wall time, or with CG_PROFILE_CPU=1 the whole process's CPU time;
            // allocations are the whole process's.
            var additionalFiles = ImmutableArray.CreateBuilder<AdditionalText>();
            foreach (var (path, text) in corpus.AdditionalFiles)
            {
                additionalFiles.Add(new InMemoryAdditionalText(path, text));
            }

            var compilation = CSharpCompilation.Create(
                "TextOnly",
                new[] { CSharpSyntaxTree.ParseText("namespace TextOnly { internal static class Marker { } }", path: "/src/Marker.cs") },
                options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var driverOptions = new CompilationWithAnalyzersOptions(new AnalyzerOptions(additionalFiles.ToImmutable()), null, concurrentAnalysis: false, logAnalyzerExecutionTime: false);
            var analyzer = ImmutableArray.Create<DiagnosticAnalyzer>(new TextFileAnalyzer());
            rows.Add(Measure(actionOnly || partsOnly ? 0 : runs, megabytes, "(through the driver, lexer included)", () =>
                compilation.WithAnalyzers(analyzer, driverOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult(),
                wholeProcess: true));

            // The same file action called directly on this thread (as the benchmark's row without the driver): lexing,
            // rules, options, severities and locations, without the driver's scheduling.
            var analyzerOptions = driverOptions.Options!;
            var reported = 0;
            Action<Diagnostic> report = _ => reported++;
            rows.Add(Measure(partsOnly ? 0 : runs, megabytes, "(file action without the driver, lexer included)", () =>
            {
                var editorConfigs = EditorConfigSet.From(analyzerOptions, CancellationToken.None);
                var projectFiles = new ProjectFiles(analyzerOptions.AdditionalFiles);
                foreach (var file in analyzerOptions.AdditionalFiles)
                {
                    TextFileAnalyzer.AnalyzeFile(file, analyzerOptions, editorConfigs, projectFiles, report, CancellationToken.None);
                }
            }));

            // The same with the per-compilation setup (.editorconfig sections, project files, manifests) done once, as a
            // build does it for all of its files: what the files cost on their own. The allocation budget is per file
            // scanned, and the corpus's 80-150 files would otherwise carry the setup of a whole compilation.
            var setupEditorConfigs = EditorConfigSet.From(analyzerOptions, CancellationToken.None);
            var setupProjectFiles = new ProjectFiles(analyzerOptions.AdditionalFiles);
            rows.Add(Measure(partsOnly || driverOnly || actionOnly ? 0 : runs, megabytes, "(file action without the driver, setup once)", () =>
            {
                foreach (var file in analyzerOptions.AdditionalFiles)
                {
                    TextFileAnalyzer.AnalyzeFile(file, analyzerOptions, setupEditorConfigs, setupProjectFiles, report, CancellationToken.None);
                }
            }));

            // The compiler's own per-file cost: the same driver and files with an analyzer whose file action does nothing.
            var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAdditionalFileAnalyzer());
            rows.Add(Measure(actionOnly || partsOnly ? 0 : runs, megabytes, "(empty file action through the driver)", () =>
                compilation.WithAnalyzers(empty, driverOptions).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult(),
                wholeProcess: true));

            rows.RemoveAll(row => row.MBps == 0);
            rows.Sort((a, b) => a.MBps.CompareTo(b.MBps));
            // With CG_PROFILE_CPU=1 the fastest run leads and the median follows: the spread is the machine's as much as ours.
            foreach (var (mbps, median, alloc, name) in rows)
            {
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "  {0,10:F1} MB/s {1,10} {2,14:N0} B/MB  {3}", mbps, median == mbps ? string.Empty : string.Format(CultureInfo.InvariantCulture, "({0:F1})", median), alloc, name));
            }
        }

        return 0;
    }

    /// <summary>Each file of a corpus with its characters, text and tokens, lexed once.</summary>
    internal static List<(string Path, char[] Chars, SourceText Text, TokenList Tokens)> LexAll(TextLanguage language, IEnumerable<(string Path, string Text)> files)
    {
        var lexed = new List<(string Path, char[] Chars, SourceText Text, TokenList Tokens)>();
        foreach (var (path, text) in files)
        {
            var chars = text.ToCharArray();
            var tokens = new TokenList(Math.Max(64, chars.Length / 6));
            Lexers.For(language)!.Tokenize(chars, tokens, CancellationToken.None);
            lexed.Add((path, chars, SourceText.From(text), tokens));
        }

        return lexed;
    }

    /// <summary>The language's rules whose type name matches <paramref name="pattern"/> (a regular expression; null: all).</summary>
    internal static IReadOnlyList<TextRule> RulesMatching(TextLanguage language, string? pattern)
    {
        var selected = new List<TextRule>();
        foreach (var rule in TextRuleRegistry.For(language))
        {
            if (pattern is null || System.Text.RegularExpressions.Regex.IsMatch(rule.GetType().Name, pattern))
            {
                selected.Add(rule);
            }
        }

        return selected;
    }

    private static (double MBps, double MedianMBps, long AllocPerMB, string Name) Measure(int runs, double megabytes, string name, Action body, bool wholeProcess = false)
    {
        var times = new List<double>();
        long allocated = 0;

        // On a shared, loaded machine wall time mostly measures the neighbours: CG_PROFILE_CPU=1 (Linux) times each run
        // by this thread's CPU time instead and keeps the fastest run; rows through the driver (which may run actions on
        // other threads) by the CPU time of the whole process (garbage collection and JIT threads included).
        var cpu = Environment.GetEnvironmentVariable("CG_PROFILE_CPU") == "1";
        var trace = Environment.GetEnvironmentVariable("CG_PROFILE_TRACE") == "1";
        for (var run = 0; run < runs; run++)
        {
            var cpuBefore = cpu ? CpuClock.Seconds(wholeProcess) : 0;
            var collectionsBefore = trace ? (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)) : default;
            var before = wholeProcess ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            body();
            var elapsed = watch.Elapsed.TotalSeconds;
            allocated = (wholeProcess ? GC.GetTotalAllocatedBytes(precise: true) : GC.GetAllocatedBytesForCurrentThread()) - before;
            if (cpu)
            {
                elapsed = CpuClock.Seconds(wholeProcess) - cpuBefore;
            }

            times.Add(elapsed);
            if (trace)
            {
                // Each run as it ends (ms per MB), to see when tiered compilation has settled.
                // and the garbage collections (gen 0/1/2) that ran in it.
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} run {1}: {2:F1} ms/MB, collections {3}/{4}/{5}",
                    name,
                    run,
                    elapsed * 1000 / megabytes,
                    GC.CollectionCount(0) - collectionsBefore.Item1,
                    GC.CollectionCount(1) - collectionsBefore.Item2,
                    GC.CollectionCount(2) - collectionsBefore.Item3));
            }
        }

        if (times.Count == 0)
        {
            return (0, 0, 0, name);
        }

        times.Sort();
        var median = times[times.Count / 2];
        var time = cpu ? times[0] : median;
        return (megabytes / time, megabytes / median, (long)(allocated / megabytes), name);
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Rules;
using CodeGuardian.Benchmarks.Corpus;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// <c>--compare-text &lt;build-a&gt; &lt;build-b&gt; [language] [rounds] [runs-per-round] [rule-regex]</c>: two builds of the
/// analyzer (folders holding a <c>CodeGuardian.Analyzers.dll</c>) side by side in one process, each in a load context
/// of its own, their lexer and whole rule set run on the same corpus in alternating rounds and timed by the thread's
/// CPU time. On a shared machine the same work's runs spread by up to two times from one minute to the next, so
/// builds measured in separate processes compare their minutes as much as their code; alternated in one process
/// they share the minutes, and their fastest and tenth-percentile runs repeat within a few percent.
/// </summary>
internal static class BuildComparison
{
    public static int Run(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: --compare-text <build-a> <build-b> [language] [rounds] [runs-per-round] [rule-regex]");
            return 2;
        }

        var builds = new[] { Path.GetFullPath(args[1]), Path.GetFullPath(args[2]) };
        var language = args.Length > 3 ? args[3] : "JavaScript";
        var rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 40;
        var perRound = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 10;
        var ruleFilter = args.Length > 6 ? args[6] : null;
        var workloads = new Func<double>[2][];
        var megabytes = 0.0;
        for (var b = 0; b < 2; b++)
        {
            if (!File.Exists(Path.Combine(builds[b], AnalyzerAssembly + ".dll")))
            {
                Console.Error.WriteLine($"{builds[b]}: no {AnalyzerAssembly}.dll");
                return 2;
            }

            // This assembly again, in a context that binds the analyzer to the given build; Roslyn and the runtime are shared.
            var context = new BuildContext(builds[b]);
            var copy = context.LoadFromAssemblyPath(typeof(BuildComparison).Assembly.Location);
            var prepare = copy.GetType(typeof(BuildComparison).FullName!, throwOnError: true)!
                .GetMethod(nameof(Prepare), BindingFlags.Static | BindingFlags.NonPublic)!;
            var prepared = (object[])prepare.Invoke(null, new object?[] { language, ruleFilter })!;
            workloads[b] = new[] { (Func<double>)prepared[0], (Func<double>)prepared[1] };
            megabytes = (double)prepared[2];
        }

        // [build][part]: seconds per run.
        var times = new[] { new[] { new List<double>(), new List<double>() }, new[] { new List<double>(), new List<double>() } };
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                // Who goes first alternates too.
                var b = round % 2 == 0 ? turn : 1 - turn;
                for (var run = 0; run < perRound; run++)
                {
                    for (var part = 0; part < 2; part++)
                    {
                        times[b][part].Add(workloads[b][part]());
                    }
                }
            }
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0}, {1:F2} MB, {2} rounds of {3} runs each (the first third is warm-up): ms/MB fastest, 10th percentile, median", language, megabytes, rounds, perRound));
        var parts = new[] { "lexer", "rules" };
        for (var b = 0; b < 2; b++)
        {
            for (var part = 0; part < 2; part++)
            {
                var measured = times[b][part].GetRange(times[b][part].Count / 3, times[b][part].Count - (times[b][part].Count / 3));
                measured.Sort();
                Console.WriteLine(string.Format(
                    CultureInfo.InvariantCulture,
                    "  {0} {1}: {2:F3}  {3:F3}  {4:F3}   ({5})",
                    b == 0 ? "A" : "B",
                    parts[part],
                    measured[0] * 1000 / megabytes,
                    measured[measured.Count / 10] * 1000 / megabytes,
                    measured[measured.Count / 2] * 1000 / megabytes,
                    builds[b]));
            }
        }

        return 0;
    }

    private const string AnalyzerAssembly = "CodeGuardian.Analyzers";

    /// <summary>
    /// Runs in each build's copy of this assembly: the corpus lexed once, then the two timed parts (the lexer over every
    /// file; every rule of the language, or those whose type name matches <paramref name="ruleFilter"/>, over every
    /// file) and the corpus size in MB.
    /// </summary>
    private static object[] Prepare(string language, string? ruleFilter)
    {
        var textLanguage = Enum.Parse<TextLanguage>(language, ignoreCase: true);
        var corpus = TextCorpus.Get(textLanguage, TextCorpusShape.ManyFiles);
        var lexer = Lexers.For(textLanguage)!;
        var files = TextRuleProfile.LexAll(textLanguage, corpus.Files);
        var rules = TextRuleProfile.RulesMatching(textLanguage, ruleFilter);

        Func<double> lex = () =>
        {
            var start = ThreadCpuSeconds();
            foreach (var file in files)
            {
                file.Tokens.Clear();
                lexer.Tokenize(file.Chars, file.Tokens, CancellationToken.None);
            }

            return ThreadCpuSeconds() - start;
        };
        Func<double> analyze = () =>
        {
            var start = ThreadCpuSeconds();
            var diagnostics = new List<Diagnostic>();
            foreach (var file in files)
            {
                using var scanned = new ScannedFile(file.Path, textLanguage, file.Text, file.Chars, file.Chars.Length, file.Tokens);
                var context = new TextRuleContext(scanned, options: null, isTestFile: false, diagnostics, CancellationToken.None);
                foreach (var rule in rules)
                {
                    rule.Analyze(context);
                }

                diagnostics.Clear();
            }

            return ThreadCpuSeconds() - start;
        };
        return new object[] { lex, analyze, corpus.Utf8Bytes / 1e6 };
    }

    /// <summary>The thread's CPU time where the clock exists; elsewhere wall time (the comparison is then only as good as the machine is quiet).</summary>
    private static double ThreadCpuSeconds() =>
        CpuClock.IsAvailable ? CpuClock.Seconds(wholeProcess: false) : System.Diagnostics.Stopwatch.GetTimestamp() / (double)System.Diagnostics.Stopwatch.Frequency;

    /// <summary>Binds the analyzer assembly to one build's file and this benchmark assembly to a copy of its own.</summary>
    private sealed class BuildContext : AssemblyLoadContext
    {
        private readonly string _build;

        public BuildContext(string build)
            : base("build " + build)
        {
            _build = build;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            if (string.Equals(assemblyName.Name, AnalyzerAssembly, StringComparison.Ordinal))
            {
                return LoadFromAssemblyPath(Path.Combine(_build, AnalyzerAssembly + ".dll"));
            }

            if (string.Equals(assemblyName.Name, typeof(BuildComparison).Assembly.GetName().Name, StringComparison.Ordinal))
            {
                return LoadFromAssemblyPath(typeof(BuildComparison).Assembly.Location);
            }

            return null;
        }
    }
}

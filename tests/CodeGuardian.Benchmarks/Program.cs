using System;
using System.Collections.Generic;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CodeGuardian.Benchmarks.Corpus;
using CodeGuardian.Benchmarks.Infrastructure;

namespace CodeGuardian.Benchmarks;

/// <summary>
/// Entry point. Arguments are BenchmarkDotNet's (<c>--filter</c>, <c>--artifacts</c>, ...) plus <c>--smoke</c>:
/// one cold invocation per benchmark on small corpora, to check in CI that every benchmark runs and reports.
/// <c>--profile &lt;dir&gt; [runs] [analyzer-name-part]</c> times each analyzer on a folder of C# files instead (see <see cref="DirectoryProfile"/>);
/// <c>--profile-text [runs]</c> times each text rule alone (see <see cref="TextRuleProfile"/>);
/// <c>--compare-text &lt;build-a&gt; &lt;build-b&gt; [language]</c> alternates two builds of the analyzer in one process (see <see cref="BuildComparison"/>).
/// Exit code 1 when a benchmark failed or produced no result.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 2 && string.Equals(args[0], "--profile", StringComparison.Ordinal))
        {
            return DirectoryProfile.Run(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3, args.Length > 3 ? args[3] : null);
        }

        if (args.Length >= 1 && string.Equals(args[0], "--profile-text", StringComparison.Ordinal))
        {
            return TextRuleProfile.Run(
                args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3,
                args.Length > 2 ? args[2] : null,
                args.Length > 3 ? Enum.Parse<Corpus.TextCorpusShape>(args[3], ignoreCase: true) : Corpus.TextCorpusShape.ManyFiles);
        }

        if (args.Length >= 1 && string.Equals(args[0], "--compare-text", StringComparison.Ordinal))
        {
            return BuildComparison.Run(args);
        }

        var forwarded = new List<string>();
        var smoke = BenchmarkSettings.IsSmoke;
        var quick = false;
        foreach (var arg in args)
        {
            if (string.Equals(arg, "--smoke", StringComparison.Ordinal))
            {
                smoke = true;
            }
            else if (string.Equals(arg, "--quick", StringComparison.Ordinal))
            {
                quick = true;
            }
            else
            {
                forwarded.Add(arg);
            }
        }

        if (smoke)
        {
            // Corpus generators read this, in this process and in any child process.
            Environment.SetEnvironmentVariable(BenchmarkSettings.SmokeVariable, "1");
        }

        if (!forwarded.Contains("--filter"))
        {
            forwarded.Add("--filter");
            forwarded.Add("*");
        }

        var job = smoke
            ? new Job("Smoke").WithStrategy(RunStrategy.ColdStart).WithLaunchCount(1).WithWarmupCount(0).WithIterationCount(1).WithInvocationCount(1).WithUnrollFactor(1)
            : quick
                ? Job.Default.WithId("Quick").WithWarmupCount(1).WithIterationCount(3)
                // Warm-up until BenchmarkDotNet sees steady state: the Roslyn packages the benchmarks load are IL
                // (the compiler in the SDK is precompiled), and their driver code takes a few seconds of runs to reach
                // its optimized tier — three fixed warm-up iterations measured that warm-up as analyzer time.
                : Job.Default.WithId("Measure").WithIterationCount(10);
        var config = ManualConfig.CreateEmpty()
            .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
            .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
            .AddJob(job.WithToolchain(InProcessEmitToolchain.Instance))
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumn(new ThroughputColumn(), new AllocationPerMegabyteColumn(), new OverheadColumn())
            .AddExporter(MarkdownExporter.GitHub, JsonExporter.Full)
            .WithOption(ConfigOptions.JoinSummary, false)
            .WithSummaryStyle(SummaryStyle.Default.WithMaxParameterColumnWidth(48)); // full analyzer names

        var failed = false;
        foreach (var summary in BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(forwarded.ToArray(), config))
        {
            if (summary.HasCriticalValidationErrors)
            {
                failed = true;
            }

            foreach (var report in summary.Reports)
            {
                failed |= !report.Success || report.ResultStatistics is null;
            }
        }

        return failed ? 1 : 0;
    }
}

using System;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Benchmarks.Benchmarks;
using CodeGuardian.Benchmarks.Corpus;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>Base of the custom columns: the numbers a budget is written in, computed from the median.</summary>
internal abstract class ComputedColumn : IColumn
{
    protected ComputedColumn(string name, string legend)
    {
        ColumnName = name;
        Legend = legend;
    }

    public string Id => GetType().Name;

    public string ColumnName { get; }

    public string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        Compute(summary, benchmarkCase) is { } value ? value.ToString("N1", CultureInfo.InvariantCulture) : "-";

    protected abstract double? Compute(Summary summary, BenchmarkCase benchmarkCase);

    /// <summary>Median time of a case in nanoseconds, when it ran.</summary>
    protected static double? MedianNanoseconds(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase]?.ResultStatistics?.Median;

    /// <summary>The UTF-8 size of a text benchmark's corpus, from its Language and Corpus parameters.</summary>
    protected static long? CorpusBytes(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Language"] is TextLanguage language && benchmarkCase.Parameters["Corpus"] is TextCorpusShape shape)
        {
            var bytes = TextCorpus.Get(language, shape).Utf8Bytes;
            return bytes > 0 ? bytes : null;
        }

        return null;
    }
}

/// <summary>Text throughput: corpus megabytes (10^6 bytes, UTF-8) per second of median time, one thread.</summary>
internal sealed class ThroughputColumn : ComputedColumn
{
    public ThroughputColumn()
        : base("MB/s", "Corpus size (UTF-8, 10^6 bytes) divided by the median time; one thread")
    {
    }

    protected override double? Compute(Summary summary, BenchmarkCase benchmarkCase) =>
        CorpusBytes(benchmarkCase) is { } bytes && MedianNanoseconds(summary, benchmarkCase) is { } ns && ns > 0
            ? bytes / 1e6 / (ns / 1e9)
            : null;
}

/// <summary>Allocated bytes per megabyte of scanned text (budget: below 10^6, i.e. less than the file size).</summary>
internal sealed class AllocationPerMegabyteColumn : ComputedColumn
{
    public AllocationPerMegabyteColumn()
        : base("Alloc B/MB", "Bytes allocated per 10^6 bytes of input")
    {
    }

    protected override double? Compute(Summary summary, BenchmarkCase benchmarkCase) =>
        CorpusBytes(benchmarkCase) is { } bytes && summary[benchmarkCase]?.GcStats.GetBytesAllocatedPerOperation(benchmarkCase) is { } allocated
            ? allocated / (bytes / 1e6)
            : null;
}

/// <summary>C# analyzers: median time minus the empty analyzer's median, in milliseconds.</summary>
internal sealed class OverheadColumn : ComputedColumn
{
    public OverheadColumn()
        : base("Overhead ms", "Median minus the (empty) analyzer's median (the binding the compiler does anyway); syntax-only analyzers: the median")
    {
    }

    protected override double? Compute(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Parameters["Analyzer"] is not string analyzer || MedianNanoseconds(summary, benchmarkCase) is not { } median)
        {
            return null;
        }

        // Syntax-only analyzers do not make the driver bind: their whole time is overhead.
        if (CSharpAnalyzerBenchmarks.SemanticAnalyzers.TryGetValue(analyzer, out var semantic) && !semantic)
        {
            return median / 1e6;
        }

        foreach (var other in summary.BenchmarksCases)
        {
            if (other.Descriptor.Type == benchmarkCase.Descriptor.Type
                && other.Parameters["Analyzer"] is string name
                && string.Equals(name, CSharpAnalyzerBenchmarks.EmptyBaseline, StringComparison.Ordinal)
                && MedianNanoseconds(summary, other) is { } baseline)
            {
                return (median - baseline) / 1e6;
            }
        }

        return null;
    }
}

using System;

namespace CodeGuardian.Benchmarks.Corpus;

/// <summary>
/// Run-wide settings. Smoke mode (<c>--smoke</c> or <c>CODEGUARDIAN_BENCH_SMOKE=1</c>) shrinks every corpus so CI can
/// check that all benchmarks run and report within a couple of minutes; the numbers it produces are not meaningful.
/// </summary>
internal static class BenchmarkSettings
{
    public const string SmokeVariable = "CODEGUARDIAN_BENCH_SMOKE";

    public static bool IsSmoke =>
        string.Equals(Environment.GetEnvironmentVariable(SmokeVariable), "1", StringComparison.Ordinal);

    /// <summary>Number of generated C# files.</summary>
    public static int CSharpFileCount => IsSmoke ? 6 : 300;

    /// <summary>Approximate total size of each generated text corpus, in characters.</summary>
    public static int TextCorpusSize => IsSmoke ? 32 * 1024 : 1024 * 1024;

    /// <summary>Approximate size of one generated text file of the many-files corpus.</summary>
    public const int TextFileSize = 12 * 1024;

    /// <summary>Approximate size of one generated text file of the small-files corpus (a quarter of the bytes).</summary>
    public const int TextSmallFileSize = 1536;
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace CodeGuardian.Analyzers.Tests.Robustness;

/// <summary>
/// Time grows linearly: a 4 MB pathological input costs less than 8 times a 1 MB one. The two sizes run in turns, five
/// times each, and each is timed by its fastest run: what slows the machine down for a while (other processes, a busy
/// neighbour core) then reaches both sizes, and interference only ever adds time. Memory is collected before each run,
/// so a collection owed by earlier tests is not charged to the run it happens in. The class runs in a collection of
/// its own with parallelization off, so no other test competes for the cores. The clock, not the process's CPU time:
/// the large inputs' arrays trigger full collections whose background work, on a heap left by the whole test run,
/// the CPU time would charge to them (in a full test run, the 4 MB runs were charged 2.5 times the CPU time they take alone).
/// </summary>
[Collection(nameof(SerialTimingCollection))]
public sealed class TextLinearityTests
{
    // Big enough for the 4 MB inputs, so they are analyzed instead of skipped (CG9002).
    private static readonly Dictionary<string, string> LargeFiles = new() { ["codeguardian.max_file_size"] = "20000000" };

    [Theory]
    [InlineData("/repo/p.js", "a = \"x\" + /* c */ b(`${c}`) // d\n")]
    [InlineData("/repo/p.py", "a = f\"{b}\" + '''c''' # d\nif x:\n    y(z)\n")]
    [InlineData("/repo/p.sql", "SELECT a, 'b' FROM c /* d */ WHERE e = @f; -- g\n")]
    [InlineData("/repo/p.rs", "let a = r#\"b\"#; /* /* c */ */ d!(e); // f\n")]
    [InlineData("/repo/.env.local", "KEY_")]
    [InlineData("/repo/p.js", "(((((((((([[[[[{{{{{\"'`/*")]
    public void Time_is_linear_in_the_input_size(string path, string unit)
    {
        var smallFile = new MemoryAdditionalText(path, Repeat(unit, 1024 * 1024));
        var largeFile = new MemoryAdditionalText(path, Repeat(unit, 4 * 1024 * 1024));
        var small = double.MaxValue;
        var large = double.MaxValue;
        for (var run = 0; run < 5; run++)
        {
            small = Math.Min(small, TimeOf(smallFile));
            large = Math.Min(large, TimeOf(largeFile));
        }

        Assert.True(large < (small * 8) + 50, $"{path}: 1 MB took {small} ms, 4 MB took {large} ms");
    }

    private static string Repeat(string unit, int size)
    {
        var builder = new StringBuilder(size + unit.Length);
        while (builder.Length < size)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static double TimeOf(MemoryAdditionalText file)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var watch = Stopwatch.StartNew();
        AnalyzerHarness.RunText(new[] { file }, LargeFiles).AssertNoCrash(file.Path);
        return watch.Elapsed.TotalMilliseconds;
    }
}

/// <summary>Tests that time themselves: run alone, after the parallel tests, so no other test adds CPU time.</summary>
[CollectionDefinition(nameof(SerialTimingCollection), DisableParallelization = true)]
public sealed class SerialTimingCollection
{
}

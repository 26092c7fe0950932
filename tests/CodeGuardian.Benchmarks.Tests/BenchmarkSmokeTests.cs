using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;

namespace CodeGuardian.Benchmarks.Tests;

/// <summary>
/// The benchmark suite in its smoke mode (one cold invocation per case, small corpora), through the same script CI
/// users run: every benchmark class must build, run and write its Markdown and JSON reports, and every case must
/// have a result. Asserts nothing about speed.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    private static readonly string[] Classes = { "CSharpAnalyzerBenchmarks", "LexerBenchmarks", "SecretScanBenchmarks", "TextRuleSetBenchmarks" };

    [Fact]
    public void SmokeRun_EveryBenchmarkRunsAndReports()
    {
        var repoRoot = typeof(BenchmarkSmokeTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "CodeGuardian.RepoRoot").Value!;
        var artifacts = Path.Combine(Path.GetTempPath(), "codeguardian-bench-smoke-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            var (exitCode, output) = Run(repoRoot, Path.Combine(repoRoot, "eng", "bench-smoke.sh"), artifacts);
            Assert.True(exitCode == 0, "bench-smoke.sh failed (" + exitCode + "):\n" + Tail(output));

            foreach (var name in Classes)
            {
                var prefix = Path.Combine(artifacts, "results", "CodeGuardian.Benchmarks.Benchmarks." + name);
                var markdown = File.ReadAllText(prefix + "-report-github.md");
                Assert.Contains("| Method", markdown, StringComparison.Ordinal);

                using var json = JsonDocument.Parse(File.ReadAllText(prefix + "-report-full.json"));
                var benchmarks = json.RootElement.GetProperty("Benchmarks");
                Assert.True(benchmarks.GetArrayLength() > 0, name + " reported no benchmark");
                foreach (var benchmark in benchmarks.EnumerateArray())
                {
                    Assert.True(
                        benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object,
                        name + ": a case has no result: " + benchmark.GetProperty("FullName").GetString());
                }
            }
        }
        finally
        {
            if (Directory.Exists(artifacts))
            {
                Directory.Delete(artifacts, recursive: true);
            }
        }
    }

    private static (int ExitCode, string Output) Run(string workingDirectory, string script, string argument)
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit((int)TimeSpan.FromMinutes(20).TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            return (-1, stdout + stderr.Result);
        }

        return (process.ExitCode, stdout + stderr.Result);
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];
}

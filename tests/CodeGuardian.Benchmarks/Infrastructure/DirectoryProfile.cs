using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// <c>--profile &lt;dir&gt; [runs] [analyzer-name-part]</c>: a quick look at each analyzer on a folder of C# files without building it.
/// Parses every <c>*.cs</c> (outside bin/obj), compiles against the .NET 8 reference assemblies (unresolved package
/// types only make some semantic rules quieter), times the compiler's own diagnostics pass as the compile baseline,
/// then runs all analyzers on one thread with execution-time logging. Prints medians. For budgets use
/// <c>eng/measure-analyzers.sh</c> on a real build.
/// </summary>
internal static class DirectoryProfile
{
    public static int Run(string directory, int runs, string? analyzerFilter)
    {
        var trees = new List<SyntaxTree>();
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        foreach (var path in Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories))
        {
            var separator = Path.DirectorySeparatorChar;
            if (!path.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !path.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            {
                trees.Add(CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, path));
            }
        }

        var compilation = CSharpCompilation.Create(
            "Profiled",
            trees,
            Net80.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        var types = new List<Type>();
        foreach (var type in AnalyzerCatalog.AnalyzerTypes(includeAdditionalFileAnalyzers: true))
        {
            if (analyzerFilter is null || type.Name.Contains(analyzerFilter, StringComparison.OrdinalIgnoreCase))
            {
                types.Add(type);
            }
        }

        // The empty syntax-tree analyzer shows the driver's own per-tree cost, which telemetry charges to analyzers.
        var analyzers = AnalyzerCatalog.Create(types).Add(new EmptySyntaxTreeAnalyzer());
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var compileTimes = new List<double>();
        var analyzerTimes = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        for (var run = 0; run < runs; run++)
        {
            var watch = Stopwatch.StartNew();
            compilation.Clone().GetDiagnostics();
            compileTimes.Add(watch.Elapsed.TotalSeconds);

            var withAnalyzers = compilation.Clone().WithAnalyzers(analyzers, options);
            withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
            foreach (var analyzer in analyzers)
            {
                var info = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                var name = analyzer.GetType().Name;
                if (!analyzerTimes.TryGetValue(name, out var list))
                {
                    analyzerTimes[name] = list = new List<double>();
                }

                list.Add(info.ExecutionTime.TotalSeconds);
            }
        }

        var compile = Median(compileTimes);
        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0} files, {1} runs; compiler diagnostics pass (median): {2:F3} s", trees.Count, runs, compile));
        var total = 0.0;
        var firstTotal = 0.0;
        var rows = new List<(double Seconds, double First, string Name)>();
        foreach (var pair in analyzerTimes)
        {
            // The first run is cold: JIT, static tables and first symbol lookups are paid there, as in a real build.
            var first = pair.Value[0];
            var median = Median(new List<double>(pair.Value));
            total += median;
            firstTotal += first;
            rows.Add((median, first, pair.Key));
        }

        rows.Sort((a, b) => b.Seconds.CompareTo(a.Seconds));
        Console.WriteLine("    median  of pass     first run  analyzer");
        foreach (var (seconds, first, name) in rows)
        {
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,10:F3} s {1,7:F2} %  {2,8:F3} s  {3}", seconds, 100 * seconds / compile, first, name));
        }

        Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,10:F3} s {1,7:F2} %  {2,8:F3} s  all CodeGuardian analyzers", total, 100 * total / compile, firstTotal));
        return 0;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}

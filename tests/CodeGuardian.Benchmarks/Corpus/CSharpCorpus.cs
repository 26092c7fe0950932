using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CodeGuardian.Benchmarks.Corpus;

/// <summary>
/// Generates a C# code base of realistic shape: services and repositories with fields, properties, loops, async
/// methods, LINQ, string building, XML doc and line comments, SQL in string literals, exception handling, and a
/// small share of the constructs the rules look for (as in real code, most code is clean).
/// </summary>
internal static class CSharpCorpus
{
    private static readonly string[] Nouns = { "Order", "Customer", "Invoice", "Product", "Shipment", "Account", "Payment", "Report", "Ticket", "Session" };
    private static readonly string[] Verbs = { "Load", "Save", "Compute", "Validate", "Export", "Import", "Merge", "Resolve", "Publish", "Refresh" };
    private static readonly string[] Columns = { "id", "name", "created_at", "status", "total", "owner_id", "region", "updated_at" };

    public static IReadOnlyList<(string Path, string Text)> Generate(int fileCount, ulong seed = 42)
    {
        var random = new DeterministicRandom(seed);
        var files = new List<(string, string)>(fileCount);
        for (var i = 0; i < fileCount; i++)
        {
            var noun = Nouns[i % Nouns.Length];
            var name = noun + (i % 2 == 0 ? "Service" : "Repository") + i.ToString(CultureInfo.InvariantCulture);
            files.Add(($"/src/Generated/{name}.cs", GenerateFile(name, noun, random)));
        }

        return files;
    }

    private static string GenerateFile(string className, string noun, DeterministicRandom random)
    {
        var b = new StringBuilder(8 * 1024);
        b.AppendLine("using System;");
        b.AppendLine("using System.Collections.Generic;");
        b.AppendLine("using System.Data.Common;");
        b.AppendLine("using System.Diagnostics;");
        b.AppendLine("using System.IO;");
        b.AppendLine("using System.Linq;");
        b.AppendLine("using System.Text;");
        b.AppendLine("using System.Threading;");
        b.AppendLine("using System.Threading.Tasks;");
        b.AppendLine();
        b.AppendLine("namespace Contoso.Generated;");
        b.AppendLine();
        b.AppendLine($"/// <summary>Handles {noun.ToLowerInvariant()} records for the back office.</summary>");
        b.AppendLine($"public sealed class {className}");
        b.AppendLine("{");
        b.AppendLine("    private readonly Dictionary<int, string> _cache = new();");
        b.AppendLine("    private readonly List<decimal> _totals = new();");
        b.AppendLine("    private readonly DbConnection _connection;");
        b.AppendLine();
        b.AppendLine($"    public {className}(DbConnection connection)");
        b.AppendLine("    {");
        b.AppendLine("        _connection = connection;");
        b.AppendLine("    }");
        b.AppendLine();
        b.AppendLine("    public string Region { get; set; } = \"north\";");
        b.AppendLine();
        b.AppendLine("    public int Count => _cache.Count;");
        var methods = 6 + random.Next(6);
        for (var m = 0; m < methods; m++)
        {
            b.AppendLine();
            var verb = random.Pick(Verbs);
            var method = verb + noun + m.ToString(CultureInfo.InvariantCulture);
            switch (random.Next(6))
            {
                case 0: AppendLoopMethod(b, method, random); break;
                case 1: AppendAsyncMethod(b, method, noun, random); break;
                case 2: AppendLinqMethod(b, method, random); break;
                case 3: AppendStringBuildingMethod(b, method, noun, random); break;
                case 4: AppendSqlMethod(b, method, noun, random); break;
                default: AppendExceptionMethod(b, method, random); break;
            }
        }

        b.AppendLine("}");
        return b.ToString();
    }

    private static void AppendLoopMethod(StringBuilder b, string method, DeterministicRandom random)
    {
        b.AppendLine("    /// <summary>Sums the positive totals, skipping the ones above the limit.</summary>");
        b.AppendLine($"    public decimal {method}(IReadOnlyList<decimal> values, decimal limit)");
        b.AppendLine("    {");
        b.AppendLine("        var sum = 0m;");
        b.AppendLine("        for (var i = 0; i < values.Count; i++)");
        b.AppendLine("        {");
        b.AppendLine("            // Negative values are refunds and are handled elsewhere.");
        b.AppendLine("            if (values[i] <= 0 || values[i] > limit)");
        b.AppendLine("            {");
        b.AppendLine("                continue;");
        b.AppendLine("            }");
        b.AppendLine();
        b.AppendLine("            sum += values[i];");
        b.AppendLine("            _totals.Add(values[i]);");
        b.AppendLine("        }");
        b.AppendLine();
        b.AppendLine("        foreach (var pair in _cache)");
        b.AppendLine("        {");
        b.AppendLine("            if (pair.Value.Length > 10)");
        b.AppendLine("            {");
        b.AppendLine("                sum += pair.Key;");
        b.AppendLine("            }");
        b.AppendLine("        }");
        if (random.Chance(10))
        {
            b.AppendLine("        Console.WriteLine(sum);");
        }

        b.AppendLine("        return sum;");
        b.AppendLine("    }");
    }

    private static void AppendAsyncMethod(StringBuilder b, string method, string noun, DeterministicRandom random)
    {
        b.AppendLine($"    public async Task<int> {method}Async(IEnumerable<int> ids, CancellationToken cancellationToken)");
        b.AppendLine("    {");
        b.AppendLine("        var loaded = 0;");
        b.AppendLine("        foreach (var id in ids)");
        b.AppendLine("        {");
        b.AppendLine("            cancellationToken.ThrowIfCancellationRequested();");
        b.AppendLine("            await Task.Delay(1, cancellationToken).ConfigureAwait(false);");
        b.AppendLine($"            _cache[id] = \"{noun.ToLowerInvariant()}-\" + id;");
        b.AppendLine("            loaded++;");
        b.AppendLine("        }");
        if (random.Chance(8))
        {
            b.AppendLine("        Thread.Sleep(10);");
        }

        if (random.Chance(8))
        {
            b.AppendLine("        var pending = Task.FromResult(loaded);");
            b.AppendLine("        loaded += pending.Result;");
        }

        b.AppendLine("        return loaded;");
        b.AppendLine("    }");
    }

    private static void AppendLinqMethod(StringBuilder b, string method, DeterministicRandom random)
    {
        var threshold = random.Next(1000);
        b.AppendLine($"    public IReadOnlyList<string> {method}(IEnumerable<KeyValuePair<int, string>> source)");
        b.AppendLine("    {");
        b.AppendLine("        return source");
        b.AppendLine($"            .Where(p => p.Key > {threshold} && !string.IsNullOrEmpty(p.Value))");
        b.AppendLine("            .OrderBy(p => p.Value, StringComparer.Ordinal)");
        b.AppendLine("            .Select(p => p.Value.Trim())");
        b.AppendLine("            .Distinct()");
        b.AppendLine("            .Take(50)");
        b.AppendLine("            .ToList();");
        b.AppendLine("    }");
    }

    private static void AppendStringBuildingMethod(StringBuilder b, string method, string noun, DeterministicRandom random)
    {
        b.AppendLine("    /// <summary>Renders a short text summary.</summary>");
        b.AppendLine($"    public string {method}(IEnumerable<string> lines)");
        b.AppendLine("    {");
        b.AppendLine("        var builder = new StringBuilder();");
        b.AppendLine($"        builder.Append(\"{noun} summary for \").Append(Region).AppendLine();");
        b.AppendLine("        foreach (var line in lines)");
        b.AppendLine("        {");
        b.AppendLine("            builder.Append(\"  - \").Append(line).Append('\\n');");
        b.AppendLine("        }");
        b.AppendLine();
        b.AppendLine("        var text = $\"{Count} entries, region {Region}\";");
        b.AppendLine("        builder.Append(text);");
        if (random.Chance(10))
        {
            b.AppendLine("        // TODO: localize the summary header");
        }

        b.AppendLine("        return builder.ToString();");
        b.AppendLine("    }");
    }

    private static void AppendSqlMethod(StringBuilder b, string method, string noun, DeterministicRandom random)
    {
        var table = noun.ToLowerInvariant() + "s";
        var column = random.Pick(Columns);
        b.AppendLine($"    public async Task<int> {method}Async(int id, CancellationToken cancellationToken)");
        b.AppendLine("    {");
        b.AppendLine("        using var command = _connection.CreateCommand();");
        if (random.Chance(10))
        {
            b.AppendLine($"        command.CommandText = \"SELECT {column} FROM {table} WHERE id = \" + id;");
        }
        else
        {
            b.AppendLine($"        command.CommandText = \"SELECT {column}, status FROM {table} WHERE id = @id AND region = @region\";");
            b.AppendLine("        var parameter = command.CreateParameter();");
            b.AppendLine("        parameter.ParameterName = \"@id\";");
            b.AppendLine("        parameter.Value = id;");
            b.AppendLine("        command.Parameters.Add(parameter);");
        }

        b.AppendLine("        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);");
        b.AppendLine("        return result is int value ? value : 0;");
        b.AppendLine("    }");
    }

    private static void AppendExceptionMethod(StringBuilder b, string method, DeterministicRandom random)
    {
        b.AppendLine($"    public string? {method}(string path)");
        b.AppendLine("    {");
        b.AppendLine("        try");
        b.AppendLine("        {");
        b.AppendLine("            var full = Path.Combine(\"data\", Path.GetFileName(path));");
        b.AppendLine("            return File.Exists(full) ? File.ReadAllText(full) : null;");
        b.AppendLine("        }");
        b.AppendLine("        catch (IOException ex)");
        b.AppendLine("        {");
        b.AppendLine("            Trace.TraceWarning(ex.Message);");
        b.AppendLine("            return null;");
        b.AppendLine("        }");
        var swallows = random.Chance(10);
        if (swallows)
        {
            b.AppendLine("        catch (Exception)");
            b.AppendLine("        {");
            b.AppendLine("        }");
        }

        b.AppendLine("        finally");
        b.AppendLine("        {");
        b.AppendLine("            _cache.Remove(path.Length);");
        b.AppendLine("        }");
        if (swallows)
        {
            b.AppendLine();
            b.AppendLine("        return string.Empty;");
        }

        b.AppendLine("    }");
    }
}

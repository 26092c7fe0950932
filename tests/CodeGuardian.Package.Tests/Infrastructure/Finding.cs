using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CodeGuardian.Package.Tests.Infrastructure;

/// <summary>One CodeGuardian diagnostic as the build reported it: rule, full path, 1-based line, severity.</summary>
public sealed record Finding(string RuleId, string FilePath, int Line, string Severity)
{
    public override string ToString() => $"{FilePath}({Line}): {Severity} {RuleId}";
}

/// <summary>Reads findings from MSBuild console output and from the compiler's SARIF 2.1 error log.</summary>
public static partial class FindingReader
{
    [GeneratedRegex(@"^\s*(?<file>.+?)\((?<line>\d+),(?<column>\d+)(?:,\d+,\d+)?\): (?<severity>warning|error|info) (?<id>CG\d{4}): ", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DiagnosticLine();

    public static IReadOnlyList<Finding> FromBuildOutput(string output)
    {
        var findings = new List<Finding>();
        var seen = new HashSet<Finding>();
        foreach (var line in output.Split('\n'))
        {
            var match = DiagnosticLine().Match(line.TrimEnd('\r'));
            if (!match.Success)
            {
                continue;
            }

            var finding = new Finding(
                match.Groups["id"].Value,
                Path.GetFullPath(match.Groups["file"].Value),
                int.Parse(match.Groups["line"].Value, CultureInfo.InvariantCulture),
                match.Groups["severity"].Value);

            // MSBuild may repeat diagnostics in its summary.
            if (seen.Add(finding))
            {
                findings.Add(finding);
            }
        }

        return findings;
    }

    public static IReadOnlyList<Finding> FromSarif(string sarifPath)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var root = document.RootElement;
        if (root.GetProperty("version").GetString() != "2.1.0")
        {
            throw new InvalidOperationException($"{sarifPath} is not a SARIF 2.1.0 log.");
        }

        var findings = new List<Finding>();
        foreach (var run in root.GetProperty("runs").EnumerateArray())
        {
            if (!run.TryGetProperty("results", out var results))
            {
                continue;
            }

            foreach (var result in results.EnumerateArray())
            {
                var ruleId = result.GetProperty("ruleId").GetString() ?? string.Empty;
                if (!ruleId.StartsWith("CG", StringComparison.Ordinal) || !result.TryGetProperty("locations", out var locations))
                {
                    continue;
                }

                foreach (var location in locations.EnumerateArray())
                {
                    var physical = location.GetProperty("physicalLocation");
                    var uri = physical.GetProperty("artifactLocation").GetProperty("uri").GetString() ?? string.Empty;
                    var line = physical.TryGetProperty("region", out var region) && region.TryGetProperty("startLine", out var startLine)
                        ? startLine.GetInt32()
                        : 0;
                    var level = result.TryGetProperty("level", out var levelElement) ? levelElement.GetString() ?? "warning" : "warning";
                    findings.Add(new Finding(ruleId, Path.GetFullPath(new Uri(uri).LocalPath), line, level));
                }
            }
        }

        return findings;
    }
}

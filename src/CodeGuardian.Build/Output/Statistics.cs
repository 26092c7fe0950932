using System.Collections.Generic;
using System.Linq;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>Counts of findings in one group: active (counted by the gate), suppressed, baselined.</summary>
internal sealed class FindingCounts
{
    public long Active { get; set; }

    public long Suppressed { get; set; }

    public long Baselined { get; set; }

    public long Total => Active + Suppressed + Baselined;

    public void Add(Finding finding)
    {
        if (finding.IsSuppressed)
        {
            Suppressed++;
        }
        else if (finding.IsBaselined)
        {
            Baselined++;
        }
        else
        {
            Active++;
        }
    }
}

/// <summary>Per-language totals of analyzed files.</summary>
internal sealed class FileCounts
{
    public long Files { get; set; }

    public long Lines { get; set; }

    public long Bytes { get; set; }
}

/// <summary>The aggregates every summary file shares, computed once.</summary>
internal sealed class Statistics
{
    public Statistics(ReportModel model)
    {
        foreach (var finding in model.Findings)
        {
            All.Add(finding);
            Group(ByRule, finding.RuleId).Add(finding);
            Group(ByCategory, RuleCatalog.ShortCategory(finding.Category)).Add(finding);
            Group(BySeverity, finding.Level).Add(finding);
            Group(ByLanguage, finding.Language).Add(finding);
            Group(ByFile, finding.RelativePath ?? "").Add(finding);
            if (finding.IsSecurity)
            {
                Security.Add(finding);
            }
        }

        foreach (var level in Levels.All)
        {
            Group(BySeverity, level);
        }

        foreach (var file in model.Files)
        {
            if (!FilesByLanguage.TryGetValue(file.Language, out var counts))
            {
                counts = new FileCounts();
                FilesByLanguage[file.Language] = counts;
            }

            counts.Files++;
            counts.Lines += file.Lines;
            counts.Bytes += file.Bytes;
            FileTotals.Files++;
            FileTotals.Lines += file.Lines;
            FileTotals.Bytes += file.Bytes;
        }
    }

    public FindingCounts All { get; } = new();

    public FindingCounts Security { get; } = new();

    public SortedDictionary<string, FindingCounts> ByRule { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, FindingCounts> ByCategory { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, FindingCounts> BySeverity { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, FindingCounts> ByLanguage { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, FindingCounts> ByFile { get; } = new(System.StringComparer.Ordinal);

    public SortedDictionary<string, FileCounts> FilesByLanguage { get; } = new(System.StringComparer.Ordinal);

    public FileCounts FileTotals { get; } = new();

    /// <summary>Groups with active findings, most first, ties by key.</summary>
    public static List<KeyValuePair<string, FindingCounts>> Top(SortedDictionary<string, FindingCounts> groups, int count) =>
        groups.Where(pair => pair.Value.Active > 0 && pair.Key.Length > 0)
            .OrderByDescending(pair => pair.Value.Active)
            .ThenBy(pair => pair.Key, System.StringComparer.Ordinal)
            .Take(count)
            .ToList();

    private static FindingCounts Group(SortedDictionary<string, FindingCounts> groups, string key)
    {
        if (!groups.TryGetValue(key, out var counts))
        {
            counts = new FindingCounts();
            groups[key] = counts;
        }

        return counts;
    }
}

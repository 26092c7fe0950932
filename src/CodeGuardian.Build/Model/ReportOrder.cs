using System;

namespace CodeGuardian.Build.Model;

/// <summary>The one order of findings in every report: file, line, column, rule, message.</summary>
internal static class ReportOrder
{
    public static int Compare(Finding? left, Finding? right)
    {
        if (ReferenceEquals(left, right))
        {
            return 0;
        }

        if (left is null)
        {
            return -1;
        }

        if (right is null)
        {
            return 1;
        }

        var byPath = ComparePaths(left.RelativePath, right.RelativePath);
        if (byPath != 0)
        {
            return byPath;
        }

        var byLine = left.StartLine.CompareTo(right.StartLine);
        if (byLine != 0)
        {
            return byLine;
        }

        var byColumn = left.StartColumn.CompareTo(right.StartColumn);
        if (byColumn != 0)
        {
            return byColumn;
        }

        var byRule = string.CompareOrdinal(left.RuleId, right.RuleId);
        return byRule != 0 ? byRule : string.CompareOrdinal(left.Message, right.Message);
    }

    /// <summary>Most severe first: level, security before other categories, then report order.</summary>
    public static int CompareWorstFirst(Finding? left, Finding? right)
    {
        if (left is null || right is null)
        {
            return Compare(left, right);
        }

        var byLevel = Levels.Rank(right.Level).CompareTo(Levels.Rank(left.Level));
        if (byLevel != 0)
        {
            return byLevel;
        }

        var bySecurity = right.IsSecurity.CompareTo(left.IsSecurity);
        return bySecurity != 0 ? bySecurity : Compare(left, right);
    }

    private static int ComparePaths(string? left, string? right)
    {
        if (left is null)
        {
            return right is null ? 0 : 1;
        }

        return right is null ? -1 : string.Compare(left, right, StringComparison.Ordinal);
    }
}

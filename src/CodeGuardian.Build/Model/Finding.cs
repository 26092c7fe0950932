using System.Collections.Generic;

namespace CodeGuardian.Build.Model;

/// <summary>One diagnostic from a compiler log (or from an earlier CodeGuardian report), normalized.</summary>
internal sealed class Finding
{
    public string RuleId { get; set; } = "";

    /// <summary>SARIF level: error, warning, note or none.</summary>
    public string Level { get; set; } = Levels.Warning;

    /// <summary>Message text with absolute paths of the repository removed.</summary>
    public string Message { get; set; } = "";

    /// <summary>Absolute path of the file, when the log gave one and it lies on this machine.</summary>
    public string? AbsolutePath { get; set; }

    /// <summary>Path relative to the repository root with forward slashes; null when the finding has no file.</summary>
    public string? RelativePath { get; set; }

    public int StartLine { get; set; }

    public int StartColumn { get; set; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    public List<FindingSuppression> Suppressions { get; } = new();

    public bool IsSuppressed => Suppressions.Count > 0;

    /// <summary>True when the finding matches an entry of the baseline file; baselined findings do not count for the gate.</summary>
    public bool IsBaselined { get; set; }

    public string Category { get; set; } = "";

    public string Language { get; set; } = Languages.Other;

    /// <summary>GitHub's <c>primaryLocationLineHash</c>; null when the file could not be read or for secret rules.</summary>
    public string? LineHash { get; set; }

    /// <summary>CodeGuardian's stable fingerprint (rule + relative path + normalized line text).</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>Projects (and target frameworks) that reported this finding.</summary>
    public SortedSet<string> Projects { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Counts for the gate and the summaries: not suppressed and not baselined.</summary>
    public bool IsActive => !IsSuppressed && !IsBaselined;

    public bool IsSecurity => Category == RuleCatalog.SecurityCategory;

    public string DisplayLocation =>
        RelativePath is null ? "(no file)" : StartLine > 0 ? $"{RelativePath}({StartLine},{StartColumn})" : RelativePath;
}

/// <summary>A SARIF suppression: <c>inSource</c> (pragma, attribute, suppression comment) or <c>external</c>.</summary>
internal sealed class FindingSuppression
{
    public string Kind { get; set; } = "inSource";

    public string? Justification { get; set; }
}

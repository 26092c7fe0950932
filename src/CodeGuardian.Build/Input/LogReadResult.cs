using System.Collections.Generic;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Input;

/// <summary>How a log was read; anything but <see cref="Ok"/> produces one task warning.</summary>
internal enum LogStatus
{
    Ok,
    Missing,
    Empty,
    Invalid,
    Partial,
    LegacyFormat,
}

/// <summary>A file the reports count as analyzed (SARIF artifact).</summary>
internal sealed class AnalyzedFile
{
    public string RelativePath { get; set; } = "";

    public string Language { get; set; } = Languages.Other;

    public long Bytes { get; set; }

    public long Lines { get; set; }
}

/// <summary>What one SARIF log held.</summary>
internal sealed class LogReadResult
{
    public LogReadResult(string path)
    {
        Path = path;
    }

    public string Path { get; }

    public LogStatus Status { get; set; } = LogStatus.Ok;

    /// <summary>Why the status is not Ok, in words for a task warning (no absolute paths).</summary>
    public string? Problem { get; set; }

    public string? SarifVersion { get; set; }

    public string? ToolName { get; set; }

    public string? ToolVersion { get; set; }

    public List<Finding> Findings { get; } = new();

    public Dictionary<string, RuleMetadata> Rules { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Files listed as artifacts with a size (only CodeGuardian reports list them).</summary>
    public List<AnalyzedFile> Artifacts { get; } = new();

    /// <summary>Total analyzer time the compiler measured, when it reported it.</summary>
    public double? AnalyzerExecutionSeconds { get; set; }

    /// <summary>Project labels the log belongs to (CodeGuardian reports list them in run properties).</summary>
    public List<string> Projects { get; } = new();

    /// <summary>True when this is a CodeGuardian report (paths relative to %SRCROOT%) rather than a compiler log.</summary>
    public bool IsCodeGuardianReport { get; set; }
}

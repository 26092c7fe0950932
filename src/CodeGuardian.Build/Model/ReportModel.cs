using System;
using System.Collections.Generic;
using CodeGuardian.Build.Enrichment;
using CodeGuardian.Build.Input;

namespace CodeGuardian.Build.Model;

/// <summary>Everything the writers need; built once from compiler logs (per project) or from project reports (merge).</summary>
internal sealed class ReportModel
{
    public ReportModel(SourceRoot root, string projectName)
    {
        Root = root;
        ProjectName = projectName;
    }

    public SourceRoot Root { get; }

    /// <summary>Project name (per-project report) or solution/folder name (merged report).</summary>
    public string ProjectName { get; }

    /// <summary>Repository-relative path of the project file, used as the location of findings without a file.</summary>
    public string? ProjectRelativePath { get; set; }

    public string ToolVersion { get; set; } = "0.0.0";

    public string Environment { get; set; } = "";

    public string CorrelationId { get; set; } = "";

    public DateTime GeneratedUtc { get; set; } = DateTime.UtcNow;

    /// <summary>When the newest input log was written; null when none was found.</summary>
    public DateTime? InputsWrittenUtc { get; set; }

    public bool IsMerged { get; set; }

    public bool KeepAllRules { get; set; }

    public bool IncludeRootUri { get; set; } = true;

    /// <summary>True when a baseline file was applied or written, so baseline states are meaningful.</summary>
    public bool BaselineApplied { get; set; }

    public double? AnalyzerExecutionSeconds { get; set; }

    public List<Finding> Findings { get; } = new();

    public Dictionary<string, RuleMetadata> Rules { get; } = new(StringComparer.Ordinal);

    public List<AnalyzedFile> Files { get; } = new();

    public List<LogReadResult> Logs { get; } = new();

    /// <summary>Project labels covered (project/target framework for multi-targeting).</summary>
    public SortedSet<string> Projects { get; } = new(StringComparer.Ordinal);

    public GateOptions Gate { get; set; } = new();

    /// <summary>The hosted repository and commit, when the CI tells them.</summary>
    public VersionControlInfo? VersionControl { get; set; }

    /// <summary>The SARIF automationDetails.id: category "codeguardian/&lt;project&gt;/" plus the correlation id.</summary>
    public string AutomationId => "codeguardian/" + ProjectName + "/" + CorrelationId;

    public RuleMetadata RuleOf(string ruleId)
    {
        if (!Rules.TryGetValue(ruleId, out var rule))
        {
            rule = new RuleMetadata { Id = ruleId };
            RuleCatalog.Enrich(rule, null);
            Rules[ruleId] = rule;
        }

        return rule;
    }
}

/// <summary>SARIF versionControlProvenance: which repository and commit the paths are relative to.</summary>
internal sealed class VersionControlInfo
{
    public string RepositoryUri { get; set; } = "";

    public string? RevisionId { get; set; }

    public string? Branch { get; set; }
}

/// <summary>Quality-gate thresholds; a negative maximum means "no limit".</summary>
internal sealed class GateOptions
{
    public int MaxErrors { get; set; } = -1;

    public int MaxWarnings { get; set; } = -1;

    public int MaxSecurityFindings { get; set; } = -1;

    /// <summary>error, warning or note; null to not fail on severity alone.</summary>
    public string? FailOn { get; set; }
}

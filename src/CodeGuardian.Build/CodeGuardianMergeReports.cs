using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeGuardian.Build.Enrichment;
using CodeGuardian.Build.Input;
using CodeGuardian.Build.Model;
using CodeGuardian.Build.Output;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeGuardian.Build;

/// <summary>
/// Merges per-project CodeGuardian SARIF reports into one folder: one SARIF run (identical results of
/// multi-targeted builds become one), and merged metrics, health, OpenMetrics, Markdown and GitLab files.
/// Reading and writing happen under a folder lock, so projects built in parallel each leave a consistent merge.
/// </summary>
public sealed class CodeGuardianMergeReports : Task
{
    /// <summary>Folder (inside the output folder) where projects register their reports.</summary>
    public const string ProjectsFolder = ".projects";

    [Required]
    public string OutputDirectory { get; set; } = "";

    /// <summary>Report files to merge; default: every *.sarif in &lt;OutputDirectory&gt;/.projects/.</summary>
    public ITaskItem[] Inputs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Name of the merged report (solution name); default: the output folder's parent name.</summary>
    public string? ReportName { get; set; }

    public string? RepositoryRoot { get; set; }

    public string? RulesDocsDirectory { get; set; }

    public string? EnvironmentProfile { get; set; }

    public string? CorrelationId { get; set; }

    public bool KeepAllRules { get; set; }

    public bool IncludeRootUri { get; set; } = true;

    public string? MaxErrors { get; set; }

    public string? MaxWarnings { get; set; }

    public string? MaxSecurityFindings { get; set; }

    public string? FailOn { get; set; }

    /// <summary>Re-applied to the merged findings when given (and not updating).</summary>
    public string? BaselineFile { get; set; }

    /// <summary>Writes the merged findings to <see cref="BaselineFile"/> (or the output folder).</summary>
    public bool UpdateBaseline { get; set; }

    public bool WriteCiSummaries { get; set; } = true;

    /// <summary>Off by default: the project task already gates each project.</summary>
    public bool FailOnGate { get; set; }

    public string? ToolVersion { get; set; }

    [Output]
    public string Status { get; private set; } = "";

    internal ReportContext Context { get; set; } = ReportContext.Process;

    public override bool Execute()
    {
        var log = new TaskLog(Log, null);
        try
        {
            return Run(log);
        }
        catch (Exception exception)
        {
            log.Warning(ReportCodes.WriteFailed, $"CodeGuardian: the merged reports could not be produced: {exception.GetType().Name}: {exception.Message}");
            return true;
        }
    }

    internal bool Run(IReportLog log)
    {
        var outputDirectory = Path.GetFullPath(OutputDirectory);
        Directory.CreateDirectory(outputDirectory);
        using var folderLock = ReportWriter.AcquireLock(outputDirectory, log);

        var inputs = Inputs.Length > 0
            ? Inputs.Select(item => item.GetMetadata("FullPath") is { Length: > 0 } full ? full : Path.GetFullPath(item.ItemSpec)).ToList()
            : DefaultInputs(outputDirectory);
        var rootPath = string.IsNullOrWhiteSpace(RepositoryRoot) ? SourceRoot.Discover(outputDirectory) : Path.GetFullPath(RepositoryRoot);
        var root = new SourceRoot(rootPath);
        var name = string.IsNullOrWhiteSpace(ReportName) ? DefaultName(root) : ReportName!;
        var model = new ReportModel(root, name)
        {
            IsMerged = true,
            ToolVersion = string.IsNullOrWhiteSpace(ToolVersion) ? ReportContext.ToolVersion : ToolVersion!,
            Environment = EnvironmentProfile?.Trim() ?? "",
            CorrelationId = Context.CorrelationId(CorrelationId),
            VersionControl = Context.VersionControl(),
            KeepAllRules = KeepAllRules,
            IncludeRootUri = IncludeRootUri,
            Gate = TaskParameters.Gate(MaxErrors, MaxWarnings, MaxSecurityFindings, FailOn, log),
        };

        if (inputs.Count == 0)
        {
            log.Warning(ReportCodes.NothingToMerge, $"CodeGuardian: no project reports to merge in {outputDirectory}.");
        }

        foreach (var input in inputs)
        {
            var report = SarifLogReader.Read(input, root.Relativize(input));
            CodeGuardianReport.Report(report, log);
            if (File.Exists(input))
            {
                var written = File.GetLastWriteTimeUtc(input);
                model.InputsWrittenUtc = model.InputsWrittenUtc is { } previous && previous > written ? previous : written;
            }

            ReportBuilder.AddProjectReport(model, report);
        }

        ReportBuilder.Complete(model, string.IsNullOrWhiteSpace(RulesDocsDirectory) ? null : RulesDocsDirectory, null);
        if (UpdateBaseline)
        {
            Baseline.AcceptAll(model);
        }
        else if (!string.IsNullOrWhiteSpace(BaselineFile) && File.Exists(BaselineFile))
        {
            var fingerprints = Baseline.Load(Path.GetFullPath(BaselineFile), out var problem);
            if (fingerprints is null)
            {
                log.Warning(ReportCodes.BaselineUnreadable, $"CodeGuardian: the baseline {root.Relativize(Path.GetFullPath(BaselineFile))} {problem}; every finding counts.");
            }
            else
            {
                Baseline.Apply(model, fingerprints);
            }
        }
        else if (model.Findings.Any(finding => finding.IsBaselined))
        {
            model.BaselineApplied = true;
        }

        var options = new WriteOptions
        {
            OutputDirectory = outputDirectory,
            UpdateBaseline = UpdateBaseline,
            BaselineOutputFile = string.IsNullOrWhiteSpace(BaselineFile) ? null : BaselineFile,
            WriteCiSummaries = WriteCiSummaries,
            FailOnGate = FailOnGate,
        };
        var gate = ReportWriter.Write(model, options, Context, log, lockFolder: false);
        Status = gate.Status;
        return gate.Ready || !FailOnGate;
    }

    private static List<string> DefaultInputs(string outputDirectory)
    {
        var folder = Path.Combine(outputDirectory, ProjectsFolder);
        if (!Directory.Exists(folder))
        {
            return new List<string>();
        }

        var files = Directory.GetFiles(folder, "*.sarif").ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string DefaultName(SourceRoot root)
    {
        var name = Path.GetFileName(root.FullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return string.IsNullOrEmpty(name) ? "solution" : name;
    }
}

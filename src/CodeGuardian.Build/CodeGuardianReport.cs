using System;
using System.Collections.Generic;
using System.IO;
using CodeGuardian.Build.Enrichment;
using CodeGuardian.Build.Input;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;
using CodeGuardian.Build.Output;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeGuardian.Build;

/// <summary>
/// Reads a project's compiler SARIF log(s) and writes the CodeGuardian reports (SARIF, metrics, health,
/// OpenMetrics, Markdown, GitLab) to <see cref="OutputDirectory"/>, then applies the quality gate.
/// </summary>
public sealed class CodeGuardianReport : Task
{
    /// <summary>Compiler error logs; an ErrorLog value with its <c>,version=2.1</c> suffix is accepted.</summary>
    [Required]
    public ITaskItem[] ErrorLogs { get; set; } = Array.Empty<ITaskItem>();

    [Required]
    public string OutputDirectory { get; set; } = "";

    public string? ProjectName { get; set; }

    /// <summary>The project file; its folder resolves relative paths and starts the repository root search.</summary>
    public string? ProjectPath { get; set; }

    /// <summary>Set for multi-targeted projects so results name the target framework that reported them.</summary>
    public string? TargetFramework { get; set; }

    /// <summary>Overrides the repository root (default: the nearest folder with .git above the project).</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>Compile and AdditionalFiles items, counted as analyzed files.</summary>
    public ITaskItem[] SourceFiles { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Folder with docs/rules/&lt;ID&gt;.md pages for the SARIF rule help.</summary>
    public string? RulesDocsDirectory { get; set; }

    /// <summary>The environment profile (CodeGuardianEnvironment): Development, Staging, Production.</summary>
    public string? EnvironmentProfile { get; set; }

    /// <summary>Used when no CI run id is found.</summary>
    public string? CorrelationId { get; set; }

    public bool KeepAllRules { get; set; }

    /// <summary>Write the repository root URI in originalUriBaseIds (the only absolute path in the SARIF file).</summary>
    public bool IncludeRootUri { get; set; } = true;

    public string? MaxErrors { get; set; }

    public string? MaxWarnings { get; set; }

    public string? MaxSecurityFindings { get; set; }

    /// <summary>error, warning, note or none.</summary>
    public string? FailOn { get; set; }

    public string? BaselineFile { get; set; }

    public bool UpdateBaseline { get; set; }

    /// <summary>Where the updated baseline goes (default: the output folder).</summary>
    public string? BaselineOutputFile { get; set; }

    /// <summary>When set, the project's SARIF report is also registered in &lt;folder&gt;/.projects/ for the merge task.</summary>
    public string? PublishDirectory { get; set; }

    public bool WriteCiSummaries { get; set; }

    public bool FailOnGate { get; set; } = true;

    public string? ToolVersion { get; set; }

    /// <summary>healthy, degraded or unhealthy.</summary>
    [Output]
    public string Status { get; private set; } = "";

    [Output]
    public string SarifFile { get; private set; } = "";

    /// <summary>The CGB001 text when the gate failed, else empty (for targets that report the gate later).</summary>
    [Output]
    public string GateMessage { get; private set; } = "";

    internal ReportContext Context { get; set; } = ReportContext.Process;

    public override bool Execute()
    {
        var log = new TaskLog(Log, ProjectPath);
        try
        {
            return Run(log);
        }
        catch (Exception exception)
        {
            // A reporting problem must never look like a compiler crash: one warning, the build goes on.
            log.Warning(ReportCodes.WriteFailed, $"CodeGuardian: the reports could not be produced: {exception.GetType().Name}: {exception.Message}");
            return true;
        }
    }

    internal bool Run(IReportLog log)
    {
        var projectDirectory = string.IsNullOrEmpty(ProjectPath) ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(ProjectPath))!;
        var root = new SourceRoot(string.IsNullOrWhiteSpace(RepositoryRoot) ? SourceRoot.Discover(projectDirectory) : Path.GetFullPath(RepositoryRoot));
        var name = string.IsNullOrWhiteSpace(ProjectName) ? Path.GetFileNameWithoutExtension(ProjectPath ?? projectDirectory) : ProjectName!;
        var label = string.IsNullOrWhiteSpace(TargetFramework) ? name : name + "/" + TargetFramework;
        var model = new ReportModel(root, name)
        {
            ProjectRelativePath = string.IsNullOrEmpty(ProjectPath) ? null : root.Relativize(Path.GetFullPath(ProjectPath)),
            ToolVersion = string.IsNullOrWhiteSpace(ToolVersion) ? ReportContext.ToolVersion : ToolVersion!,
            Environment = EnvironmentProfile?.Trim() ?? "",
            CorrelationId = Context.CorrelationId(CorrelationId),
            VersionControl = Context.VersionControl(),
            KeepAllRules = KeepAllRules,
            IncludeRootUri = IncludeRootUri,
            Gate = TaskParameters.Gate(MaxErrors, MaxWarnings, MaxSecurityFindings, FailOn, log),
        };

        foreach (var item in ErrorLogs)
        {
            var path = SarifLogReader.PathOf(item.ItemSpec);
            if (path.Length == 0)
            {
                continue;
            }

            var absolute = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(projectDirectory, path));
            var result = SarifLogReader.Read(absolute, root.Relativize(absolute));
            Report(result, log);
            if (File.Exists(absolute))
            {
                var written = File.GetLastWriteTimeUtc(absolute);
                model.InputsWrittenUtc = model.InputsWrittenUtc is { } previous && previous > written ? previous : written;
            }

            ReportBuilder.AddCompilerLog(model, result, label, projectDirectory);
        }

        if (model.Logs.Count == 0)
        {
            model.Projects.Add(label);
        }

        var sources = new List<string>();
        foreach (var item in SourceFiles)
        {
            var full = item.GetMetadata("FullPath");
            sources.Add(string.IsNullOrEmpty(full) ? Path.Combine(projectDirectory, item.ItemSpec) : full);
        }

        ReportBuilder.Complete(model, NullIfEmpty(RulesDocsDirectory), sources);
        ApplyBaseline(model, log);

        var outputDirectory = Path.GetFullPath(Path.IsPathRooted(OutputDirectory) ? OutputDirectory : Path.Combine(projectDirectory, OutputDirectory));
        var options = new WriteOptions
        {
            OutputDirectory = outputDirectory,
            UpdateBaseline = UpdateBaseline,
            BaselineOutputFile = NullIfEmpty(BaselineOutputFile),
            WriteCiSummaries = WriteCiSummaries,
            FailOnGate = FailOnGate,
        };
        var gate = ReportWriter.Write(model, options, Context, log);
        Status = gate.Status;
        GateMessage = gate.Ready ? "" : ReportWriter.GateMessage(model, gate);
        var passed = gate.Ready || !FailOnGate;
        SarifFile = Path.Combine(outputDirectory, SarifReport.FileName);

        if (!string.IsNullOrWhiteSpace(PublishDirectory))
        {
            var registration = Path.Combine(Path.GetFullPath(PublishDirectory), CodeGuardianMergeReports.ProjectsFolder, ReportWriter.SafeFileName(label) + ".sarif");
            try
            {
                AtomicFile.WriteAllBytes(registration, File.ReadAllBytes(SarifFile));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                log.Warning(ReportCodes.WriteFailed, $"CodeGuardian: could not register the project report for merging: {exception.Message}");
            }
        }

        return passed;
    }

    private void ApplyBaseline(ReportModel model, IReportLog log)
    {
        if (UpdateBaseline)
        {
            Baseline.AcceptAll(model);
            return;
        }

        if (string.IsNullOrWhiteSpace(BaselineFile))
        {
            return;
        }

        var path = Path.GetFullPath(BaselineFile);
        if (!File.Exists(path))
        {
            log.Message($"CodeGuardian: no baseline at {model.Root.Relativize(path)}; every finding counts (create one with CodeGuardianUpdateBaseline=true).");
            return;
        }

        var fingerprints = Baseline.Load(path, out var problem);
        if (fingerprints is null)
        {
            log.Warning(ReportCodes.BaselineUnreadable, $"CodeGuardian: the baseline {model.Root.Relativize(path)} {problem}; every finding counts.");
            return;
        }

        Baseline.Apply(model, fingerprints);
    }

    internal static void Report(LogReadResult result, IReportLog log)
    {
        if (result.Problem is null)
        {
            return;
        }

        var code = result.Status switch
        {
            LogStatus.Missing => ReportCodes.LogMissing,
            LogStatus.LegacyFormat => ReportCodes.LogLegacyFormat,
            _ => ReportCodes.LogUnreadable,
        };
        log.Warning(code, "CodeGuardian: " + result.Problem + ".");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CodeGuardian.Build.Input;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Enrichment;

/// <summary>Turns read logs into a <see cref="ReportModel"/>: relative paths, filtering, dedupe, hashes, fingerprints, rules, files.</summary>
internal static class ReportBuilder
{
    /// <summary>Adds the findings of a compiler log (absolute file URIs) reported by <paramref name="projectLabel"/>.</summary>
    public static void AddCompilerLog(ReportModel model, LogReadResult log, string projectLabel, string projectDirectory)
    {
        model.Logs.Add(log);
        model.Projects.Add(projectLabel);
        if (log.AnalyzerExecutionSeconds is { } seconds)
        {
            model.AnalyzerExecutionSeconds = (model.AnalyzerExecutionSeconds ?? 0) + seconds;
        }

        foreach (var rule in log.Rules.Values)
        {
            if (model.KeepAllRules || RuleCatalog.IsCodeGuardianRule(rule.Id))
            {
                AddRule(model, rule);
            }
        }

        foreach (var finding in log.Findings)
        {
            if (!model.KeepAllRules && !RuleCatalog.IsCodeGuardianRule(finding.RuleId))
            {
                continue;
            }

            if (finding.AbsolutePath is not null)
            {
                var absolute = SourceRoot.ToAbsolutePath(finding.AbsolutePath, projectDirectory);
                finding.AbsolutePath = absolute;
                finding.RelativePath = absolute is null ? null : model.Root.Relativize(absolute);
            }

            finding.Message = model.Root.Scrub(finding.Message);
            foreach (var suppression in finding.Suppressions)
            {
                suppression.Justification = suppression.Justification is null ? null : model.Root.Scrub(suppression.Justification);
            }

            finding.Projects.Add(projectLabel);
            model.Findings.Add(finding);
        }
    }

    /// <summary>Adds a CodeGuardian report written by a project (paths already relative, fingerprints set).</summary>
    public static void AddProjectReport(ReportModel model, LogReadResult report)
    {
        model.Logs.Add(report);
        foreach (var project in report.Projects)
        {
            model.Projects.Add(project);
        }

        if (report.AnalyzerExecutionSeconds is { } seconds)
        {
            model.AnalyzerExecutionSeconds = (model.AnalyzerExecutionSeconds ?? 0) + seconds;
        }

        foreach (var rule in report.Rules.Values)
        {
            AddRule(model, rule);
        }

        foreach (var finding in report.Findings)
        {
            if (!model.KeepAllRules && !RuleCatalog.IsCodeGuardianRule(finding.RuleId))
            {
                continue;
            }

            model.Findings.Add(finding);
        }

        model.Files.AddRange(report.Artifacts);
    }

    /// <summary>Everything after the inputs are in: dedupe, categories, languages, hashes, fingerprints, rules, files.</summary>
    public static void Complete(ReportModel model, string? docsDirectory, IEnumerable<string>? sourceFiles)
    {
        var files = new SourceFiles();
        Deduplicate(model);
        foreach (var finding in model.Findings)
        {
            var rule = model.RuleOf(finding.RuleId);
            if (finding.Category.Length == 0)
            {
                finding.Category = rule.Category.Length > 0 ? rule.Category : RuleCatalog.CategoryOf(finding.RuleId);
            }

            if (finding.RelativePath is not null && finding.Language == Languages.Other)
            {
                finding.Language = Languages.FromPath(finding.RelativePath);
            }

            // GitHub would compute the same hash on upload; for secret rules it is left out so nothing derived from
            // a line holding a secret leaves the build.
            if (finding.LineHash is null && finding.RelativePath is not null && finding.StartLine > 0 && !RuleCatalog.IsSecretRule(finding.RuleId))
            {
                var path = finding.AbsolutePath ?? model.Root.Resolve(finding.RelativePath);
                finding.LineHash = files.Get(path)?.LineHashOf(finding.StartLine);
            }
        }

        Fingerprints.Assign(model.Findings, model.Root, files);
        model.Findings.Sort(ReportOrder.Compare);

        foreach (var rule in model.Rules.Values)
        {
            RuleCatalog.Enrich(rule, docsDirectory);
        }

        if (sourceFiles is not null)
        {
            AddSourceFiles(model, sourceFiles);
        }

        DeduplicateFiles(model);
    }

    private static void AddRule(ReportModel model, RuleMetadata rule)
    {
        if (model.Rules.TryGetValue(rule.Id, out var existing))
        {
            existing.Complete(rule);
        }
        else
        {
            var copy = new RuleMetadata { Id = rule.Id };
            copy.Complete(rule);
            model.Rules[rule.Id] = copy;
        }
    }

    /// <summary>A multi-targeted project compiles each file once per target framework: identical results become one, listing every project.</summary>
    private static void Deduplicate(ReportModel model)
    {
        var unique = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var ordered = new List<Finding>();
        foreach (var finding in model.Findings)
        {
            var key = string.Join("\u001f", finding.RuleId, finding.Level, finding.RelativePath ?? "", finding.StartLine, finding.StartColumn, finding.EndLine, finding.EndColumn, finding.Message, finding.IsSuppressed);
            if (unique.TryGetValue(key, out var existing))
            {
                foreach (var project in finding.Projects)
                {
                    existing.Projects.Add(project);
                }

                existing.IsBaselined |= finding.IsBaselined;
                existing.LineHash ??= finding.LineHash;
                if (existing.Fingerprint.Length == 0)
                {
                    existing.Fingerprint = finding.Fingerprint;
                }

                continue;
            }

            unique[key] = finding;
            ordered.Add(finding);
        }

        model.Findings.Clear();
        model.Findings.AddRange(ordered);
    }

    private static void AddSourceFiles(ReportModel model, IEnumerable<string> sourceFiles)
    {
        foreach (var file in sourceFiles)
        {
            if (string.IsNullOrWhiteSpace(file))
            {
                continue;
            }

            string absolute;
            try
            {
                absolute = Path.GetFullPath(file);
            }
            catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
            {
                continue;
            }

            if (SourceFiles.Measure(absolute) is not { } size)
            {
                continue;
            }

            model.Files.Add(new AnalyzedFile
            {
                RelativePath = model.Root.Relativize(absolute),
                Language = Languages.FromPath(absolute),
                Bytes = size.Bytes,
                Lines = size.Lines,
            });
        }
    }

    private static void DeduplicateFiles(ReportModel model)
    {
        var unique = model.Files
            .GroupBy(file => file.RelativePath, StringComparer.Ordinal)
            .Select(group => group.First())
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
        model.Files.Clear();
        model.Files.AddRange(unique);
    }
}

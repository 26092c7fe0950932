using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CodeGuardian.Build.Gate;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>
/// <c>codeguardian.md</c>: a short human summary (verdict, counts, gate, top rules and files, worst findings).
/// Links are made by the caller: relative to the report file, or absolute links into the hosted repository.
/// </summary>
internal static class MarkdownReport
{
    public const string FileName = "codeguardian.md";
    private const int TopCount = 10;

    /// <summary>Makes a link target for a repository-relative path and line (0 for none); null for no link.</summary>
    public delegate string? LinkBuilder(string relativePath, int line);

    public static string Render(ReportModel model, Statistics statistics, GateResult gate, LinkBuilder links)
    {
        var output = new StringBuilder();
        output.Append("## CodeGuardian report: ").Append(Escape(model.ProjectName)).Append('\n').Append('\n');
        var verdict = gate.Ready ? "✅ Passed" : "❌ Failed";
        output.Append("**Verdict: ").Append(verdict).Append("** · status `").Append(gate.Status).Append('`');
        if (model.Environment.Length > 0)
        {
            output.Append(" · environment `").Append(Escape(model.Environment)).Append('`');
        }

        output.Append(" · ").Append(Count(statistics.FileTotals.Files)).Append(" files analyzed\n\n");

        output.Append("| Findings | Active | Suppressed | Baselined |\n|---|---:|---:|---:|\n");
        CountRow(output, "Errors", statistics.BySeverity[Levels.Error]);
        CountRow(output, "Warnings", statistics.BySeverity[Levels.Warning]);
        CountRow(output, "Notes", statistics.BySeverity[Levels.Note]);
        CountRow(output, "Security", statistics.Security);
        CountRow(output, "**Total**", statistics.All);
        output.Append('\n');

        output.Append("### Quality gate\n\n| Check | Threshold | Actual | Result |\n|---|---:|---:|---|\n");
        foreach (var check in gate.Checks)
        {
            var threshold = check.ThresholdLevel ?? (check.Threshold is { } value ? Count(value) : "not set");
            output.Append("| ").Append(check.Name).Append(" | ").Append(threshold).Append(" | ").Append(Count(check.Actual)).Append(" | ")
                .Append(check.Passed ? "pass" : "**fail**").Append(" |\n");
        }

        output.Append('\n');

        var topRules = Statistics.Top(statistics.ByRule, TopCount);
        if (topRules.Count > 0)
        {
            output.Append("### Top rules\n\n| Rule | Title | Category | Active |\n|---|---|---|---:|\n");
            foreach (var pair in topRules)
            {
                var rule = model.RuleOf(pair.Key);
                var id = rule.HelpUri is null ? pair.Key : "[" + pair.Key + "](" + rule.HelpUri + ")";
                output.Append("| ").Append(id).Append(" | ").Append(Escape(rule.Title)).Append(" | ").Append(RuleCatalog.ShortCategory(rule.Category))
                    .Append(" | ").Append(Count(pair.Value.Active)).Append(" |\n");
            }

            output.Append('\n');
        }

        var topFiles = Statistics.Top(statistics.ByFile, TopCount);
        if (topFiles.Count > 0)
        {
            output.Append("### Top files\n\n| File | Active findings |\n|---|---:|\n");
            foreach (var pair in topFiles)
            {
                output.Append("| ").Append(Link(pair.Key, 0, links)).Append(" | ").Append(Count(pair.Value.Active)).Append(" |\n");
            }

            output.Append('\n');
        }

        var worst = gate.Offenders.Count > 0 ? gate.Offenders.Take(TopCount).ToList() : QualityGate.Worst(model, TopCount);
        if (worst.Count > 0)
        {
            output.Append(gate.Ready ? "### Most severe findings\n\n" : "### Findings that fail the gate\n\n");
            foreach (var finding in worst)
            {
                output.Append("- **").Append(finding.Level).Append("** ").Append(finding.RuleId).Append(' ');
                output.Append(finding.RelativePath is null ? "(no file)" : Link(finding.RelativePath, finding.StartLine, links, finding.RelativePath + ":" + finding.StartLine.ToString(CultureInfo.InvariantCulture)));
                output.Append(": ").Append(Escape(finding.Message)).Append('\n');
            }

            output.Append('\n');
        }

        output.Append("<sub>CodeGuardian ").Append(Escape(model.ToolVersion)).Append(" · correlation id `").Append(Escape(model.CorrelationId)).Append("`</sub>\n");
        return output.ToString();
    }

    private static void CountRow(StringBuilder output, string name, FindingCounts counts) =>
        output.Append("| ").Append(name).Append(" | ").Append(Count(counts.Active)).Append(" | ").Append(Count(counts.Suppressed)).Append(" | ").Append(Count(counts.Baselined)).Append(" |\n");

    private static string Link(string relativePath, int line, LinkBuilder links, string? text = null)
    {
        var label = Escape(text ?? relativePath);
        var target = links(relativePath, line);
        return target is null ? "`" + label.Replace("`", "'") + "`" : "[" + label + "](" + target.Replace(" ", "%20").Replace(")", "%29") + ")";
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Keeps messages from breaking tables or starting markup.</summary>
    internal static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            switch (character)
            {
                case '|':
                case '*':
                case '_':
                case '[':
                case ']':
                case '<':
                case '>':
                case '`':
                case '\\':
                    builder.Append('\\').Append(character);
                    break;
                case '\r':
                case '\n':
                    builder.Append(' ');
                    break;
                default:
                    builder.Append(character);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Link from a report file in <paramref name="reportDirectory"/> to a repository file.</summary>
    public static LinkBuilder RelativeLinks(Enrichment.SourceRoot root, string reportDirectory)
    {
        var from = new Enrichment.SourceRoot(reportDirectory);
        return (path, line) =>
        {
            var target = from.Relativize(root.Resolve(path));
            return line > 0 ? target + "#L" + line.ToString(CultureInfo.InvariantCulture) : target;
        };
    }

    /// <summary>Links into the hosted repository at the built commit, or none when the variables are missing.</summary>
    public static LinkBuilder GitHubLinks(Func<string, string?> environment)
    {
        var server = environment("GITHUB_SERVER_URL");
        var repository = environment("GITHUB_REPOSITORY");
        var sha = environment("GITHUB_SHA");
        if (string.IsNullOrEmpty(server) || string.IsNullOrEmpty(repository) || string.IsNullOrEmpty(sha))
        {
            return (_, _) => null;
        }

        return (path, line) =>
        {
            if (path.StartsWith("../", StringComparison.Ordinal))
            {
                return null;
            }

            var url = server!.TrimEnd('/') + "/" + repository + "/blob/" + sha + "/" + Enrichment.SourceRoot.ToRelativeUri(path);
            return line > 0 ? url + "#L" + line.ToString(CultureInfo.InvariantCulture) : url;
        };
    }
}

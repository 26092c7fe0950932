using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary>
/// <c>gl-code-quality-report.json</c>: GitLab Code Quality (a Code Climate subset). Suppressed findings are left
/// out; fingerprints are CodeGuardian's stable ones so merge-request widgets compare across pipelines.
/// </summary>
internal static class GitLabReport
{
    public const string FileName = "gl-code-quality-report.json";

    public static byte[] Render(ReportModel model) => Json.Render(writer =>
    {
        writer.WriteStartArray();
        foreach (var finding in model.Findings)
        {
            if (finding.IsSuppressed)
            {
                continue;
            }

            var path = finding.RelativePath ?? model.ProjectRelativePath ?? model.ProjectName;
            writer.WriteStartObject();
            writer.WriteString("type", "issue");
            writer.WriteString("check_name", finding.RuleId);
            writer.WriteString("description", finding.RuleId + ": " + finding.Message);
            writer.WriteStartArray("categories");
            writer.WriteStringValue(Category(finding.Category));
            writer.WriteEndArray();
            writer.WriteString("severity", Severity(finding));
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteStartObject("location");
            writer.WriteString("path", path);
            writer.WriteStartObject("lines");
            writer.WriteNumber("begin", finding.StartLine > 0 ? finding.StartLine : 1);
            if (finding.EndLine > 0)
            {
                writer.WriteNumber("end", finding.EndLine);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>GitLab severities: info, minor, major, critical, blocker.</summary>
    internal static string Severity(Finding finding) => finding.Level switch
    {
        Levels.Error => finding.IsSecurity ? "blocker" : "critical",
        Levels.Warning => finding.IsSecurity ? "critical" : "major",
        Levels.Note => "minor",
        _ => "info",
    };

    private static string Category(string category) => RuleCatalog.ShortCategory(category) switch
    {
        "security" => "Security",
        "performance" => "Performance",
        "reliability" => "Bug Risk",
        "production" => "Bug Risk",
        "configuration" => "Bug Risk",
        "dependencies" => "Compatibility",
        "maintainability" => "Clarity",
        _ => "Style",
    };
}

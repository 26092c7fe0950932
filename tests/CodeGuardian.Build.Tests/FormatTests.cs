using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

public class FormatTests
{
    private static readonly Regex Sample = new(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*=""(\\.|[^""\\])*""(,[a-zA-Z_][a-zA-Z0-9_]*=""(\\.|[^""\\])*"")*)\})? (?<value>-?[0-9]+(\.[0-9]+)?)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [Fact]
    public void OpenMetrics_text_is_well_formed()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.SourceFiles = repository.SourceItems();
        task.UpdateBaseline = false;
        Assert.True(task.Run(new RecordingLog()));

        var bytes = File.ReadAllBytes(Path.Combine(repository.Output(), OpenMetricsReport.FileName));
        Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF, "no byte-order mark");
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("\n# EOF\n", text, StringComparison.Ordinal);

        var lines = text.Split('\n');
        Assert.Equal("", lines[^1]);
        var typed = new Dictionary<string, string>(StringComparer.Ordinal);
        var seenFamilies = new List<string>();
        string? current = null;
        foreach (var line in lines[..^2])
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(4, parts.Length);
                Assert.Equal("gauge", parts[3]);
                Assert.StartsWith("codeguardian_", parts[2]);
                Assert.DoesNotContain(parts[2], seenFamilies); // each family appears once, contiguously
                seenFamilies.Add(parts[2]);
                current = parts[2];
                typed[current] = parts[3];
                continue;
            }

            if (line.StartsWith("# UNIT ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(current, parts[2]);
                Assert.EndsWith("_" + parts[3], parts[2]); // unit is the name's suffix
                Assert.Contains(parts[3], new[] { "bytes", "seconds" });
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                Assert.Equal(current, line.Split(' ')[2]);
                continue;
            }

            Assert.False(line.StartsWith('#'), line);
            var match = Sample.Match(line);
            Assert.True(match.Success, line);
            Assert.Equal(current, match.Groups["name"].Value); // no timestamps: the value ends the line
            Assert.Contains("project=\"App\"", line);
            Assert.DoesNotContain("_total", match.Groups["name"].Value);
        }

        Assert.Contains("codeguardian_findings{project=\"App\",rule=\"CG3001\",category=\"reliability\",severity=\"error\"} 1", text);
        Assert.Contains("codeguardian_findings_suppressed{project=\"App\",rule=\"CG1001\",category=\"maintainability\",severity=\"warning\"} 1", text);
        Assert.Contains("codeguardian_findings_by_severity{project=\"App\",severity=\"error\"} 1", text);
        Assert.Contains("codeguardian_source_lines{project=\"App\",language=\"csharp\"} 32", text);
        Assert.Contains("codeguardian_analyzer_execution_seconds{project=\"App\"} 0.852", text);
        Assert.Contains("codeguardian_health_status{project=\"App\",status=\"degraded\"} 1", text);
    }

    [Fact]
    public void OpenMetrics_label_values_are_escaped()
    {
        Assert.Equal("a\\\\b\\\"c\\nd", OpenMetricsReport.EscapeLabel("a\\b\"c\nd"));
    }

    [Fact]
    public void Markdown_links_resolve_to_the_files()
    {
        using var repository = new TestRepository();
        var output = repository.Output();
        var task = repository.Task(output, repository.Log("App.net10.0.sarif"));
        task.FailOn = "error";
        Assert.False(task.Run(new RecordingLog()));

        var markdown = File.ReadAllText(Path.Combine(output, MarkdownReport.FileName));
        Assert.StartsWith("## CodeGuardian report: App\n", markdown, StringComparison.Ordinal);
        Assert.Contains("**Verdict: ❌ Failed** · status `unhealthy`", markdown);
        Assert.Contains("### Findings that fail the gate", markdown);
        Assert.Contains("| fail-on | error | 1 | **fail** |", markdown);
        var links = Regex.Matches(markdown, @"\]\((?<target>\.\.[^)#]+)(#L\d+)?\)", RegexOptions.None, TimeSpan.FromSeconds(1));
        Assert.NotEmpty(links);
        foreach (Match link in links)
        {
            var target = Uri.UnescapeDataString(link.Groups["target"].Value);
            Assert.True(File.Exists(Path.GetFullPath(Path.Combine(output, target))), target);
        }

        Assert.Contains("(../../src/App/Program.cs#L16)", markdown);
        Assert.DoesNotContain(repository.Root, markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_escapes_message_markup()
    {
        Assert.Equal("SELECT \\* from \\|t\\| \\<b\\>", MarkdownReport.Escape("SELECT * from |t| <b>"));
    }

    [Fact]
    public void GitLab_report_has_unique_fingerprints_and_known_severities()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        Assert.True(task.Run(new RecordingLog()));

        using var gitlab = ProjectReportTests.ReadJson(repository.Output(), GitLabReport.FileName);
        var issues = gitlab.RootElement.EnumerateArray().ToList();
        Assert.Equal(issues.Count, issues.Select(issue => issue.GetProperty("fingerprint").GetString()).Distinct().Count());
        foreach (var issue in issues)
        {
            Assert.Contains(issue.GetProperty("severity").GetString(), new[] { "info", "minor", "major", "critical", "blocker" });
            Assert.StartsWith("src/App/", issue.GetProperty("location").GetProperty("path").GetString());
            Assert.True(issue.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32() >= 1);
            Assert.StartsWith(issue.GetProperty("check_name").GetString() + ": ", issue.GetProperty("description").GetString());
        }

        Assert.Equal("critical", issues.Single(issue => issue.GetProperty("check_name").GetString() == "CG3001").GetProperty("severity").GetString());
        Assert.Equal("critical", issues.Single(issue => issue.GetProperty("check_name").GetString() == "CG4007").GetProperty("severity").GetString());
        Assert.Equal("Security", issues.Single(issue => issue.GetProperty("check_name").GetString() == "CG4007").GetProperty("categories")[0].GetString());
        Assert.Equal("minor", issues.Single(issue => issue.GetProperty("check_name").GetString() == "CG5002").GetProperty("severity").GetString());

        // The same fingerprints as the SARIF file, so every report names a finding the same way.
        using var sarif = ProjectReportTests.ReadJson(repository.Output(), SarifReport.FileName);
        var sarifFingerprints = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Select(result => result.GetProperty("fingerprints").GetProperty("codeguardian/v1").GetString()).ToHashSet();
        Assert.All(issues, issue => Assert.Contains(issue.GetProperty("fingerprint").GetString(), sarifFingerprints));
    }
}

public class RuleNameTests
{
    [Theory]
    [InlineData("Hard-coded credential (CWE-798)", "HardCodedCredential")]
    [InlineData("TODO comment", "TodoComment")]
    [InlineData("SELECT *", "SelectStar")]
    [InlineData("UPDATE/DELETE without WHERE", "UpdateDeleteWithoutWhere")]
    [InlineData("async void method", "AsyncVoidMethod")]
    [InlineData("BUG / XXX comment", "BugXxxComment")]
    [InlineData("", "")]
    public void Titles_become_pascal_case_identifiers(string title, string expected)
    {
        Assert.Equal(expected, CodeGuardian.Build.Output.SarifReport.RuleName(title));
    }
}

public class SourceRootTests
{
    [Fact]
    public void Paths_inside_and_outside_the_root_become_relative()
    {
        var root = new CodeGuardian.Build.Enrichment.SourceRoot("/repo/work");
        Assert.Equal("src/a.cs", root.Relativize("/repo/work/src/a.cs"));
        Assert.Equal("../other/b.cs", root.Relativize("/repo/other/b.cs"));
        Assert.Equal("c.cs", root.Relativize("/elsewhere/c.cs"));
        Assert.Equal("file:///repo/work/", root.Uri);
    }

    [Fact]
    public void Messages_lose_the_root()
    {
        var root = new CodeGuardian.Build.Enrichment.SourceRoot("/repo/work");
        Assert.Equal("invalid value in src/.editorconfig and x", root.Scrub("invalid value in /repo/work/src/.editorconfig and /repo/work/x"));
        Assert.Equal("no files under .", root.Scrub("no files under /repo/work"));
        Assert.Equal("see src/a.cs", root.Scrub("see file:///repo/work/src/a.cs"));
        Assert.Equal("a/b c", new CodeGuardian.Build.Enrichment.SourceRoot("/").Scrub("a/b c"));
    }

    [Fact]
    public void Relative_uris_are_escaped_per_segment()
    {
        Assert.Equal("src/my%20file%23.cs", CodeGuardian.Build.Enrichment.SourceRoot.ToRelativeUri("src/my file#.cs"));
        Assert.Equal("../x.cs", CodeGuardian.Build.Enrichment.SourceRoot.ToRelativeUri("../x.cs"));
    }
}

public class RuleCatalogTests
{
    /// <summary>Every rule page (one per rule ID) has report metadata: precision, category, and a score for security rules.</summary>
    [Fact]
    public void Every_documented_rule_has_report_metadata()
    {
        var directory = System.AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(directory, "docs", "rules")))
        {
            directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar))!;
        }

        var pages = Directory.GetFiles(Path.Combine(directory, "docs", "rules"), "CG*.md");
        Assert.NotEmpty(pages);
        foreach (var page in pages)
        {
            var id = Path.GetFileNameWithoutExtension(page);
            var rule = new CodeGuardian.Build.Model.RuleMetadata { Id = id };
            CodeGuardian.Build.Model.RuleCatalog.Enrich(rule, Path.GetDirectoryName(page));
            Assert.True(rule.Precision is not null, id + " has no precision");
            Assert.NotEqual("", rule.Category);
            Assert.Contains("Category | " + rule.Category + " |", File.ReadAllText(page));
            Assert.Equal(rule.Category == "CodeGuardian.Security", rule.SecuritySeverity is not null);
            Assert.NotNull(rule.HelpMarkdown);
        }
    }
}

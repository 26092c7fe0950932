using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using CodeGuardian.Build.Output;

namespace CodeGuardian.Build.Tests;

public class ProjectReportTests
{
    private static readonly string[] ReportFiles =
    {
        SarifReport.FileName, MetricsReport.FileName, HealthReport.FileName, OpenMetricsReport.FileName, MarkdownReport.FileName, GitLabReport.FileName,
    };

    [Fact]
    public void Writes_every_report_file()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        var log = new RecordingLog();

        Assert.True(task.Run(log));

        foreach (var file in ReportFiles)
        {
            Assert.True(File.Exists(Path.Combine(repository.Output(), file)), file);
        }

        Assert.Empty(log.Warnings);
        Assert.Empty(log.Errors);
        Assert.Equal("degraded", task.Status); // CG9002: one file was skipped
        Assert.Empty(Directory.GetFiles(repository.Output(), "*.tmp"));
    }

    [Fact]
    public void Sarif_has_one_run_with_tool_rules_and_relative_results()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.RulesDocsDirectory = Path.Combine(repository.Root, "docs");
        Directory.CreateDirectory(task.RulesDocsDirectory);
        File.WriteAllText(Path.Combine(task.RulesDocsDirectory, "CG1001.md"), "# CG1001: TODO comment\n\n| Property | Value |\n|---|---|\n| ID | CG1001 |\n\nFinish the **work**.\n");
        Assert.True(task.Run(new RecordingLog()));

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var root = sarif.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = Assert.Single(root.GetProperty("runs").EnumerateArray());
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("CodeGuardian", driver.GetProperty("name").GetString());
        Assert.Equal("1.2.3", driver.GetProperty("version").GetString());
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());

        var rules = driver.GetProperty("rules").EnumerateArray().ToDictionary(rule => rule.GetProperty("id").GetString()!);
        Assert.All(rules.Keys, id => Assert.StartsWith("CG", id));
        Assert.DoesNotContain("CS0219", rules.Keys);
        foreach (var rule in rules.Values)
        {
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
            Assert.False(string.IsNullOrEmpty(rule.GetProperty("help").GetProperty("text").GetString()));
            Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString());
            Assert.NotEmpty(rule.GetProperty("properties").GetProperty("tags").EnumerateArray());
            Assert.NotNull(rule.GetProperty("properties").GetProperty("precision").GetString());
        }

        var todoHelp = rules["CG1001"].GetProperty("help");
        Assert.Contains("Finish the **work**.", todoHelp.GetProperty("markdown").GetString());
        Assert.Contains("Finish the work.", todoHelp.GetProperty("text").GetString());
        Assert.DoesNotContain("|---", todoHelp.GetProperty("text").GetString());

        var credential = rules["CG4007"].GetProperty("properties");
        Assert.Equal("7.5", credential.GetProperty("security-severity").GetString());
        var tags = credential.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).ToList();
        Assert.Contains("security", tags);
        Assert.Contains("external/cwe/cwe-798", tags);
        Assert.False(rules["CG1001"].GetProperty("properties").TryGetProperty("security-severity", out _));

        Assert.Equal("codeguardian/App/test-run", run.GetProperty("automationDetails").GetProperty("id").GetString());
        var rootUri = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString();
        Assert.Equal(new Uri(repository.Root + Path.DirectorySeparatorChar).AbsoluteUri, rootUri);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(12, results.Count);
        foreach (var result in results)
        {
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            Assert.Equal("%SRCROOT%", location.GetProperty("uriBaseId").GetString());
            Assert.StartsWith("src/App/", location.GetProperty("uri").GetString());
            Assert.Equal(32, result.GetProperty("fingerprints").GetProperty("codeguardian/v1").GetString()!.Length);
            Assert.Equal(rules.Keys.OrderBy(id => id, StringComparer.Ordinal).ToList()[result.GetProperty("ruleIndex").GetInt32()], result.GetProperty("ruleId").GetString());
        }

        var todo = results.Single(result => result.GetProperty("ruleId").GetString() == "CG1001" && !result.TryGetProperty("suppressions", out _) && Uri(result).EndsWith(".cs", StringComparison.Ordinal));
        Assert.Equal("34000f3c23e5a7a6:1", todo.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
    }

    [Fact]
    public void Sarif_has_no_absolute_path_when_the_root_uri_is_left_out()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.IncludeRootUri = false;
        task.SourceFiles = repository.SourceItems();
        Assert.True(task.Run(new RecordingLog()));

        foreach (var file in ReportFiles)
        {
            var text = File.ReadAllText(Path.Combine(repository.Output(), file));
            Assert.DoesNotContain(repository.Root, text, StringComparison.Ordinal);
            Assert.DoesNotContain("file://", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Secret_rules_leave_no_value_snippet_or_line_hash()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.UpdateBaseline = true;
        Assert.True(task.Run(new RecordingLog()));

        var secretValues = new[] { "hunter2", "ghp_0000", "not-a-real-one" };
        foreach (var file in Directory.GetFiles(repository.Output()))
        {
            var text = File.ReadAllText(file);
            foreach (var secret in secretValues)
            {
                Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
            }
        }

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        var secrets = results.Where(result => result.GetProperty("ruleId").GetString() is "CG4007" or "CG4008").ToList();
        Assert.Equal(2, secrets.Count);
        foreach (var result in secrets)
        {
            Assert.False(result.TryGetProperty("partialFingerprints", out _));
            var physical = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.False(physical.TryGetProperty("contextRegion", out _));
            Assert.False(physical.GetProperty("region").TryGetProperty("snippet", out _));
        }

        // Other rules do carry GitHub's line hash.
        Assert.True(results.Single(result => result.GetProperty("ruleId").GetString() == "CG5002").TryGetProperty("partialFingerprints", out _));
    }

    [Fact]
    public void Suppressed_results_are_kept_and_marked()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        Assert.True(task.Run(new RecordingLog()));

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var suppressed = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(result => result.TryGetProperty("suppressions", out _)).ToList();
        Assert.Equal(2, suppressed.Count);
        var attribute = suppressed.Single(result => result.GetProperty("ruleId").GetString() == "CG2001");
        var suppression = attribute.GetProperty("suppressions")[0];
        Assert.Equal("inSource", suppression.GetProperty("kind").GetString());
        Assert.Equal("CLI entry output", suppression.GetProperty("justification").GetString());

        using var metrics = ReadJson(repository.Output(), MetricsReport.FileName);
        var findings = metrics.RootElement.GetProperty("findings");
        Assert.Equal(2, findings.GetProperty("suppressed").GetInt32());
        Assert.Equal(10, findings.GetProperty("active").GetInt32());
        Assert.Equal(1, findings.GetProperty("byRule").GetProperty("CG1001").GetProperty("suppressed").GetInt32());

        var gitlab = File.ReadAllText(Path.Combine(repository.Output(), GitLabReport.FileName));
        using var gitlabJson = JsonDocument.Parse(gitlab);
        Assert.Equal(10, gitlabJson.RootElement.GetArrayLength());
    }

    [Fact]
    public void Results_in_non_csharp_files_get_their_language()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.SourceFiles = repository.SourceItems();
        Assert.True(task.Run(new RecordingLog()));

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        string LanguageOf(string suffix) => results.First(result => Uri(result).EndsWith(suffix, StringComparison.Ordinal)).GetProperty("properties").GetProperty("language").GetString()!;
        Assert.Equal("javascript", LanguageOf("app.js"));
        Assert.Equal("sql", LanguageOf("report.sql"));
        Assert.Equal("config", LanguageOf("appsettings.json"));
        Assert.Equal("csharp", LanguageOf("Program.cs"));

        using var metrics = ReadJson(repository.Output(), MetricsReport.FileName);
        var byLanguage = metrics.RootElement.GetProperty("findings").GetProperty("byLanguage");
        Assert.Equal(4, byLanguage.GetProperty("javascript").GetProperty("active").GetInt32()); // two console.log, a TODO, and the skipped vendor.js
        var files = metrics.RootElement.GetProperty("files");
        Assert.Equal(5, files.GetProperty("files").GetInt32());
        var csharp = files.GetProperty("byLanguage").GetProperty("csharp");
        Assert.Equal(1, csharp.GetProperty("files").GetInt32());
        Assert.Equal(32, csharp.GetProperty("lines").GetInt32());
        Assert.Equal(new FileInfo(Path.Combine(repository.ProjectDirectory, "Program.cs")).Length, csharp.GetProperty("bytes").GetInt64());
        Assert.Equal(2, files.GetProperty("byLanguage").GetProperty("javascript").GetProperty("files").GetInt32());
        Assert.Equal(0.852, metrics.RootElement.GetProperty("analyzerExecutionTimeSeconds").GetDouble());
        Assert.Equal("test-run", metrics.RootElement.GetProperty("correlationId").GetString());
    }

    [Fact]
    public void Keep_all_rules_keeps_compiler_results()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        task.KeepAllRules = true;
        Assert.True(task.Run(new RecordingLog()));

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var run = sarif.RootElement.GetProperty("runs")[0];
        Assert.Contains(run.GetProperty("results").EnumerateArray(), result => result.GetProperty("ruleId").GetString() == "CS0219");
        Assert.Contains(run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray(), rule => rule.GetProperty("id").GetString() == "CS0219");
    }

    [Fact]
    public void Multi_target_logs_become_one_set_of_results()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"), repository.Log("App.netstandard2.0.sarif"));
        task.TargetFramework = null;
        Assert.True(task.Run(new RecordingLog()));

        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(12, results.Count);
        var fingerprints = results.Select(result => result.GetProperty("fingerprints").GetProperty("codeguardian/v1").GetString()).ToList();
        Assert.Equal(fingerprints.Count, fingerprints.Distinct().Count());
    }

    [Fact]
    public void Fingerprints_survive_moves_and_reindentation()
    {
        using var first = new TestRepository();
        var task = first.Task(first.Output(), first.Log("App.net10.0.sarif"));
        Assert.True(task.Run(new RecordingLog()));
        var before = Fingerprint(first.Output(), "CG2001", "src/App/web/app.js", 2);

        // Re-indent the line and move it down one line; the log moves with it.
        var js = Path.Combine(first.ProjectDirectory, "web", "app.js");
        File.WriteAllText(js, "\n" + File.ReadAllText(js).Replace("  console.log(\"starting\"", "        console.log(\"starting\"", StringComparison.Ordinal));
        var log = first.Log("App.net10.0.sarif");
        var node = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(log))!;
        foreach (var result in node["runs"]![0]!["results"]!.AsArray())
        {
            var region = result!["locations"]![0]!["physicalLocation"]!["region"]!;
            if (result["ruleId"]!.GetValue<string>() == "CG2001" && result["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>().EndsWith("app.js", StringComparison.Ordinal) && region["startLine"]!.GetValue<int>() == 2)
            {
                region["startLine"] = 3;
                region["endLine"] = 3;
                region["startColumn"] = 9;
            }
        }

        File.WriteAllText(log, node.ToJsonString());
        Assert.True(task.Run(new RecordingLog()));

        Assert.Equal(before, Fingerprint(first.Output(), "CG2001", "src/App/web/app.js", 3));
    }

    [Fact]
    public void Missing_and_partial_logs_give_one_coded_warning_each()
    {
        using var repository = new TestRepository();
        var partial = repository.Log("App.netstandard2.0.sarif", "partial.sarif");
        File.WriteAllText(partial, File.ReadAllText(partial)[..4000]);
        var task = repository.Task(repository.Output(), Path.Combine(repository.ProjectDirectory, "obj", "missing.sarif,version=2.1"), partial, repository.Log("App.netstandard2.0.v1.sarif"));
        var log = new RecordingLog();

        Assert.True(task.Run(log));

        Assert.Equal(new[] { "CGB100", "CGB101", "CGB102" }, log.Warnings.Select(warning => warning.Code).OrderBy(code => code).ToArray());
        Assert.All(log.Warnings, warning => Assert.DoesNotContain(repository.Root, warning.Message, StringComparison.Ordinal));
        Assert.Equal("degraded", task.Status);
        using var health = ReadJson(repository.Output(), HealthReport.FileName);
        Assert.False(health.RootElement.GetProperty("live").GetBoolean());
        var check = health.RootElement.GetProperty("checks").EnumerateArray().Single(item => item.GetProperty("name").GetString() == "compiler-logs-read");
        Assert.Equal("fail", check.GetProperty("status").GetString());
        Assert.Equal(2, check.GetProperty("actual").GetInt32());
    }

    [Fact]
    public void No_logs_at_all_still_writes_reports()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output());
        var log = new RecordingLog();
        Assert.True(task.Run(log));
        using var sarif = ReadJson(repository.Output(), SarifReport.FileName);
        Assert.Empty(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
    }

    [Fact]
    public void Execute_through_msbuild_logs_the_gate_error_with_its_code()
    {
        using var repository = new TestRepository();
        var task = repository.Task(repository.Output(), repository.Log("App.net10.0.sarif"));
        var engine = new RecordingBuildEngine();
        task.BuildEngine = engine;
        task.MaxWarnings = "3";

        Assert.False(task.Execute());

        var error = Assert.Single(engine.Errors);
        Assert.Equal("CGB001", error.Code);
        Assert.Contains("max-warnings 7 > 3", error.Message);
        Assert.Empty(engine.Warnings);
    }

    internal static JsonDocument ReadJson(string directory, string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, file)));

    internal static string Uri(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString()!;

    private static string Fingerprint(string directory, string rule, string uri, int line)
    {
        using var sarif = ReadJson(directory, SarifReport.FileName);
        return sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Single(result => result.GetProperty("ruleId").GetString() == rule && Uri(result) == uri && result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32() == line)
            .GetProperty("fingerprints").GetProperty("codeguardian/v1").GetString()!;
    }
}

using System.IO;
using System.Linq;
using CodeGuardian.Build.Input;

namespace CodeGuardian.Build.Tests;

public class SarifLogReaderTests
{
    [Theory]
    [InlineData("obj/log.sarif,version=2.1", "obj/log.sarif")]
    [InlineData("obj/log.sarif", "obj/log.sarif")]
    [InlineData("\"C:\\a b\\log.sarif\",version=1", "C:\\a b\\log.sarif")]
    [InlineData("obj/log.sarif, version=2", "obj/log.sarif")]
    public void ErrorLog_value_loses_its_version_suffix(string value, string expected)
    {
        Assert.Equal(expected, SarifLogReader.PathOf(value));
    }

    [Fact]
    public void Reads_a_compiler_sarif_2_1_log()
    {
        using var repository = new TestRepository();
        var result = SarifLogReader.Read(repository.Log("App.netstandard2.0.sarif"), "log");

        Assert.Equal(LogStatus.Ok, result.Status);
        Assert.Equal("2.1.0", result.SarifVersion);
        Assert.Equal(13, result.Findings.Count);
        Assert.Contains(result.Findings, finding => finding.RuleId == "CS0219");
        Assert.Equal(0.083, result.AnalyzerExecutionSeconds);

        var suppressed = result.Findings.Where(finding => finding.IsSuppressed).ToList();
        Assert.Equal(2, suppressed.Count);
        Assert.Contains(suppressed, finding => finding.RuleId == "CG2001" && finding.Suppressions[0].Justification == "CLI entry output");
        Assert.All(suppressed, finding => Assert.Equal("inSource", finding.Suppressions[0].Kind));

        var js = result.Findings.Single(finding => finding.RuleId == "CG2001" && finding.StartLine == 2);
        Assert.EndsWith("/src/App/web/app.js", js.AbsolutePath);
        Assert.Equal((2, 3, 2, 14), (js.StartLine, js.StartColumn, js.EndLine, js.EndColumn));

        var rule = result.Rules["CG4007"];
        Assert.Equal("Hard-coded credential (CWE-798)", rule.Title);
        Assert.Equal("CodeGuardian.Security", rule.Category);
        Assert.Contains("CWE-798", rule.Tags);
        Assert.Equal(0.083, rule.ExecutionTimeSeconds);
    }

    [Fact]
    public void Reads_a_sarif_1_0_log_with_a_status_that_asks_for_2_1()
    {
        using var repository = new TestRepository();
        var result = SarifLogReader.Read(repository.Log("App.netstandard2.0.v1.sarif"), "log");

        Assert.Equal(LogStatus.LegacyFormat, result.Status);
        Assert.Contains("version=2.1", result.Problem);
        Assert.Equal(13, result.Findings.Count);
        Assert.Equal(2, result.Findings.Count(finding => finding.IsSuppressed));
        Assert.Equal("TODO comment", result.Rules["CG1001"].Title);
        Assert.Equal("CodeGuardian.Maintainability", result.Rules["CG1001"].Category);
        var secret = result.Findings.Single(finding => finding.RuleId == "CG4008");
        Assert.Equal(3, secret.StartLine);
    }

    [Fact]
    public void Missing_empty_and_foreign_files_do_not_throw()
    {
        using var repository = new TestRepository();
        var missing = SarifLogReader.Read(Path.Combine(repository.Root, "nope.sarif"), "nope.sarif");
        Assert.Equal(LogStatus.Missing, missing.Status);
        Assert.Contains("nope.sarif", missing.Problem);

        var empty = Path.Combine(repository.Root, "empty.sarif");
        File.WriteAllText(empty, "  \n");
        Assert.Equal(LogStatus.Empty, SarifLogReader.Read(empty, "empty.sarif").Status);

        var array = Path.Combine(repository.Root, "array.sarif");
        File.WriteAllText(array, "[1, 2]");
        Assert.Equal(LogStatus.Invalid, SarifLogReader.Read(array, "array.sarif").Status);

        var binary = Path.Combine(repository.Root, "binary.sarif");
        File.WriteAllBytes(binary, new byte[] { 0, 159, 146, 150, 255 });
        var garbage = SarifLogReader.Read(binary, "binary.sarif");
        Assert.Equal(LogStatus.Partial, garbage.Status);
        Assert.Empty(garbage.Findings);
    }

    [Fact]
    public void Truncated_log_keeps_the_results_written_whole()
    {
        using var repository = new TestRepository();
        var path = repository.Log("App.netstandard2.0.sarif");
        var text = File.ReadAllText(path);
        // Cut inside the fifth result.
        var cut = 0;
        for (var i = 0; i < 5; i++)
        {
            cut = text.IndexOf("\"ruleId\"", cut + 1, System.StringComparison.Ordinal);
        }

        File.WriteAllText(path, text.Substring(0, cut + 20));
        var result = SarifLogReader.Read(path, "log");

        Assert.Equal(LogStatus.Partial, result.Status);
        Assert.Equal(4, result.Findings.Count);
        Assert.Contains("incomplete", result.Problem);
    }
}

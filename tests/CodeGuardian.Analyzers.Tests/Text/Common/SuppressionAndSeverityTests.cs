using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Tests.Text.Common;

/// <summary>Suppression comments, per-glob .editorconfig severities and skipped files, through the real analyzer.</summary>
public class SuppressionAndSeverityTests
{
    [Fact]
    public Task DisableNextLine_And_DisableLine_WithReason() => TextFileVerifier.VerifyAsync("/scripts/a.py", """
        # codeguardian-disable-next-line CG1001 -- tracked in JIRA-12
        x = 1  # TODO: suppressed by the line above
        y = 2  # TODO: suppressed here too  codeguardian-disable-line CG1001
        z = 3  # {|CG1001:TODO: not suppressed|}
        """);

    [Fact]
    public Task DisableEnableBlock_OnlyForNamedRule() => TextFileVerifier.VerifyAsync("/src/a.js", """
        // codeguardian-disable CG1001
        // TODO: inside the block
        // {|CG1002:FIXME: other rule still fires|}
        // codeguardian-enable CG1001
        // {|CG1001:TODO: after the block|}
        """);

    [Fact]
    public Task DisableFile_WithoutIds_SuppressesEverything() => TextFileVerifier.VerifyAsync("/db/a.sql", """
        -- TODO: first
        -- codeguardian-disable-file
        -- FIXME: second
        """);

    [Fact]
    public Task DirectiveInString_DoesNothing() => TextFileVerifier.VerifyAsync("/src/a.js", """
        const s = "codeguardian-disable-file";
        // {|CG1001:TODO: still reported|}
        """);

    [Fact]
    public async Task PerGlobSection_SetsSeverityOfTextFinding()
    {
        var test = TextFileVerifier.Create("/repo/scripts/a.py", "# {|#0:TODO: make it an error|}\n",
            "root = true\n[*.py]\ndotnet_diagnostic.CG1001.severity = error\n");
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG1001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("TODO: make it an error"));
        await test.RunAsync();
    }

    [Fact]
    public async Task PerGlobSection_NoneTurnsRuleOffForThatFolderOnly()
    {
        var test = TextFileVerifier.Create("/repo/legacy/old.py", "# TODO: legacy is exempt\n",
            "root = true\n[legacy/**.py]\ndotnet_diagnostic.CG1001.severity = none\n", "/repo/.editorconfig");
        test.WithFile("/repo/new/fresh.py", "# {|CG1001:TODO: new code is not|}\n");
        await test.RunAsync();
    }

    [Fact]
    public async Task PresetKey_SetsSeverity_UserSectionWins()
    {
        var test = TextFileVerifier.Create("/repo/a.py", "# {|#0:TODO: preset says error|}\n");
        test.WithGlobalConfig("codeguardian.CG1001.severity = error\ncodeguardian.CG1002.severity = none\n");
        test.WithFile("/repo/b.py", "# FIXME: preset turned it off\n");
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG1001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error).WithArguments("TODO: preset says error"));
        await test.RunAsync();
    }

    [Fact]
    public async Task OversizedFile_ReportsCG9002_AndIsNotScanned()
    {
        var test = TextFileVerifier.Create("/repo/big.js", "// TODO: " + new string('x', 300) + "\n");
        test.WithGlobalConfig("codeguardian.max_file_size = 100\n");
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG9002").WithSpan("/repo/big.js", 1, 1, 1, 1).WithSeverity(DiagnosticSeverity.Info)
            .WithArguments("big.js", "it has 310 characters, more than the limit of 100 (option codeguardian.max_file_size)"));
        await test.RunAsync();
    }

    /// <summary>NUL characters, also after replacement characters, or many replacement characters: not text.</summary>
    [Theory]
    [InlineData("/repo/blob.py", "PK\u0003\u0004\0\0\0# TODO: binary\n")]
    [InlineData("/repo/mixed.py", "# caf\uFFFD na\uFFFDve\nx = 1\0\n# TODO: binary\n")]
    [InlineData("/repo/latin1.py", "# TODO: x\nab\uFFFDcd\uFFFD\nab\uFFFDcd\uFFFD\nab\uFFFDcd\uFFFD\nab\uFFFDcd\uFFFD\nab\uFFFDcd\uFFFD\n")]
    public async Task BinaryContent_ReportsCG9002(string path, string content)
    {
        var test = TextFileVerifier.Create(path, content);
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG9002").WithSpan(path, 1, 1, 1, 1).WithSeverity(DiagnosticSeverity.Info)
            .WithArguments(path.Substring("/repo/".Length), "it looks binary (NUL bytes or undecodable content)"));
        await test.RunAsync();
    }

    [Fact]
    public Task FewReplacementCharacters_FileIsScanned() => TextFileVerifier.VerifyAsync(
        "/repo/notes.py",
        "name = \"caf\uFFFD\"  # a stray replacement character is still text\n# {|CG1001:TODO: scanned|}\n");
}

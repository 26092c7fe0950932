using System.Collections.Generic;
using CodeGuardian.Analyzers.Configuration;

namespace CodeGuardian.Analyzers.Tests.Configuration;

/// <summary>Per-glob severities for AdditionalFiles, read from the .editorconfig files the package passes.</summary>
public sealed class EditorConfigSeveritiesTests
{
    private const string Key = "dotnet_diagnostic.CG1001.severity";

    private static string? SeverityFor(string path, params (string Path, string Text)[] configs)
    {
        var severities = EditorConfigSeverities.Parse(configs).Resolve(path);
        return severities.TryGetValue(Key, out var value) ? value : null;
    }

    [Theory]
    [InlineData("[*.py]", "/repo/app/tools/report.py", "error")]
    [InlineData("[*.py]", "/repo/app/report.py", "error")]
    [InlineData("[*.py]", "/repo/app/tools/report.js", null)]
    [InlineData("[*.{js,ts}]", "/repo/app/web/widget.ts", "error")]
    [InlineData("[*.{js,ts}]", "/repo/app/web/widget.py", null)]
    [InlineData("[legacy/**.js]", "/repo/app/legacy/old/a.js", "error")]
    [InlineData("[legacy/**.js]", "/repo/app/web/legacy/a.js", null)]
    [InlineData("[/db/*.sql]", "/repo/app/db/schema.sql", "error")]
    [InlineData("[/db/*.sql]", "/repo/app/db/sub/schema.sql", null)]
    [InlineData("[scripts/?.py]", "/repo/app/scripts/a.py", "error")]
    [InlineData("[scripts/?.py]", "/repo/app/scripts/ab.py", null)]
    [InlineData("[[ab].rs]", "/repo/app/src/a.rs", "error")]
    [InlineData("[[!ab].rs]", "/repo/app/src/a.rs", null)]
    [InlineData("[*]", "/repo/app/any/file.sql", "error")]
    public void Section_globs_follow_editorconfig_rules(string section, string path, string? expected)
    {
        Assert.Equal(expected, SeverityFor(path, ("/repo/app/.editorconfig", $"root = true\n{section}\n{Key} = error\n")));
    }

    [Fact]
    public void Later_sections_and_nearer_files_win()
    {
        var outer = ("/repo/.editorconfig", $"root = true\n[*.py]\n{Key} = error\n[tools/**]\n{Key} = suggestion\n");
        var inner = ("/repo/app/.editorconfig", $"[legacy/*.py]\n{Key} = none\n");

        Assert.Equal("error", SeverityFor("/repo/app/main.py", outer, inner));
        Assert.Equal("suggestion", SeverityFor("/repo/tools/gen.py", outer, inner));
        Assert.Equal("none", SeverityFor("/repo/app/legacy/old.py", outer, inner));
    }

    [Fact]
    public void A_root_file_hides_the_files_above_it()
    {
        var outer = ("/repo/.editorconfig", $"[*.py]\n{Key} = error\n");
        var inner = ("/repo/app/.editorconfig", "root = true\n[*.cs]\nindent_size = 4\n");

        Assert.Null(SeverityFor("/repo/app/main.py", outer, inner));
        Assert.Equal("error", SeverityFor("/repo/other/main.py", outer, inner));
    }

    [Fact]
    public void Files_outside_the_config_folder_and_other_keys_are_ignored()
    {
        var config = ("/repo/app/.editorconfig", $"[*.py]\nindent_size = 4 # comment\n{Key} = warning ; comment\n");
        var severities = EditorConfigSeverities.Parse(new[] { config }).Resolve("/repo/app/a.py");

        Assert.Equal(new Dictionary<string, string> { [Key] = "warning" }, severities);
        Assert.Null(SeverityFor("/elsewhere/a.py", config));
    }

    [Theory]
    [InlineData("[*.{py]")]
    [InlineData("[")]
    [InlineData("[]")]
    [InlineData("[[*.py]")]
    public void Malformed_sections_do_not_throw(string section)
    {
        var exception = Record.Exception(() => SeverityFor("/repo/a.py", ("/repo/.editorconfig", $"{section}\n{Key} = error\n")));
        Assert.Null(exception);
    }

    [Fact]
    public void Windows_paths_are_matched_like_forward_slash_paths()
    {
        Assert.Equal("error", SeverityFor(@"C:\repo\app\tools\report.py", (@"C:\repo\app\.editorconfig", $"[tools/*.py]\r\n{Key} = error\r\n")));
    }
}

using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Tests.Configuration;

public class EditorConfigTests
{
    [Theory]
    [InlineData("*.py", "a.py", true)]
    [InlineData("*.py", "deep/down/a.py", true)]
    [InlineData("*.py", "a.pyc", false)]
    [InlineData("*.{js,ts}", "web/app.ts", true)]
    [InlineData("*.{js,ts}", "web/app.cs", false)]
    [InlineData("legacy/**.py", "legacy/x/y.py", true)]
    [InlineData("legacy/**.py", "src/legacy/y.py", false)]
    [InlineData("/legacy/*.py", "legacy/y.py", true)]
    [InlineData("/legacy/*.py", "legacy/x/y.py", false)]
    [InlineData("**/tests/**", "a/tests/b.py", true)]
    [InlineData("file[0-9].sql", "db/file7.sql", true)]
    [InlineData("file[!0-9].sql", "db/file7.sql", false)]
    [InlineData("v{1..3}.sql", "v2.sql", true)]
    [InlineData("v{1..3}.sql", "v4.sql", false)]
    [InlineData("a?.rs", "ab.rs", true)]
    public void Glob_MatchesLikeTheCompiler(string glob, string path, bool expected)
    {
        var pattern = GlobPattern.TryCreate(glob);
        Assert.NotNull(pattern);
        Assert.Equal(expected, pattern!.IsMatch(path));
    }

    [Theory]
    [InlineData("{a,b")]
    [InlineData("")]
    public void Glob_Malformed_MatchesNothing(string glob) => Assert.Null(GlobPattern.TryCreate(glob));

    [Fact]
    public void Set_CloserFileAndLaterSectionWin_RootStopsWalk()
    {
        var set = EditorConfigSetFactory.Create(
            ("/repo/.editorconfig", "root = true\n[*]\ndotnet_diagnostic.CG1001.severity = warning\n[*.py]\ndotnet_diagnostic.CG1001.severity = error\n"),
            ("/repo/legacy/.editorconfig", "[*.py] # legacy code\ndotnet_diagnostic.CG1001.severity = none ; ignore\n"),
            ("/.editorconfig", "[*]\ndotnet_diagnostic.CG1002.severity = error\n"),
            ("/repo/src/app.js", "// not an editorconfig\n"));

        Assert.Equal("error", set.GetSeverityKeys("/repo/src/a.py")!["dotnet_diagnostic.CG1001.severity"]);
        Assert.Equal("none", set.GetSeverityKeys("/repo/legacy/a.py")!["dotnet_diagnostic.CG1001.severity"]);
        Assert.Equal("warning", set.GetSeverityKeys("/repo/src/a.js")!["dotnet_diagnostic.CG1001.severity"]);
        Assert.False(set.GetSeverityKeys("/repo/src/a.js")!.ContainsKey("dotnet_diagnostic.CG1002.severity"));
        Assert.Equal("error", set.GetSeverityKeys("/elsewhere/a.js")!["dotnet_diagnostic.CG1002.severity"]);
        Assert.False(set.GetSeverityKeys("/elsewhere/a.js")!.ContainsKey("dotnet_diagnostic.CG1001.severity"));
    }

    [Fact]
    public void Resolver_SectionBeatsPresetBeatsDefault()
    {
        var keys = new System.Collections.Generic.Dictionary<string, string> { ["dotnet_diagnostic.CG1001.severity"] = "error" };
        Assert.True(SeverityResolver.TryGetEffectiveSeverity(Descriptors.TodoComment, keys, default, out var severity));
        Assert.Equal(DiagnosticSeverity.Error, severity);

        keys["dotnet_diagnostic.CG1001.severity"] = "none";
        Assert.False(SeverityResolver.TryGetEffectiveSeverity(Descriptors.TodoComment, keys, default, out _));

        var category = new System.Collections.Generic.Dictionary<string, string> { ["dotnet_analyzer_diagnostic.category-CodeGuardian.Maintainability.severity"] = "suggestion" };
        Assert.True(SeverityResolver.TryGetEffectiveSeverity(Descriptors.TodoComment, category, default, out severity));
        Assert.Equal(DiagnosticSeverity.Info, severity);

        Assert.True(SeverityResolver.TryGetEffectiveSeverity(Descriptors.TodoComment, null, default, out severity));
        Assert.Equal(Descriptors.TodoComment.DefaultSeverity, severity);
    }

    [Theory]
    [InlineData("error", true)]
    [InlineData("Warning", true)]
    [InlineData("suggestion", true)]
    [InlineData("silent", true)]
    [InlineData("none", true)]
    [InlineData("default", false)]
    [InlineData("loud", false)]
    public void Resolver_ParsesSeverityWords(string word, bool known) => Assert.Equal(known, SeverityResolver.TryParse(word, out _));
}

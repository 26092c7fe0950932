using System.IO;
using System.IO.Compression;
using System.Xml.Linq;
using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

[Collection(PackageCollection.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackageFixture _fixture;

    public PackageLayoutTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Package_holds_the_analyzers_the_build_files_readme_and_icon_and_no_lib()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).Where(IsContent).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        var presets = Directory.GetFiles(Path.Combine(_fixture.RepoRoot, "nuget", "build", "presets"), "*.globalconfig")
            .Select(f => "build/presets/" + Path.GetFileName(f));
        var ruleDocs = Directory.GetFiles(Path.Combine(_fixture.RepoRoot, "docs", "rules"), "*.md")
            .Select(f => "docs/rules/" + Path.GetFileName(f));
        var readyToRun = ReadyToRunTests.Platforms.Keys.SelectMany(p => new[]
        {
            $"{ReadyToRunTests.RuntimeFolder}/{p}/CodeGuardian.Analyzers.dll",
            $"{ReadyToRunTests.RuntimeFolder}/{p}/CodeGuardian.CodeFixes.dll",
        });

        // The rule docs feed the SARIF help text; the report task ships with its System.Text.Json closure.
        Assert.Equal(
            new[]
            {
                "CodeGuardian.Analyzers.nuspec",
                "README.md",
                "analyzers/dotnet/cs/CodeGuardian.Analyzers.dll",
                "analyzers/dotnet/cs/CodeGuardian.CodeFixes.dll",
                "build/CodeGuardian.Analyzers.props",
                "build/CodeGuardian.Analyzers.targets",
                "build/CodeGuardian.Reports.targets",
                "buildTransitive/CodeGuardian.Analyzers.props",
                "buildTransitive/CodeGuardian.Analyzers.targets",
                "codeguardian.rules.schema.json",
                "icon.png",
            }.Concat(presets).Concat(ruleDocs).Concat(readyToRun).OrderBy(n => n, StringComparer.Ordinal),
            entries.Where(e => !e.StartsWith("tasks/", StringComparison.Ordinal)));
        Assert.Contains("tasks/netstandard2.0/CodeGuardian.Build.dll", entries);
        Assert.Contains("tasks/netstandard2.0/System.Text.Json.dll", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("tasks/", StringComparison.Ordinal) && e.Contains("Microsoft.Build", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void Nuspec_is_a_development_dependency_without_dependencies()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        using var stream = archive.GetEntry("CodeGuardian.Analyzers.nuspec")!.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal(PackageFixture.PackageId, Value("id"));
        Assert.Equal(_fixture.PackageVersion, Value("version"));
        Assert.Equal("true", Value("developmentDependency"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        Assert.Equal("icon.png", Value("icon"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Contains("analyzer", Value("tags") ?? string.Empty, StringComparison.Ordinal);
        Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"));
        Assert.Null(Value("dependencies"));
    }

    [Fact]
    public void BuildTransitive_files_import_the_build_files()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        foreach (var extension in new[] { "props", "targets" })
        {
            using var reader = new StreamReader(archive.GetEntry($"buildTransitive/CodeGuardian.Analyzers.{extension}")!.Open());
            var imports = XDocument.Parse(reader.ReadToEnd()).Descendants().Where(e => e.Name.LocalName == "Import").ToArray();
            var import = Assert.Single(imports);
            Assert.Equal($"$(MSBuildThisFileDirectory)../build/CodeGuardian.Analyzers.{extension}", import.Attribute("Project")?.Value);
        }
    }

    /// <summary>OPC bookkeeping entries NuGet adds to every package are not content.</summary>
    private static bool IsContent(string name) =>
        !name.StartsWith("_rels/", StringComparison.Ordinal)
        && !name.StartsWith("package/", StringComparison.Ordinal)
        && name != "[Content_Types].xml";
}

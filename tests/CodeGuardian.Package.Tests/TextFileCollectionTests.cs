using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

/// <summary>The package's targets hand the right files, with their language, to the compiler.</summary>
[Collection(PackageCollection.Name)]
public sealed class TextFileCollectionTests
{
    private readonly PackageFixture _fixture;

    public TextFileCollectionTests(PackageFixture fixture) => _fixture = fixture;

    [Fact]
    public void Text_files_manifests_and_config_become_AdditionalFiles_with_their_language()
    {
        var project = _fixture.DefaultBuild.Project;
        var files = project.AdditionalFiles();

        foreach (var (file, language) in Expectations.CollectedFiles)
        {
            Assert.True(files.TryGetValue(file, out var languages), $"{file} is not an AdditionalFile; got: {string.Join(", ", files.Keys)}");
            Assert.Equal(new[] { language }, languages);
        }

        // The project's own item stays as it is and is not added a second time.
        Assert.Equal(new[] { string.Empty }, files[Expectations.UserAddedFile]);
        // Files above the consumer (an .editorconfig in a parent folder of the temp directory) are not counted.
        Assert.Equal(Expectations.CollectedFiles.Count + 1, files.Keys.Count(k => !k.StartsWith("../", StringComparison.Ordinal)));
    }

    [Fact]
    public void Dependency_output_and_tool_folders_minified_bundles_and_binary_files_are_left_out()
    {
        var files = _fixture.DefaultBuild.Project.AdditionalFiles();

        foreach (var excluded in ConsumerProject.ExcludedFiles)
        {
            Assert.False(files.ContainsKey(excluded), $"{excluded} must not be an AdditionalFile");
        }

        Assert.False(files.ContainsKey(ConsumerProject.BinaryFile), "a binary *.ts file must not reach the compiler");
        Assert.False(files.ContainsKey(ConsumerProject.DanglingLink), "a dangling symbolic link must not reach the compiler");
    }

    [Fact]
    public void Language_metadata_reaches_the_compiler_through_the_generated_editorconfig()
    {
        var build = _fixture.DefaultBuild;
        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());

        foreach (var (file, language) in Expectations.CollectedFiles)
        {
            var section = $"[{build.Project.FullPath(file).Replace('\\', '/')}]";
            var index = build.GeneratedEditorConfig.IndexOf(section, StringComparison.Ordinal);
            Assert.True(index >= 0, $"no section for {file} in the generated editorconfig:\n{build.GeneratedEditorConfig}");
            var next = build.GeneratedEditorConfig.IndexOf("\n[", index + section.Length, StringComparison.Ordinal);
            var body = build.GeneratedEditorConfig[index..(next < 0 ? build.GeneratedEditorConfig.Length : next)];
            Assert.Contains($"build_metadata.AdditionalFiles.CodeGuardianLanguage = {language}", body, StringComparison.Ordinal);
        }

        Assert.Contains("build_property.OutputType = Library", build.GeneratedEditorConfig, StringComparison.Ordinal);
        Assert.Contains($"build_property.ProjectDir = {build.Project.Directory.Replace('\\', '/')}/", build.GeneratedEditorConfig.Replace('\\', '/'), StringComparison.Ordinal);
    }

    [Fact]
    public void A_binary_file_with_a_source_extension_does_not_break_the_build()
    {
        var build = _fixture.DefaultBuild;

        Assert.True(build.Result.ExitCode == 0, build.Result.ToString());
        Assert.DoesNotContain("CS2015", build.Result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain($"[{build.Project.FullPath(ConsumerProject.BinaryFile)}]", build.GeneratedEditorConfig, StringComparison.Ordinal);

        // Instead, the analyzers report CG9002 (an Info-level "note" in SARIF) at the file.
        var binaryPath = build.Project.FullPath(ConsumerProject.BinaryFile);
        Assert.Contains(build.SarifFindings, f => f.RuleId == "CG9002" && f.FilePath == binaryPath && f.Severity == "note");
    }

    [Fact]
    public void CodeGuardianScanTextFiles_false_adds_no_files()
    {
        var files = _fixture.DefaultBuild.Project.AdditionalFiles("-p:CodeGuardianScanTextFiles=false");

        Assert.Equal(new[] { Expectations.UserAddedFile }, files.Keys.Where(k => !k.StartsWith("../", StringComparison.Ordinal)).ToArray());
    }

    [Fact]
    public void CodeGuardianInclude_and_CodeGuardianExclude_add_and_remove_globs()
    {
        var files = _fixture.DefaultBuild.Project.AdditionalFiles("-p:CodeGuardianInclude=dist/**/*.js", "-p:CodeGuardianExclude=\"db/**;**/*.ts\"");

        Assert.Equal(new[] { "javascript" }, files["dist/bundle.js"]);
        Assert.False(files.ContainsKey("db/schema.sql"), "CodeGuardianExclude=db/** must remove db/schema.sql");
        Assert.False(files.ContainsKey("web/widget.ts"), "CodeGuardianExclude=**/*.ts must remove web/widget.ts");
        Assert.True(files.ContainsKey("web/app.js"));
    }

    [Fact]
    public void The_compiler_writes_a_sarif_2_1_log_to_obj()
    {
        var build = _fixture.DefaultBuild;

        Assert.True(build.SarifPath is not null, "obj/Debug/net10.0/codeguardian.compiler.sarif was not written:\n" + build.Result);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(build.SarifPath!), StringComparison.Ordinal);
    }
}

using System.Text.Json;

namespace CodeGuardian.Package.Tests.Infrastructure;

/// <summary>
/// A throwaway copy of TestData/Consumer that references the packed package: restored with the isolated
/// package cache, then built (or evaluated) with the arguments a test needs.
/// </summary>
public sealed class ConsumerProject
{
    /// <summary>Files the package must never hand to the compiler (dependency, output and tool folders, bundles).</summary>
    public static readonly IReadOnlyList<string> ExcludedFiles = new[]
    {
        "node_modules/left-pad/index.js",
        "dist/bundle.js",
        "build/generate.py",
        "web/vendor.min.js",
        ".venv/lib/site.py",
        "tools/__pycache__/cached.py",
        "native/target/debug/build.rs",
        "obj/stale.js",
    };

    /// <summary>A binary file with a source extension (an MPEG transport stream named *.ts).</summary>
    public const string BinaryFile = "web/intro.ts";

    /// <summary>A symbolic link whose target does not exist (created where the file system allows links).</summary>
    public const string DanglingLink = "web/dangling.js";

    private ConsumerProject(PackageFixture fixture, string directory)
    {
        Fixture = fixture;
        Directory = directory;
        ProjectPath = Path.Combine(directory, "Consumer.csproj");
    }

    public PackageFixture Fixture { get; }

    public string Directory { get; }

    public string ProjectPath { get; }

    public CommandResult? RestoreResult { get; private set; }

    public static ConsumerProject Create(PackageFixture fixture, string name, Action<ConsumerProject>? customize = null)
    {
        var directory = Path.Combine(fixture.WorkRoot, name);
        CopyDirectory(Path.Combine(AppContext.BaseDirectory, "TestData", "Consumer"), directory);
        File.Move(Path.Combine(directory, "Consumer.csproj.template"), Path.Combine(directory, "Consumer.csproj"));

        var project = new ConsumerProject(fixture, directory);
        foreach (var excluded in ExcludedFiles)
        {
            project.WriteFile(excluded, "// TODO: must never be scanned\n# TODO: must never be scanned\n");
        }

        var binary = new byte[512];
        for (var i = 0; i < binary.Length; i += 188)
        {
            binary[i] = 0x47;
        }

        project.WriteBytes(BinaryFile, binary);
        try
        {
            File.CreateSymbolicLink(project.FullPath(DanglingLink), project.FullPath("web/missing-target.js"));
        }
        catch (IOException)
        {
            // No symbolic links on this file system (or no privilege for them): nothing to check then.
        }
        catch (UnauthorizedAccessException)
        {
        }

        customize?.Invoke(project);

        project.RestoreResult = DotNetCli.Run(directory, "restore", project.ProjectPath, "--packages", fixture.PackagesDirectory, "-nodeReuse:false", "-tl:off");
        if (project.RestoreResult.ExitCode != 0)
        {
            throw new InvalidOperationException("Restoring the consumer failed: " + project.RestoreResult);
        }

        return project;
    }

    public string FullPath(string relativePath) => Path.GetFullPath(Path.Combine(Directory, relativePath));

    public void WriteFile(string relativePath, string content)
    {
        var path = FullPath(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public void WriteBytes(string relativePath, byte[] content)
    {
        var path = FullPath(relativePath);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
    }

    /// <summary>1-based number of the one line of <paramref name="relativePath"/> that contains <paramref name="text"/>.</summary>
    public int LineOf(string relativePath, string text)
    {
        var lines = File.ReadAllLines(FullPath(relativePath));
        var found = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal))
            {
                if (found != 0)
                {
                    throw new InvalidOperationException($"'{text}' occurs on more than one line of {relativePath}.");
                }

                found = i + 1;
            }
        }

        return found != 0 ? found : throw new InvalidOperationException($"'{text}' does not occur in {relativePath}.");
    }

    /// <summary>Builds without restoring again; <paramref name="arguments"/> are extra MSBuild arguments.</summary>
    public ConsumerBuild Build(params string[] arguments) => BuildWithEnvironment(new Dictionary<string, string>(), arguments);

    /// <summary>Builds with extra environment variables for the build process.</summary>
    public ConsumerBuild BuildWithEnvironment(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var all = new List<string> { "build", ProjectPath, "--no-restore", "-nodeReuse:false", "-tl:off", "-clp:NoSummary" };
        all.AddRange(arguments);
        var result = DotNetCli.Run(Directory, environment, all.ToArray());
        var intermediate = Path.Combine(Directory, "obj", "Debug", "net10.0");
        var sarif = Path.Combine(intermediate, "codeguardian.compiler.sarif");
        var editorConfig = Path.Combine(intermediate, "Consumer.GeneratedMSBuildEditorConfig.editorconfig");
        return new ConsumerBuild(
            this,
            result,
            FindingReader.FromBuildOutput(result.Output),
            File.Exists(sarif) ? sarif : null,
            File.Exists(editorConfig) ? File.ReadAllText(editorConfig) : string.Empty);
    }

    /// <summary>
    /// Runs only the package's collection target and returns the AdditionalFiles the compiler would receive:
    /// path relative to the project (forward slashes) to CodeGuardianLanguage metadata.
    /// </summary>
    public IReadOnlyDictionary<string, List<string>> AdditionalFiles(params string[] arguments)
    {
        var all = new List<string> { "msbuild", ProjectPath, "-t:CodeGuardianCollectTextFiles", "-getItem:AdditionalFiles", "-nodeReuse:false" };
        all.AddRange(arguments);
        var result = DotNetCli.Run(Directory, all.ToArray());
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Evaluating the consumer failed: " + result);
        }

        var json = result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        var files = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (document.RootElement.GetProperty("Items").TryGetProperty("AdditionalFiles", out var items))
        {
            foreach (var item in items.EnumerateArray())
            {
                var fullPath = item.GetProperty("FullPath").GetString()!;
                var relative = Path.GetRelativePath(Directory, fullPath).Replace('\\', '/');
                var language = item.TryGetProperty("CodeGuardianLanguage", out var metadata) ? metadata.GetString() ?? string.Empty : string.Empty;
                if (!files.TryGetValue(relative, out var languages))
                {
                    files[relative] = languages = new List<string>();
                }

                languages.Add(language);
            }
        }

        return files;
    }

    private static void CopyDirectory(string source, string destination)
    {
        System.IO.Directory.CreateDirectory(destination);
        foreach (var file in System.IO.Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

/// <summary>The outcome of one consumer build.</summary>
public sealed record ConsumerBuild(
    ConsumerProject Project,
    CommandResult Result,
    IReadOnlyList<Finding> OutputFindings,
    string? SarifPath,
    string GeneratedEditorConfig)
{
    public IReadOnlyList<Finding> SarifFindings => SarifPath is null ? Array.Empty<Finding>() : FindingReader.FromSarif(SarifPath);
}

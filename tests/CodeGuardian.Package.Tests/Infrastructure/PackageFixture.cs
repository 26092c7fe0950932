using System.Reflection;

namespace CodeGuardian.Package.Tests.Infrastructure;

/// <summary>
/// Packs the package once for all tests (from the outputs the test project's build produced, so no second
/// compile), and prepares a work folder with a local feed, an isolated package cache and a NuGet.config.
/// </summary>
public sealed class PackageFixture : IDisposable
{
    public const string PackageId = "CodeGuardian.Analyzers";

    private const string NuGetOrgSource = "https://api.nuget.org/v3/index.json";

    private readonly Lazy<ConsumerBuild> _defaultBuild;

    public PackageFixture()
    {
        RepoRoot = ReadMetadata("CodeGuardian.RepoRoot");
        Configuration = ReadMetadata("CodeGuardian.Configuration");
        WorkRoot = Path.Combine(Path.GetTempPath(), "codeguardian-e2e-" + Guid.NewGuid().ToString("N")[..12]);
        FeedDirectory = Path.Combine(WorkRoot, "feed");
        PackagesDirectory = Path.Combine(WorkRoot, "packages");
        Directory.CreateDirectory(FeedDirectory);

        PackResult = DotNetCli.Run(
            RepoRoot,
            "pack", Path.Combine(RepoRoot, "nuget", "CodeGuardian.Analyzers.Package.csproj"),
            "--no-build", "-c", Configuration, "-o", FeedDirectory, "-nodeReuse:false", "-tl:off");
        var packages = Directory.GetFiles(FeedDirectory, PackageId + ".*.nupkg");
        if (PackResult.ExitCode != 0 || packages.Length != 1)
        {
            throw new InvalidOperationException("Packing failed: " + PackResult);
        }

        PackagePath = packages[0];
        var fileName = Path.GetFileNameWithoutExtension(PackagePath);
        PackageVersion = fileName[(PackageId.Length + 1)..];

        WriteIsolationFiles();
        _defaultBuild = new Lazy<ConsumerBuild>(() => ConsumerProject.Create(this, "default").Build());
    }

    public string RepoRoot { get; }

    public string Configuration { get; }

    /// <summary>Temporary folder holding the feed, the package cache and every consumer copy.</summary>
    public string WorkRoot { get; }

    public string FeedDirectory { get; }

    public string PackagesDirectory { get; }

    public CommandResult PackResult { get; }

    public string PackagePath { get; }

    public string PackageVersion { get; }

    /// <summary>The consumer built with default settings, shared by the tests that only read its results.</summary>
    public ConsumerBuild DefaultBuild => _defaultBuild.Value;

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("CODEGUARDIAN_KEEP_E2E") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(WorkRoot, recursive: true);
        }
        catch (IOException)
        {
            // A build server still holding a file must not fail the run; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ReadMetadata(string key)
    {
        foreach (var attribute in typeof(PackageFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>())
        {
            if (attribute.Key == key && !string.IsNullOrEmpty(attribute.Value))
            {
                return attribute.Value;
            }
        }

        throw new InvalidOperationException($"Assembly metadata {key} is missing.");
    }

    /// <summary>
    /// Consumers live under <see cref="WorkRoot"/>: these files stop MSBuild and NuGet from picking up anything
    /// from folders above it, and make restore use only the local feed for CodeGuardian packages.
    /// </summary>
    private void WriteIsolationFiles()
    {
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.props"), $"""
            <Project>
              <PropertyGroup>
                <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>
                <!-- No vulnerability-feed lookups: the consumer must restore from the local feed alone. -->
                <NuGetAudit>false</NuGetAudit>
                <CodeGuardianPackageVersion>{PackageVersion}</CodeGuardianPackageVersion>
              </PropertyGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(WorkRoot, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(WorkRoot, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="codeguardian-local" value="{FeedDirectory}" />
                <add key="nuget.org" value="{NuGetOrgSource}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="codeguardian-local">
                  <package pattern="CodeGuardian.*" />
                </packageSource>
                <packageSource key="nuget.org">
                  <package pattern="*" />
                </packageSource>
              </packageSourceMapping>
            </configuration>
            """);
    }
}

using System.IO;
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

/// <summary>
/// The precompiled (ReadyToRun) analyzer images: one per platform in the package, each the same assembly as the IL
/// one, and the one a command-line build hands to its compiler — with the same findings as the IL.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ReadyToRunTests
{
    /// <summary>Runtime identifier → PE machine of a ReadyToRun image for it (the OS is encoded by an XOR).</summary>
    public static readonly IReadOnlyDictionary<string, ushort> Platforms = new Dictionary<string, ushort>(StringComparer.Ordinal)
    {
        ["linux-x64"] = 0x8664 ^ 0x7B79,
        ["linux-arm64"] = 0xAA64 ^ 0x7B79,
        ["osx-x64"] = 0x8664 ^ 0x4644,
        ["osx-arm64"] = 0xAA64 ^ 0x4644,
        ["win-x64"] = 0x8664,
        ["win-arm64"] = 0xAA64,
    };

    private readonly PackageFixture _fixture;

    public ReadyToRunTests(PackageFixture fixture) => _fixture = fixture;

    /// <summary>The images are for the runtime the compiler of this SDK runs on, the one running these tests.</summary>
    public static string RuntimeFolder => $"readytorun/net{Environment.Version.Major}.{Environment.Version.Minor}";

    [Fact]
    public void Package_holds_a_ReadyToRun_image_of_the_analyzer_assembly_for_each_platform()
    {
        using var archive = ZipFile.OpenRead(_fixture.PackagePath);
        var il = Read(archive, "analyzers/dotnet/cs/CodeGuardian.Analyzers.dll");
        var ilCodeFixes = Read(archive, "analyzers/dotnet/cs/CodeGuardian.CodeFixes.dll");
        using var ilReader = new PEReader(new MemoryStream(il));
        Assert.Equal(0, ilReader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size);
        var ilMetadata = ilReader.GetMetadataReader();

        foreach (var (platform, machine) in Platforms)
        {
            var image = Read(archive, $"{RuntimeFolder}/{platform}/CodeGuardian.Analyzers.dll");
            using var reader = new PEReader(new MemoryStream(image));
            var headers = reader.PEHeaders;
            Assert.True((ushort)headers.CoffHeader.Machine == machine, $"{platform}: machine 0x{(ushort)headers.CoffHeader.Machine:X4}, expected 0x{machine:X4}");
            Assert.True(headers.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, $"{platform}: no ReadyToRun header");
            Assert.True((headers.CorHeader.Flags & CorFlags.ILLibrary) != 0, $"{platform}: not flagged as a ReadyToRun image");

            // The same assembly: name, version and module identity, so the compiler sees the same analyzers.
            var metadata = reader.GetMetadataReader();
            Assert.Equal(ilMetadata.GetAssemblyDefinition().GetAssemblyName().FullName, metadata.GetAssemblyDefinition().GetAssemblyName().FullName);
            Assert.Equal(ilMetadata.GetGuid(ilMetadata.GetModuleDefinition().Mvid), metadata.GetGuid(metadata.GetModuleDefinition().Mvid));

            // The code fixes reference the analyzer assembly; they sit in the same folder, unchanged.
            Assert.Equal(ilCodeFixes, Read(archive, $"{RuntimeFolder}/{platform}/CodeGuardian.CodeFixes.dll"));
        }

        var folders = archive.Entries.Select(e => e.FullName).Where(n => n.StartsWith("readytorun/", StringComparison.Ordinal))
            .Select(n => n[..n.LastIndexOf('/')]).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(Platforms.Keys.Select(p => $"{RuntimeFolder}/{p}").Order(StringComparer.Ordinal), folders);
    }

    [Fact]
    public void Command_line_build_gives_the_compiler_the_image_of_its_platform_and_finds_the_same_as_the_IL()
    {
        var native = ConsumerProject.Create(_fixture, "readytorun-native").Build("-v:n");
        var il = ConsumerProject.Create(_fixture, "readytorun-il").Build("-v:n", "-p:CodeGuardianReadyToRun=false");
        Assert.True(native.Result.ExitCode == 0, native.Result.ToString());
        Assert.True(il.Result.ExitCode == 0, il.Result.ToString());

        var packageRoot = Path.Combine(_fixture.PackagesDirectory, PackageFixture.PackageId.ToLowerInvariant(), _fixture.PackageVersion);
        var ilAnalyzer = Path.Combine(packageRoot, "analyzers", "dotnet", "cs", "CodeGuardian.Analyzers.dll");
        var platform = RuntimeInformation.RuntimeIdentifier;
        var expected = Platforms.ContainsKey(platform)
            ? Path.Combine(packageRoot, RuntimeFolder, platform, "CodeGuardian.Analyzers.dll")
            : ilAnalyzer;
        Assert.Equal(new[] { expected }, AnalyzerArguments(native));
        Assert.Equal(new[] { ilAnalyzer }, AnalyzerArguments(il));

        FindingsTests.AssertExactly(FindingsTests.Expected(native.Project, Expectations.Findings, _ => "warning"), native.OutputFindings, native, "console output of the native build");
        var nativeFindings = Relative(native);
        Assert.NotEmpty(nativeFindings);
        Assert.Equal(Relative(il), nativeFindings);
    }

    /// <summary>The CodeGuardian analyzer assembly in the compiler's command lines (normal verbosity prints them).</summary>
    private static string[] AnalyzerArguments(ConsumerBuild build) =>
        build.Result.Output.Split('\n')
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(a => a.StartsWith("/analyzer:", StringComparison.Ordinal) && a.EndsWith("CodeGuardian.Analyzers.dll", StringComparison.Ordinal))
            .Select(a => a["/analyzer:".Length..].Trim('"'))
            .Distinct(StringComparer.Ordinal)
            .ToArray();

    /// <summary>Findings in the consumer's files, by relative path (normal verbosity also echoes the compiler's own lines).</summary>
    private static string[] Relative(ConsumerBuild build) =>
        build.OutputFindings
            .Where(f => f.FilePath.StartsWith(build.Project.Directory, StringComparison.Ordinal))
            .Select(f => $"{Path.GetRelativePath(build.Project.Directory, f.FilePath)}({f.Line}): {f.Severity} {f.RuleId}")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static byte[] Read(ZipArchive archive, string name)
    {
        var entry = archive.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the package");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

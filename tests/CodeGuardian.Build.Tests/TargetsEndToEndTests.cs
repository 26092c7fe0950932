using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace CodeGuardian.Build.Tests;

/// <summary>
/// Builds a real project with nuget/build/CodeGuardian.Reports.targets and the task assembly from this test run.
/// No analyzer is needed: a compiler warning (CS0219) with CodeGuardianKeepAllRules=true exercises the whole chain.
/// </summary>
public class TargetsEndToEndTests
{
    [Fact]
    public void Build_sets_the_error_log_writes_reports_and_gates_no_op_builds_from_the_previous_log()
    {
        var repositoryRoot = FindRepositoryRoot();
        var directory = Path.Combine(Path.GetTempPath(), "cg-e2e-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(directory, ".git"));
        try
        {
            var framework = "net" + Environment.Version.Major + ".0";
            var targets = Path.Combine(repositoryRoot, "nuget", "build", "CodeGuardian.Reports.targets");
            var task = Path.Combine(AppContext.BaseDirectory, "CodeGuardian.Build.dll");
            File.WriteAllText(Path.Combine(directory, "Sample.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>{framework}</TargetFramework>
                    <CodeGuardianTasksAssembly>{task}</CodeGuardianTasksAssembly>
                    <CodeGuardianKeepAllRules>true</CodeGuardianKeepAllRules>
                  </PropertyGroup>
                  <Import Project="{targets}" />
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Orders.cs"), "namespace Sample;\n\npublic static class Orders\n{\n    public static int Total()\n    {\n        int unused = 1;\n        return 2;\n    }\n}\n");

            var first = Build(directory);
            Assert.True(first.ExitCode == 0, first.Output);
            var intermediate = Path.Combine(directory, "obj", "Debug", framework);
            Assert.True(File.Exists(Path.Combine(intermediate, "codeguardian.compiler.sarif")), first.Output);
            var merged = Path.Combine(directory, "artifacts", "codeguardian");
            foreach (var folder in new[] { Path.Combine(intermediate, "codeguardian"), merged })
            {
                using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "codeguardian.sarif")));
                var result = Assert.Single(sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
                Assert.Equal("CS0219", result.GetProperty("ruleId").GetString());
                Assert.Equal("Orders.cs", ProjectReportTests.Uri(result));
                Assert.Equal(7, result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startLine").GetInt32());
                Assert.Matches("^[0-9a-f]{1,16}:1$", result.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());
            }

            using (var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(merged, "codeguardian.metrics.json"))))
            {
                // Generated files under obj/ are not counted: only Orders.cs.
                Assert.Equal(1, metrics.RootElement.GetProperty("files").GetProperty("files").GetInt32());
                Assert.Equal(new[] { "Sample/" + framework }, metrics.RootElement.GetProperty("projects").EnumerateArray().Select(project => project.GetString()).ToArray());
            }

            // Nothing changed: the compiler is skipped, the previous log is read again, and the gate fails on it.
            var second = Build(directory, "-p:CodeGuardianMaxWarnings=0", "-p:CodeGuardianSarifRootUri=false", "-v:n");
            Assert.NotEqual(0, second.ExitCode);
            Assert.Contains("Skipping target \"CoreCompile\"", second.Output, StringComparison.Ordinal);
            Assert.Contains("error CGB001", second.Output, StringComparison.Ordinal);
            Assert.Contains("max-warnings 1 > 0", second.Output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(intermediate, "codeguardian.compiler.sarif")));
            foreach (var file in Directory.GetFiles(merged))
            {
                Assert.DoesNotContain(directory, File.ReadAllText(file), StringComparison.Ordinal);
            }

            var off = Build(directory, "-p:CodeGuardianMaxWarnings=0", "-p:CodeGuardianReports=false");
            Assert.True(off.ExitCode == 0, off.Output);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Build(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "build", "Sample.csproj", "-nodeReuse:false", "-m:1", "-nologo" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's own MSBuild settings must not leak into the child build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static string FindRepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "nuget", "build", "CodeGuardian.Reports.targets")))
        {
            directory = Path.GetDirectoryName(directory.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("repository root not found");
        }

        return directory;
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using CodeGuardian.Build;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeGuardian.Build.Tests;

/// <summary>
/// A throw-away repository: the fixture sources under src/, a .git folder marking the root, and the fixture
/// compiler logs rewritten from their anonymized /src/ paths to this folder.
/// </summary>
internal sealed class TestRepository : IDisposable
{
    private static readonly string TestData = Path.Combine(AppContext.BaseDirectory, "TestData");

    public TestRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "cg-reports-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, ".git"));
        CopyDirectory(Path.Combine(TestData, "src"), Path.Combine(Root, "src"));
        ProjectDirectory = Path.Combine(Root, "src", "App");
        File.WriteAllText(ProjectPath, "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
    }

    public string Root { get; }

    public string ProjectDirectory { get; }

    public string ProjectPath => Path.Combine(ProjectDirectory, "App.csproj");

    public string Output(string name = "out") => Path.Combine(Root, "artifacts", name);

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(TestData, "logs", name));

    /// <summary>Writes a fixture log into obj/ with its /src/ paths pointing at this repository.</summary>
    public string Log(string fixture, string? name = null)
    {
        var rootUri = new Uri(Path.Combine(Root, "src") + Path.DirectorySeparatorChar).AbsoluteUri;
        var text = Fixture(fixture).Replace("file:///src/", rootUri, StringComparison.Ordinal);
        var path = Path.Combine(ProjectDirectory, "obj", name ?? fixture);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public ITaskItem[] SourceItems()
    {
        var items = new List<ITaskItem>();
        foreach (var file in Directory.GetFiles(ProjectDirectory, "*", SearchOption.AllDirectories))
        {
            if (!file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !file.EndsWith(".csproj", StringComparison.Ordinal))
            {
                items.Add(new TaskItem(file));
            }
        }

        return items.ToArray();
    }

    public CodeGuardianReport Task(string output, params string[] logs)
    {
        var items = new List<ITaskItem>();
        foreach (var log in logs)
        {
            items.Add(new TaskItem(log));
        }

        return new CodeGuardianReport
        {
            ErrorLogs = items.ToArray(),
            OutputDirectory = output,
            ProjectName = "App",
            ProjectPath = ProjectPath,
            TargetFramework = "net10.0",
            ToolVersion = "1.2.3",
            CorrelationId = "test-run",
            Context = new ReportContext(_ => null),
        };
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }
}

/// <summary>Collects what the report code logs.</summary>
internal sealed class RecordingLog : IReportLog
{
    public List<(string Code, string Message)> Warnings { get; } = new();

    public List<(string Code, string Message)> Errors { get; } = new();

    public List<string> Messages { get; } = new();

    public void Warning(string code, string message)
    {
        lock (Warnings)
        {
            Warnings.Add((code, message));
        }
    }

    public void Error(string code, string message)
    {
        lock (Errors)
        {
            Errors.Add((code, message));
        }
    }

    public void Message(string message, bool important = false)
    {
        lock (Messages)
        {
            Messages.Add(message);
        }
    }
}

/// <summary>The smallest build engine that lets a task run its Execute method.</summary>
internal sealed class RecordingBuildEngine : IBuildEngine
{
    public List<BuildErrorEventArgs> Errors { get; } = new();

    public List<BuildWarningEventArgs> Warnings { get; } = new();

    public List<BuildMessageEventArgs> Messages { get; } = new();

    public bool ContinueOnError => false;

    public int LineNumberOfTaskNode => 0;

    public int ColumnNumberOfTaskNode => 0;

    public string ProjectFileOfTaskNode => "";

    public bool BuildProjectFile(string projectFileName, string[] targetNames, System.Collections.IDictionary globalProperties, System.Collections.IDictionary targetOutputs) => false;

    public void LogCustomEvent(CustomBuildEventArgs e)
    {
    }

    public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);

    public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);

    public void LogWarningEvent(BuildWarningEventArgs e) => Warnings.Add(e);
}

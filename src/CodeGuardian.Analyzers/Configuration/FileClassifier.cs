using System;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// Path-based facts about a file: generated or vendored (skipped by default) and test code (treated
/// differently by some rules). Callers pass the path relative to the project directory when known, so a
/// checkout under <c>/home/ci/build/</c> is not mistaken for a build output folder.
/// </summary>
public static class FileClassifier
{
    private static readonly string[] SkippedFolders =
    {
        "node_modules", "bin", "obj", "dist", "target", "__pycache__", ".venv", "venv", ".git", "build", "bower_components", ".tox",
    };

    private static readonly char[] PathSeparators = { '/', '\\' };

    private static readonly string[] TestFolders = { "tests", "test", "__tests__", "spec", "specs", "testing" };

    public static bool IsGeneratedOrVendored(string path)
    {
        var normalized = path.Replace('\\', '/');
        foreach (var folder in SkippedFolders)
        {
            if (ContainsSegment(normalized, folder))
            {
                return true;
            }
        }

        var name = FileName(normalized);
        return name.EndsWith(".min.js".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".min.mjs".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".bundle.js".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".d.ts".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.cs".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_pb2.py".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsTestFile(string path)
    {
        var normalized = path.Replace('\\', '/');
        foreach (var folder in TestFolders)
        {
            if (ContainsSegment(normalized, folder))
            {
                return true;
            }
        }

        var name = FileName(normalized);
        return name.StartsWith("test_".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_test.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_tests.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.Equals("conftest.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.IndexOf(".test.".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf(".spec.".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.EndsWith("_test.rs".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The path relative to <paramref name="projectDirectory"/> when it lies below it; else the path.</summary>
    public static string RelativeTo(string path, string? projectDirectory)
    {
        var normalized = path.Replace('\\', '/');
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return normalized;
        }

        var root = projectDirectory!.Replace('\\', '/');
        if (!root.EndsWith("/", StringComparison.Ordinal))
        {
            root += "/";
        }

        return normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? normalized.Substring(root.Length) : normalized;
    }

    /// <summary>
    /// The last segment of a path, after its last '/' or '\' (both, on every platform), without copying it: asked for
    /// every scanned file.
    /// </summary>
    public static ReadOnlySpan<char> FileName(string path) =>
        path.AsSpan(path.LastIndexOfAny(PathSeparators) + 1);

    private static bool ContainsSegment(string path, string segment)
    {
        var index = 0;
        while ((index = path.IndexOf(segment, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var startOk = index == 0 || path[index - 1] == '/' || path[index - 1] == ':';
            var end = index + segment.Length;
            var endOk = end < path.Length && path[end] == '/';
            if (startOk && endOk)
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}

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

    private static readonly string[] TestFolders = { "tests", "test", "__tests__", "spec", "specs", "testing" };

    public static bool IsGeneratedOrVendored(ReadOnlySpan<char> path)
    {
        foreach (var folder in SkippedFolders)
        {
            if (HasSegment(path, folder))
            {
                return true;
            }
        }

        var name = FileName(path);
        return name.EndsWith(".min.js".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".min.mjs".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".bundle.js".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".d.ts".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".g.cs".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_pb2.py".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    public static bool IsTestFile(ReadOnlySpan<char> path)
    {
        foreach (var folder in TestFolders)
        {
            if (HasSegment(path, folder))
            {
                return true;
            }
        }

        var name = FileName(path);
        return name.StartsWith("test_".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_test.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("_tests.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.Equals("conftest.py".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || name.IndexOf(".test.".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf(".spec.".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.EndsWith("_test.rs".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The part of <paramref name="path"/> below <paramref name="projectDirectory"/> when it lies there (compared
    /// ignoring case, '/' and '\' alike); else the whole path. A slice, not a copy: asked for every scanned file, and
    /// the checks here accept either separator.
    /// </summary>
    public static ReadOnlySpan<char> RelativeTo(string path, string? projectDirectory)
    {
        var full = path.AsSpan();
        if (string.IsNullOrEmpty(projectDirectory))
        {
            return full;
        }

        var root = projectDirectory.AsSpan();
        if (IsSeparator(root[root.Length - 1]))
        {
            root = root.Slice(0, root.Length - 1);
        }

        return full.Length > root.Length && IsSeparator(full[root.Length]) && SamePath(full.Slice(0, root.Length), root)
            ? full.Slice(root.Length + 1)
            : full;
    }

    /// <summary>
    /// The last segment of a path, after its last '/' or '\' (both, on every platform), without copying it: asked for
    /// every scanned file.
    /// </summary>
    public static ReadOnlySpan<char> FileName(string path) => FileName(path.AsSpan());

    /// <summary>The last segment of a path, after its last '/' or '\'.</summary>
    public static ReadOnlySpan<char> FileName(ReadOnlySpan<char> path) => path.Slice(path.LastIndexOfAny('/', '\\') + 1);

    /// <summary>
    /// Whether <paramref name="segment"/> is a whole folder name in <paramref name="path"/> (ignoring case; between
    /// separators, or after a drive's ':'; never the file name).
    /// </summary>
    public static bool HasSegment(ReadOnlySpan<char> path, string segment)
    {
        var offset = 0;
        while (true)
        {
            var index = path.Slice(offset).IndexOf(segment.AsSpan(), StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            index += offset;
            var end = index + segment.Length;
            if ((index == 0 || IsSeparator(path[index - 1]) || path[index - 1] == ':') && end < path.Length && IsSeparator(path[end]))
            {
                return true;
            }

            offset = end;
        }
    }

    private static bool IsSeparator(char c) => c is '/' or '\\';

    /// <summary>Equal paths, ignoring case and whether each separator is '/' or '\'.</summary>
    private static bool SamePath(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] == '\\' ? '/' : a[i];
            var y = b[i] == '\\' ? '/' : b[i];
            if (x != y && char.ToUpperInvariant(x) != char.ToUpperInvariant(y))
            {
                return false;
            }
        }

        return true;
    }
}

using System;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.Rust;

/// <summary>Path conventions of Cargo packages that some Rust rules treat differently.</summary>
internal static class RsFilePaths
{
    /// <summary>
    /// Code that may panic by design: integration tests (<c>tests/</c>, <c>*_test.rs</c>), <c>examples/</c>,
    /// <c>benches/</c> and build scripts (<c>build.rs</c>).
    /// </summary>
    public static bool IsPanicTolerant(TextRuleContext context)
    {
        if (context.IsTestFile)
        {
            return true;
        }

        var path = RelativePath(context);
        return FileClassifier.FileName(path).Equals("build.rs".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || HasSegment(path, "examples")
            || HasSegment(path, "benches");
    }

    /// <summary>The file's path relative to the project directory when the build passes it, with '/' separators.</summary>
    public static string RelativePath(TextRuleContext context)
    {
        context.Options.TryGetBuildProperty("ProjectDir", out var projectDir);
        return FileClassifier.RelativeTo(context.File.Path, projectDir);
    }

    private static bool HasSegment(string path, string segment)
    {
        var index = 0;
        while ((index = path.IndexOf(segment, index, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            var end = index + segment.Length;
            if ((index == 0 || path[index - 1] == '/') && end < path.Length && path[end] == '/')
            {
                return true;
            }

            index = end;
        }

        return false;
    }
}

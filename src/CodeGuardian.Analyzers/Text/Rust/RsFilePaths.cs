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
            || FileClassifier.HasSegment(path, "examples")
            || FileClassifier.HasSegment(path, "benches");
    }

    /// <summary>The file's path relative to the project directory when the build passes it.</summary>
    public static ReadOnlySpan<char> RelativePath(TextRuleContext context)
    {
        context.Options.TryGetBuildProperty("ProjectDir", out var projectDir);
        return FileClassifier.RelativeTo(context.File.Path, projectDir);
    }
}

using System;
using CodeGuardian.Analyzers.Configuration;

namespace CodeGuardian.Analyzers.Text.Languages;

/// <summary>
/// Decides a file's language: the <c>CodeGuardianLanguage</c> item metadata set by the package targets wins,
/// the extension is the fallback (files added by hand, IDE hosts that do not pass metadata).
/// </summary>
public static class LanguageDetector
{
    public static TextLanguage FromMetadata(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "javascript" or "typescript" or "js" or "ts" => TextLanguage.JavaScript,
        "python" or "py" => TextLanguage.Python,
        "sql" => TextLanguage.Sql,
        "rust" or "rs" => TextLanguage.Rust,
        "config" or "cfg" => TextLanguage.Config,
        "manifest" => TextLanguage.Manifest,
        _ => TextLanguage.Unknown,
    };

    /// <summary>The language of a file by its name; asked for every AdditionalFile, so nothing is copied.</summary>
    public static TextLanguage FromPath(string path)
    {
        var name = FileClassifier.FileName(path);
        var dot = name.LastIndexOf('.');
        var extension = dot < 0 ? ReadOnlySpan<char>.Empty : name.Slice(dot);
        if (Is(extension, ".js") || Is(extension, ".jsx") || Is(extension, ".mjs") || Is(extension, ".cjs")
            || Is(extension, ".ts") || Is(extension, ".tsx") || Is(extension, ".mts") || Is(extension, ".cts"))
        {
            return TextLanguage.JavaScript;
        }

        if (Is(extension, ".py"))
        {
            return TextLanguage.Python;
        }

        if (Is(extension, ".sql"))
        {
            return TextLanguage.Sql;
        }

        if (Is(extension, ".rs"))
        {
            return TextLanguage.Rust;
        }

        if (Is(name, "package.json") || Is(name, "tsconfig.json") || Is(name, "Cargo.toml") || Is(name, "pyproject.toml")
            || Is(name, "setup.cfg") || Is(name, "Pipfile")
            || (name.StartsWith("requirements".AsSpan(), StringComparison.OrdinalIgnoreCase) && Is(extension, ".txt")))
        {
            return TextLanguage.Manifest;
        }

        if (name.StartsWith(".env".AsSpan(), StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings".AsSpan(), StringComparison.OrdinalIgnoreCase) && Is(extension, ".json")))
        {
            return TextLanguage.Config;
        }

        return Is(extension, ".config") || Is(extension, ".yml") || Is(extension, ".yaml") || Is(extension, ".toml")
            || Is(extension, ".properties") || Is(extension, ".ini")
            ? TextLanguage.Config
            : TextLanguage.Unknown;
    }

    private static bool Is(ReadOnlySpan<char> text, string value) => text.Equals(value.AsSpan(), StringComparison.OrdinalIgnoreCase);
}

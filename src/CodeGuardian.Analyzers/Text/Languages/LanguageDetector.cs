using System;
using System.IO;

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

    public static TextLanguage FromPath(string path)
    {
        var name = Path.GetFileName(path);
        var extension = Path.GetExtension(name).ToLowerInvariant();
        switch (extension)
        {
            case ".js":
            case ".jsx":
            case ".mjs":
            case ".cjs":
            case ".ts":
            case ".tsx":
            case ".mts":
            case ".cts":
                return TextLanguage.JavaScript;
            case ".py":
                return TextLanguage.Python;
            case ".sql":
                return TextLanguage.Sql;
            case ".rs":
                return TextLanguage.Rust;
        }

        if (name.Equals("package.json", StringComparison.OrdinalIgnoreCase)
            || name.Equals("tsconfig.json", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Cargo.toml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase)
            || name.Equals("setup.cfg", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Pipfile", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && extension == ".txt"))
        {
            return TextLanguage.Manifest;
        }

        if (name.StartsWith(".env", StringComparison.OrdinalIgnoreCase)
            || (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && extension == ".json"))
        {
            return TextLanguage.Config;
        }

        return extension switch
        {
            ".config" or ".yml" or ".yaml" or ".toml" or ".properties" or ".ini" => TextLanguage.Config,
            _ => TextLanguage.Unknown,
        };
    }
}

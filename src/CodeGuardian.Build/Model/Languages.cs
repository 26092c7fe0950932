using System;
using System.IO;

namespace CodeGuardian.Build.Model;

/// <summary>Language of a file from its name, the same families the analyzers scan.</summary>
internal static class Languages
{
    public const string CSharp = "csharp";
    public const string JavaScript = "javascript";
    public const string Python = "python";
    public const string Sql = "sql";
    public const string Rust = "rust";
    public const string Config = "config";
    public const string Other = "other";

    public static string FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return Other;
        }

        var name = Path.GetFileName(path!).ToLowerInvariant();
        var extension = Path.GetExtension(name);
        switch (extension)
        {
            case ".cs":
            case ".csx":
                return CSharp;
            case ".js":
            case ".jsx":
            case ".mjs":
            case ".cjs":
            case ".ts":
            case ".tsx":
            case ".mts":
            case ".cts":
                return JavaScript;
            case ".py":
            case ".pyi":
                return Python;
            case ".sql":
                return Sql;
            case ".rs":
                return Rust;
            case ".json":
            case ".config":
            case ".yml":
            case ".yaml":
            case ".toml":
            case ".properties":
            case ".ini":
            case ".xml":
            case ".txt":
            case ".cfg":
            case ".lock":
                return Config;
        }

        return name.StartsWith(".env", StringComparison.Ordinal) || name == "pipfile" ? Config : Other;
    }
}

using System;

namespace CodeGuardian.Build.Model;

/// <summary>SARIF result levels, ordered from most to least severe.</summary>
internal static class Levels
{
    public const string Error = "error";
    public const string Warning = "warning";
    public const string Note = "note";
    public const string None = "none";

    public static readonly string[] All = { Error, Warning, Note, None };

    /// <summary>Maps any spelling (SARIF, MSBuild, Roslyn) to a SARIF level; unknown values become warning, the SARIF default.</summary>
    public static string Normalize(string? level)
    {
        switch ((level ?? "").Trim().ToLowerInvariant())
        {
            case "error":
                return Error;
            case "note":
            case "info":
            case "information":
            case "suggestion":
                return Note;
            case "none":
            case "hidden":
            case "silent":
                return None;
            default:
                return Warning;
        }
    }

    /// <summary>3 for error down to 0 for none.</summary>
    public static int Rank(string level) => level switch
    {
        Error => 3,
        Warning => 2,
        Note => 1,
        _ => 0,
    };

    /// <summary>Parses a FailOn value; null means "never fail on severity".</summary>
    public static string? ParseFailOn(string? value)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Equals("never", StringComparison.OrdinalIgnoreCase) || text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return Normalize(text);
    }
}

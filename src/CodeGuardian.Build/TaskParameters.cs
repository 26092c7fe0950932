using System;
using System.Globalization;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build;

/// <summary>Parsing of the string parameters both tasks share, tolerant of MSBuild's empty properties.</summary>
internal static class TaskParameters
{
    /// <summary>An empty, "-1", "none" or "unlimited" value means no limit (-1); an invalid one too, after a warning.</summary>
    public static int ParseMaximum(string? value, string name, IReportLog log)
    {
        var text = (value ?? "").Trim();
        if (text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
        {
            return -1;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return number < 0 ? -1 : number;
        }

        log.Warning(ReportCodes.InvalidParameter, $"CodeGuardian: {name}='{text}' is not a number; no limit is applied.");
        return -1;
    }

    public static string? ParseFailOn(string? value, IReportLog log)
    {
        var text = (value ?? "").Trim();
        var parsed = Levels.ParseFailOn(text);
        if (parsed == Levels.Warning && !text.Equals("warning", StringComparison.OrdinalIgnoreCase))
        {
            log.Warning(ReportCodes.InvalidParameter, $"CodeGuardian: FailOn='{text}' is not one of error, warning, note, none; 'warning' is used.");
        }

        return parsed;
    }

    public static GateOptions Gate(string? maxErrors, string? maxWarnings, string? maxSecurityFindings, string? failOn, IReportLog log) => new()
    {
        MaxErrors = ParseMaximum(maxErrors, "MaxErrors", log),
        MaxWarnings = ParseMaximum(maxWarnings, "MaxWarnings", log),
        MaxSecurityFindings = ParseMaximum(maxSecurityFindings, "MaxSecurityFindings", log),
        FailOn = ParseFailOn(failOn, log),
    };
}

namespace CodeGuardian.Build;

/// <summary>Where the report code sends its diagnostics; the tasks forward to the MSBuild log, tests collect them.</summary>
internal interface IReportLog
{
    void Warning(string code, string message);

    void Error(string code, string message);

    /// <summary>An informational line; <paramref name="important"/> ones show at minimal verbosity.</summary>
    void Message(string message, bool important = false);
}

/// <summary>Task diagnostic codes, each with one meaning.</summary>
internal static class ReportCodes
{
    /// <summary>The quality gate failed.</summary>
    public const string GateFailed = "CGB001";

    /// <summary>A compiler log is missing.</summary>
    public const string LogMissing = "CGB100";

    /// <summary>A compiler log is empty, truncated or not SARIF.</summary>
    public const string LogUnreadable = "CGB101";

    /// <summary>A compiler log uses SARIF 1.0.</summary>
    public const string LogLegacyFormat = "CGB102";

    /// <summary>A report file could not be written.</summary>
    public const string WriteFailed = "CGB103";

    /// <summary>The baseline file could not be read.</summary>
    public const string BaselineUnreadable = "CGB104";

    /// <summary>The CI step summary could not be updated.</summary>
    public const string SummaryFailed = "CGB105";

    /// <summary>No input reports were found to merge.</summary>
    public const string NothingToMerge = "CGB106";

    /// <summary>The folder lock was not acquired in time; files were still written atomically.</summary>
    public const string LockTimeout = "CGB107";

    /// <summary>A task parameter has an invalid value.</summary>
    public const string InvalidParameter = "CGB108";
}

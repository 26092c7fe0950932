using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace CodeGuardian.Build;

/// <summary>Forwards report diagnostics to the MSBuild log with their codes.</summary>
internal sealed class TaskLog : IReportLog
{
    private readonly TaskLoggingHelper _log;
    private readonly string? _file;

    public TaskLog(TaskLoggingHelper log, string? file)
    {
        _log = log;
        _file = file;
    }

    public void Warning(string code, string message) => _log.LogWarning(null, code, null, _file, 0, 0, 0, 0, message);

    public void Error(string code, string message) => _log.LogError(null, code, null, _file, 0, 0, 0, 0, message);

    public void Message(string message, bool important = false) => _log.LogMessage(important ? MessageImportance.High : MessageImportance.Normal, message);
}

using System;
using System.Reflection;

namespace CodeGuardian.Build;

/// <summary>Facts about the build environment, read through one function so tests can supply their own.</summary>
internal sealed class ReportContext
{
    public ReportContext(Func<string, string?> environment)
    {
        Environment = environment;
    }

    public static ReportContext Process { get; } = new(System.Environment.GetEnvironmentVariable);

    public Func<string, string?> Environment { get; }

    /// <summary>The CI run id (GitHub Actions, Azure Pipelines, GitLab CI), else <paramref name="fallback"/>, else a new GUID.</summary>
    public string CorrelationId(string? fallback)
    {
        var github = Environment("GITHUB_RUN_ID");
        if (!string.IsNullOrEmpty(github))
        {
            var attempt = Environment("GITHUB_RUN_ATTEMPT");
            return string.IsNullOrEmpty(attempt) ? github! : github + "-" + attempt;
        }

        foreach (var name in new[] { "BUILD_BUILDID", "CI_PIPELINE_ID" })
        {
            var value = Environment(name);
            if (!string.IsNullOrEmpty(value))
            {
                return value!;
            }
        }

        return string.IsNullOrWhiteSpace(fallback) ? Guid.NewGuid().ToString("D") : fallback!.Trim();
    }

    /// <summary>The informational version of this assembly without the source revision.</summary>
    public static string ToolVersion
    {
        get
        {
            var attribute = typeof(ReportContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>();
            var version = attribute?.InformationalVersion ?? typeof(ReportContext).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }
    }
}

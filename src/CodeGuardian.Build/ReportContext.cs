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

    /// <summary>Repository and commit from GitHub Actions, Azure Pipelines or GitLab CI variables; null elsewhere.</summary>
    public Model.VersionControlInfo? VersionControl()
    {
        string? Get(string name) => Environment(name) is { Length: > 0 } value ? value : null;
        var githubServer = Get("GITHUB_SERVER_URL");
        var githubRepository = Get("GITHUB_REPOSITORY");
        if (githubServer is not null && githubRepository is not null)
        {
            return new Model.VersionControlInfo { RepositoryUri = githubServer.TrimEnd('/') + "/" + githubRepository, RevisionId = Get("GITHUB_SHA"), Branch = Get("GITHUB_REF_NAME") };
        }

        if (Get("BUILD_REPOSITORY_URI") is { } azureRepository)
        {
            return new Model.VersionControlInfo { RepositoryUri = azureRepository, RevisionId = Get("BUILD_SOURCEVERSION"), Branch = Get("BUILD_SOURCEBRANCHNAME") };
        }

        if (Get("CI_PROJECT_URL") is { } gitlabProject)
        {
            return new Model.VersionControlInfo { RepositoryUri = gitlabProject, RevisionId = Get("CI_COMMIT_SHA"), Branch = Get("CI_COMMIT_REF_NAME") };
        }

        return null;
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

using System.Collections.Generic;
using System.Linq;
using CodeGuardian.Build.Input;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Gate;

/// <summary>One pass/fail line of the health report.</summary>
internal sealed class HealthCheck
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public bool Passed { get; set; }

    /// <summary>Null when no threshold is set (the check then always passes).</summary>
    public long? Threshold { get; set; }

    public long Actual { get; set; }

    /// <summary>"liveness" (the tool worked) or "readiness" (the code passes the gate).</summary>
    public string Kind { get; set; } = "readiness";

    /// <summary>FailOn threshold as a level, for the fail-on check.</summary>
    public string? ThresholdLevel { get; set; }
}

/// <summary>The evaluated gate and health of a report.</summary>
internal sealed class GateResult
{
    public List<HealthCheck> Checks { get; } = new();

    /// <summary>Findings that broke a gate check, worst first.</summary>
    public List<Finding> Offenders { get; } = new();

    public bool Ready => Checks.Where(check => check.Kind == "readiness").All(check => check.Passed);

    public bool Live => Checks.Where(check => check.Kind == "liveness").All(check => check.Passed);

    /// <summary>unhealthy when the gate fails, degraded when the tool could not see everything, else healthy.</summary>
    public string Status => !Ready ? "unhealthy" : !Live ? "degraded" : "healthy";
}

/// <summary>Evaluates thresholds over active findings (not suppressed, not baselined).</summary>
internal static class QualityGate
{
    public const string ConfigurationRule = "CG9001";
    public const string FileSkippedRule = "CG9002";

    public static GateResult Evaluate(ReportModel model)
    {
        var result = new GateResult();
        var active = model.Findings.Where(finding => finding.IsActive).ToList();

        var badLogs = model.Logs.Count(log => log.Status is not (LogStatus.Ok or LogStatus.LegacyFormat));
        result.Checks.Add(new HealthCheck
        {
            Name = "compiler-logs-read",
            Kind = "liveness",
            Description = "Every compiler log was found and read completely.",
            Threshold = 0,
            Actual = badLogs,
            Passed = badLogs == 0,
        });
        var configurationErrors = model.Findings.Count(finding => finding.RuleId == ConfigurationRule && !finding.IsSuppressed);
        result.Checks.Add(new HealthCheck
        {
            Name = "configuration-valid",
            Kind = "liveness",
            Description = "No CG9001 (invalid CodeGuardian configuration) was reported.",
            Threshold = 0,
            Actual = configurationErrors,
            Passed = configurationErrors == 0,
        });
        var skipped = model.Findings.Count(finding => finding.RuleId == FileSkippedRule && !finding.IsSuppressed);
        result.Checks.Add(new HealthCheck
        {
            Name = "all-files-analyzed",
            Kind = "liveness",
            Description = "No file was skipped (CG9002).",
            Threshold = 0,
            Actual = skipped,
            Passed = skipped == 0,
        });

        var gate = model.Gate;
        AddMaximum(result, "max-errors", "Active findings at level error.", gate.MaxErrors, active.Where(finding => finding.Level == Levels.Error).ToList());
        AddMaximum(result, "max-warnings", "Active findings at level warning.", gate.MaxWarnings, active.Where(finding => finding.Level == Levels.Warning).ToList());
        AddMaximum(result, "max-security-findings", "Active findings of CodeGuardian.Security rules at level note or above.", gate.MaxSecurityFindings, active.Where(finding => finding.IsSecurity && finding.Level != Levels.None).ToList());

        var failOn = gate.FailOn;
        var atOrAbove = failOn is null ? new List<Finding>() : active.Where(finding => Levels.Rank(finding.Level) >= Levels.Rank(failOn) && finding.Level != Levels.None).ToList();
        var failOnCheck = new HealthCheck
        {
            Name = "fail-on",
            Description = failOn is null ? "No severity fails the build by itself (FailOn not set)." : $"No active finding at level {failOn} or above.",
            Threshold = failOn is null ? null : 0,
            ThresholdLevel = failOn,
            Actual = atOrAbove.Count,
            Passed = atOrAbove.Count == 0,
        };
        result.Checks.Add(failOnCheck);
        if (!failOnCheck.Passed)
        {
            AddOffenders(result, atOrAbove);
        }

        result.Offenders.Sort(ReportOrder.CompareWorstFirst);
        return result;
    }

    private static void AddMaximum(GateResult result, string name, string description, int maximum, List<Finding> findings)
    {
        var check = new HealthCheck
        {
            Name = name,
            Description = description,
            Threshold = maximum < 0 ? null : maximum,
            Actual = findings.Count,
            Passed = maximum < 0 || findings.Count <= maximum,
        };
        result.Checks.Add(check);
        if (!check.Passed)
        {
            AddOffenders(result, findings);
        }
    }

    private static void AddOffenders(GateResult result, List<Finding> findings)
    {
        foreach (var finding in findings)
        {
            if (!result.Offenders.Contains(finding))
            {
                result.Offenders.Add(finding);
            }
        }
    }

    /// <summary>The worst active findings, for summaries when the gate passed too.</summary>
    public static List<Finding> Worst(ReportModel model, int count)
    {
        var active = model.Findings.Where(finding => finding.IsActive && finding.Level != Levels.None).ToList();
        active.Sort(ReportOrder.CompareWorstFirst);
        return active.Take(count).ToList();
    }
}

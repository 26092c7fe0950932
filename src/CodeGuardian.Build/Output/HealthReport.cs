using CodeGuardian.Build.Gate;
using CodeGuardian.Build.IO;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Output;

/// <summary><c>codeguardian.health.json</c>: status, liveness, readiness and every check with threshold and actual value.</summary>
internal static class HealthReport
{
    public const string FileName = "codeguardian.health.json";
    public const int TopFindings = 10;

    public static byte[] Render(ReportModel model, GateResult gate) => Json.Render(writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", 1);
        writer.WriteString("status", gate.Status);
        writer.WriteBoolean("live", gate.Live);
        writer.WriteBoolean("ready", gate.Ready);
        writer.WriteString("project", model.ProjectName);
        writer.WriteString("environment", model.Environment);
        writer.WriteString("correlationId", model.CorrelationId);
        writer.WriteString("generatedUtc", Json.Timestamp(model.GeneratedUtc));
        writer.WriteStartArray("checks");
        foreach (var check in gate.Checks)
        {
            writer.WriteStartObject();
            writer.WriteString("name", check.Name);
            writer.WriteString("kind", check.Kind);
            writer.WriteString("status", check.Passed ? "pass" : "fail");
            writer.WriteString("description", check.Description);
            if (check.ThresholdLevel is not null)
            {
                writer.WriteString("threshold", check.ThresholdLevel);
            }
            else if (check.Threshold is { } threshold)
            {
                writer.WriteNumber("threshold", threshold);
            }
            else
            {
                writer.WriteNull("threshold");
            }

            writer.WriteNumber("actual", check.Actual);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("topFindings");
        var top = gate.Offenders.Count > 0 ? gate.Offenders : QualityGate.Worst(model, TopFindings);
        for (var i = 0; i < top.Count && i < TopFindings; i++)
        {
            var finding = top[i];
            writer.WriteStartObject();
            writer.WriteString("ruleId", finding.RuleId);
            writer.WriteString("level", finding.Level);
            writer.WriteString("category", finding.Category);
            if (finding.RelativePath is not null)
            {
                writer.WriteString("path", finding.RelativePath);
                writer.WriteNumber("line", finding.StartLine);
            }

            writer.WriteString("message", finding.Message);
            writer.WriteString("fingerprint", finding.Fingerprint);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });
}

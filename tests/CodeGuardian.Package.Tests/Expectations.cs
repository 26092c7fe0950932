namespace CodeGuardian.Package.Tests;

/// <summary>
/// A finding the default consumer build must report: <see cref="RuleId"/> at the one line of
/// <see cref="File"/> (relative to the consumer project) that contains <see cref="LineText"/>.
/// <see cref="LandsWith"/> names the rule work a pending expectation waits for (empty once it passes).
/// </summary>
public sealed record ExpectedFinding(string RuleId, string File, string LineText, string LandsWith = "");

/// <summary>A line that must carry no finding of <see cref="RuleId"/> (a pattern inside a string, say).</summary>
public sealed record ExpectedAbsence(string RuleId, string File, string LineText);

/// <summary>
/// What the consumer in TestData/Consumer must produce. Extend these lists when a rule lands: add the
/// construct to a consumer file and one line here. For every rule ID listed in <see cref="Findings"/> the
/// build must report exactly these locations (nothing more), in the console output and in the SARIF log.
/// </summary>
public static class Expectations
{
    /// <summary>Marks expectations that pass once the comment rules (C# and text lexers + CG1001) are merged.</summary>
    public const string CommentRules = "PENDING: comment rules CG1001";

    public static readonly IReadOnlyList<ExpectedFinding> Findings = new ExpectedFinding[]
    {
        new("CG1001", "Library.cs", "// TODO: cs task tag", CommentRules),
        new("CG1001", "web/app.js", "// TODO: js task tag", CommentRules),
        new("CG1001", "web/widget.ts", "/* TODO: ts task tag", CommentRules),
        new("CG1001", "tools/report.py", "# TODO: py task tag in a comment", CommentRules),
        new("CG1001", "db/schema.sql", "-- TODO: sql task tag", CommentRules),
        new("CG1001", "native/src/lib.rs", "// TODO: rs task tag", CommentRules),
        new("CG1001", "user/extra.py", "# TODO: py task tag in a file the project adds itself", CommentRules),
    };

    public static readonly IReadOnlyList<ExpectedAbsence> Absences = new ExpectedAbsence[]
    {
        new("CG1001", "Library.cs", "TODO: cs text inside a string"),
        new("CG1001", "web/app.js", "TODO: js text inside a string"),
        new("CG1001", "web/widget.ts", "TODO: ts text inside a template literal"),
        new("CG1001", "tools/report.py", "TODO: py text inside a string"),
        new("CG1001", "db/schema.sql", "TODO: sql text inside a string"),
        new("CG1001", "native/src/lib.rs", "TODO: rs text inside a raw string"),
    };

    /// <summary>The files the package itself adds to the consumer's compilation, with their language metadata.</summary>
    public static readonly IReadOnlyDictionary<string, string> CollectedFiles = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["web/app.js"] = "javascript",
        ["web/widget.ts"] = "javascript",
        ["tools/report.py"] = "python",
        ["db/schema.sql"] = "sql",
        ["native/src/lib.rs"] = "rust",
        ["package.json"] = "manifest",
        ["appsettings.json"] = "config",
        [".editorconfig"] = "editorconfig",
    };

    /// <summary>Added by the consumer project itself (no language metadata); the package must not add it again.</summary>
    public const string UserAddedFile = "user/extra.py";

    public static bool IsCSharp(ExpectedFinding finding) => finding.File.EndsWith(".cs", StringComparison.Ordinal);
}

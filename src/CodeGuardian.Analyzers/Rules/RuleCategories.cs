namespace CodeGuardian.Analyzers.Rules;

/// <summary>Diagnostic categories; each owns an ID range (see DiagnosticCategoryAndIdRanges.txt).</summary>
public static class RuleCategories
{
    public const string Maintainability = "CodeGuardian.Maintainability";
    public const string Production = "CodeGuardian.Production";
    public const string Reliability = "CodeGuardian.Reliability";
    public const string Security = "CodeGuardian.Security";
    public const string Performance = "CodeGuardian.Performance";
    public const string Dependencies = "CodeGuardian.Dependencies";
    public const string Configuration = "CodeGuardian.Configuration";
}

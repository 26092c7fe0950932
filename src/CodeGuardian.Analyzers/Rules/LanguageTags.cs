namespace CodeGuardian.Analyzers.Rules;

/// <summary>
/// Custom tags naming the languages a rule applies to. They travel with the descriptor into SARIF and
/// drive the README/doc tables, so the language list of a rule is written once.
/// </summary>
public static class LanguageTags
{
    public const string CSharp = "cs";
    public const string JavaScript = "js";
    public const string Python = "py";
    public const string Sql = "sql";
    public const string Rust = "rs";
    public const string Config = "cfg";

    public static readonly string[] All = { CSharp, JavaScript, Python, Sql, Rust, Config };
}

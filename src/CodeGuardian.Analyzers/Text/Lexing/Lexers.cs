using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>The lexer of each text language. Lexers are stateless and thread-safe.</summary>
public static class Lexers
{
    public static readonly ILexer JavaScript = new JavaScriptLexer();
    public static readonly ILexer Python = new PythonLexer();
    public static readonly ILexer Sql = new SqlLexer();
    public static readonly ILexer Rust = new RustLexer();

    public static ILexer? For(TextLanguage language) => language switch
    {
        TextLanguage.JavaScript => JavaScript,
        TextLanguage.Python => Python,
        TextLanguage.Sql => Sql,
        TextLanguage.Rust => Rust,
        _ => null,
    };
}

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>What a token is, lexically. Keywords are <see cref="Identifier"/>s: rules compare their text.</summary>
public enum TokenKind : byte
{
    None = 0,

    /// <summary>A name or keyword (including Rust macro names without the '!', SQL keywords, Python soft keywords).</summary>
    Identifier,

    /// <summary>A numeric literal.</summary>
    Number,

    /// <summary>Any string or character literal, delimiters and prefixes included (see <see cref="TokenFlags"/>).</summary>
    String,

    /// <summary>A comment, delimiters included (<see cref="TokenFlags.BlockComment"/> for block comments).</summary>
    Comment,

    /// <summary>An operator or bracket. Multi-character operators are one token (<c>=&gt;</c>, <c>===</c>, <c>::</c>, <c>-&gt;</c>).</summary>
    Punctuation,

    /// <summary>A JavaScript regular-expression literal.</summary>
    Regex,

    /// <summary>
    /// The end of a logical line where the language makes it significant: Python (outside brackets) and SQL
    /// (for <c>GO</c> batch separators). Other lexers do not emit it.
    /// </summary>
    Newline,

    /// <summary>Text that is not code of the language: JSX text, a Python/Rust shebang line, a BOM. Never a rule target.</summary>
    Text,
}

using System;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>Details of a token that rules need without re-reading its text.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,

    /// <summary>The literal has run-time holes: JS template literal with <c>${}</c>, Python f-string with <c>{}</c>.</summary>
    Interpolated = 1 << 0,

    /// <summary>The construct reached end of file without its closing delimiter.</summary>
    Unterminated = 1 << 1,

    /// <summary>Block comment (<c>/* */</c>); without it a comment is a line comment.</summary>
    BlockComment = 1 << 2,

    /// <summary>Documentation comment (<c>///</c>, <c>/** */</c>, <c>//!</c>) or a Python docstring (a String statement).</summary>
    Documentation = 1 << 3,

    /// <summary>Raw string: Python <c>r''</c>, Rust <c>r#""#</c>, C#-style verbatim.</summary>
    Raw = 1 << 4,

    /// <summary>Byte string or byte literal: Python <c>b''</c>, Rust <c>b""</c>/<c>b''</c>.</summary>
    Bytes = 1 << 5,

    /// <summary>Triple-quoted Python string.</summary>
    Triple = 1 << 6,

    /// <summary>JS template literal (backticks), even without holes.</summary>
    Template = 1 << 7,

    /// <summary>Character literal (Rust <c>'a'</c>) — not a string of text.</summary>
    Char = 1 << 8,

    /// <summary>A Rust lifetime or label (<c>'a</c>): lexed as an Identifier with this flag.</summary>
    Lifetime = 1 << 9,

    /// <summary>A quoted identifier (SQL <c>"name"</c>, <c>[name]</c>, <c>`name`</c>): an Identifier with this flag.</summary>
    QuotedIdentifier = 1 << 10,

    /// <summary>PostgreSQL dollar-quoted string (<c>$$ … $$</c>, <c>$tag$ … $tag$</c>).</summary>
    DollarQuoted = 1 << 11,

    /// <summary>The token is the first on its physical line (after indentation); set by the Python (blocks) and JavaScript (automatic semicolons) lexers.</summary>
    LineStart = 1 << 12,
}

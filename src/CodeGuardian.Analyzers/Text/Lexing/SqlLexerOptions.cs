using System;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>How <see cref="SqlLexer"/> reads its input.</summary>
[Flags]
public enum SqlLexerOptions
{
    None = 0,

    /// <summary>
    /// The text is the undecoded content of a host-language string literal (C#, JS, Python, Rust): a backslash and
    /// the character after it (<c>\n</c>, <c>\"</c>, <c>\\</c>) are an escape of the host, read as whitespace outside
    /// SQL strings and skipped as a unit inside them, so <c>"SELECT *\nFROM t"</c> still separates <c>FROM</c>.
    /// </summary>
    HostEscapes = 1 << 0,
}

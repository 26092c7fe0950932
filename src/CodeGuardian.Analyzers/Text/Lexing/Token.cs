using System.Runtime.InteropServices;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// One lexical token: a span of the file's text and its classification. 12 bytes, no references,
/// so a file's tokens are one flat pooled array.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct Token
{
    public Token(int start, int length, TokenKind kind, TokenFlags flags = TokenFlags.None)
    {
        Start = start;
        Length = length;
        Kind = kind;
        Tag = 0;
        Flags = flags;
    }

    /// <summary>A token with a lexer-defined <see cref="Tag"/>.</summary>
    public Token(int start, int length, TokenKind kind, TokenFlags flags, byte tag)
    {
        Start = start;
        Length = length;
        Kind = kind;
        Tag = tag;
        Flags = flags;
    }

    /// <summary>Offset of the first character in the file text.</summary>
    public int Start { get; }

    /// <summary>Number of characters.</summary>
    public int Length { get; }

    public int End => Start + Length;

    public TokenKind Kind { get; }

    /// <summary>
    /// What the lexer found out about the token while it had its text in hand, in the byte the layout leaves free
    /// (the struct stays 12 bytes); 0 when it says nothing. The SQL lexer puts the word's keyword here
    /// (a <c>SqlKeyword</c> value), so the SQL layer does not read every word's text again.
    /// </summary>
    public byte Tag { get; }

    public TokenFlags Flags { get; }

    public bool Has(TokenFlags flag) => (Flags & flag) != 0;

    public override string ToString() => $"{Kind}[{Start}..{End}) {Flags}";
}

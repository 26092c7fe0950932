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
        Flags = flags;
    }

    /// <summary>Offset of the first character in the file text.</summary>
    public int Start { get; }

    /// <summary>Number of characters.</summary>
    public int Length { get; }

    public int End => Start + Length;

    public TokenKind Kind { get; }

    public TokenFlags Flags { get; }

    public bool Has(TokenFlags flag) => (Flags & flag) != 0;

    public override string ToString() => $"{Kind}[{Start}..{End}) {Flags}";
}

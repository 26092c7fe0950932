using System;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// The indices (in <see cref="ScannedFile.Tokens"/>) of a file's string and comment tokens, in order, for the rules of
/// every language that read only strings or only comments (credentials, SQL in string literals, comment markers)
/// instead of each walking all tokens. The token list notes them as the lexer adds tokens: no pass of their own.
/// </summary>
public readonly struct TokenKinds
{
    private readonly ScannedFile _file;

    private TokenKinds(ScannedFile file) => _file = file;

    /// <summary>Token indices of the string tokens, ascending.</summary>
    public ReadOnlySpan<int> Strings => _file.Tokens.StringIndices;

    /// <summary>Token indices of the comment tokens, ascending.</summary>
    public ReadOnlySpan<int> Comments => _file.Tokens.CommentIndices;

    public static TokenKinds For(ScannedFile file) => new(file);
}

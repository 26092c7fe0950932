using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// The indices (in <see cref="ScannedFile.Tokens"/>) of a file's string and comment tokens, in order, found in one
/// pass shared by the rules of every language that read only strings or only comments (credentials, SQL in string
/// literals, comment markers) instead of each walking all tokens.
/// </summary>
public sealed class TokenKinds
{
    private readonly int[] _strings;
    private readonly int[] _comments;
    private readonly int _stringCount;
    private readonly int _commentCount;

    [MethodImpl(HotPath.Optimize)]
    private TokenKinds(ScannedFile file)
    {
        var tokens = file.Tokens.AsSpan();
        var strings = _strings = file.Rent<int>(tokens.Length + 1);
        var comments = _comments = file.Rent<int>(tokens.Length + 1);
        int s = 0, c = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            // Strings are frequent and unpredictable: written unconditionally and counted by kind, without a branch.
            // Comments are rare, so their branch is predicted well.
            var kind = tokens[i].Kind;
            strings[s] = i;
            s += kind == TokenKind.String ? 1 : 0;
            if (kind == TokenKind.Comment)
            {
                comments[c++] = i;
            }
        }

        _stringCount = s;
        _commentCount = c;
    }

    /// <summary>Token indices of the string tokens, ascending.</summary>
    public ReadOnlySpan<int> Strings => new(_strings, 0, _stringCount);

    /// <summary>Token indices of the comment tokens, ascending.</summary>
    public ReadOnlySpan<int> Comments => new(_comments, 0, _commentCount);

    public static TokenKinds For(ScannedFile file) => file.Layer(static f => new TokenKinds(f));
}

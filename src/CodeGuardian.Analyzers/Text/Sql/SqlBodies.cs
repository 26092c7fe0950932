using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// The code inside dollar-quoted bodies of a .sql file (<c>CREATE FUNCTION … AS $$ … $$</c>, <c>DO $$ … $$</c>,
/// <c>$body$ … $body$ LANGUAGE plpgsql</c>): lexed once per file, tokens at file positions, so the SQL rules see the
/// statements of PostgreSQL functions. A dollar-quoted string used as a value (<c>SELECT $$text$$</c>) stays data.
/// </summary>
public static class SqlBodies
{
    /// <summary>
    /// Bodies inside bodies (a DO block that creates a function) are lexed too, down to this depth: each level re-lexes
    /// at most the text of the level above, so the work stays a small multiple of the file size.
    /// </summary>
    private const int MaxNesting = 3;

    private static readonly IReadOnlyList<Token[]> None = Array.Empty<Token[]>();

    public static IReadOnlyList<Token[]> Of(ScannedFile file, CancellationToken cancellationToken)
    {
        var layer = file.Layer(static _ => new BodiesLayer());
        return layer.Bodies ??= Collect(file, cancellationToken);
    }

    /// <summary>The bodies of one file, collected on first use (the collection needs the cancellation token).</summary>
    private sealed class BodiesLayer
    {
        public IReadOnlyList<Token[]>? Bodies { get; set; }
    }

    private static IReadOnlyList<Token[]> Collect(ScannedFile file, CancellationToken cancellationToken)
    {
        List<Token[]>? bodies = null;
        AddBodies(file.Text, file.Tokens.AsSpan(), ref bodies, cancellationToken);
        var levelStart = 0;
        for (var level = 2; level <= MaxNesting && bodies is not null && levelStart < bodies.Count; level++)
        {
            var levelEnd = bodies.Count;
            for (var b = levelStart; b < levelEnd; b++)
            {
                AddBodies(file.Text, bodies![b], ref bodies, cancellationToken);
            }

            levelStart = levelEnd;
        }

        return bodies ?? None;
    }

    private static void AddBodies(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ref List<Token[]>? bodies, CancellationToken cancellationToken)
    {
        var code = new SqlCode(text, tokens);
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind != TokenKind.String || !token.Has(TokenFlags.DollarQuoted) || !IsBody(code, i))
            {
                continue;
            }

            var tagLength = text.Slice(token.Start + 1, token.Length - 1).IndexOf('$') + 2;
            var contentStart = token.Start + tagLength;
            var contentLength = token.Length - tagLength - (token.Has(TokenFlags.Unterminated) ? 0 : tagLength);
            if (tagLength < 2 || contentLength <= 0)
            {
                continue;
            }

            using var lexed = new TokenList(Math.Max(16, contentLength / 6));
            SqlLexer.Tokenize(text.Slice(contentStart, contentLength), lexed, SqlLexerOptions.None, cancellationToken);
            var shifted = new Token[lexed.Count];
            for (var t = 0; t < lexed.Count; t++)
            {
                ref readonly var inner = ref lexed[t];
                shifted[t] = new Token(inner.Start + contentStart, inner.Length, inner.Kind, inner.Flags);
            }

            (bodies ??= new List<Token[]>()).Add(shifted);
        }
    }

    /// <summary>A body follows <c>AS</c> or <c>DO</c>, or is followed by <c>LANGUAGE</c>.</summary>
    private static bool IsBody(SqlCode code, int index)
    {
        var previous = code.Previous(index);
        return code.IsWord(previous, "AS") || code.IsWord(previous, "DO") || code.IsWord(code.Next(index), "LANGUAGE");
    }
}

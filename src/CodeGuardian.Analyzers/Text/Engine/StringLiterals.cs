using System;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// The content of a string token without prefixes and delimiters, for every text language: Python
/// <c>rb'…'</c>/<c>f"""…"""</c>, Rust <c>br#"…"#</c>, JS quotes and backticks, SQL <c>N'…'</c> and
/// <c>$tag$…$tag$</c>. Escapes are not decoded: rules look for words, not exact values.
/// </summary>
public static class StringLiterals
{
    /// <summary>Start and length of the content of <paramref name="token"/> (a <see cref="TokenKind.String"/>).</summary>
    public static (int Start, int Length) ContentOf(ScannedFile file, in Token token)
    {
        var text = file.TextOf(token);
        if (text.Length == 0)
        {
            return (token.Start, 0);
        }

        var open = 0;
        var hashes = 0;

        // Most literals start with their quote (asked of every literal by several rules): no prefix to skip.
        if (text[0] is not ('"' or '\'' or '`'))
        {
            // Prefix letters (r, b, f, u, N, E …) and Rust raw hashes.
            while (open < text.Length && char.IsLetter(text[open]))
            {
                open++;
            }

            while (open < text.Length && text[open] == '#')
            {
                open++;
                hashes++;
            }

            if (open >= text.Length)
            {
                return (token.Start, 0);
            }
        }

        var quote = text[open];
        if (quote == '$')
        {
            // Dollar quoting: $tag$ … $tag$.
            var tagEnd = text.Slice(open + 1).IndexOf('$');
            if (tagEnd < 0)
            {
                return (token.Start + open, text.Length - open);
            }

            var delimiterLength = tagEnd + 2;
            var contentStart = open + delimiterLength;
            var closing = token.Has(TokenFlags.Unterminated) ? 0 : delimiterLength;
            var length = text.Length - contentStart - closing;
            return (token.Start + contentStart, length < 0 ? 0 : length);
        }

        var quoteCount = 1;
        if (token.Has(TokenFlags.Triple) && open + 2 < text.Length && text[open + 1] == quote && text[open + 2] == quote)
        {
            quoteCount = 3;
        }

        var start = open + quoteCount;
        var end = text.Length;
        if (!token.Has(TokenFlags.Unterminated))
        {
            end -= quoteCount + hashes;
        }

        if (end < start)
        {
            end = start;
        }

        return (token.Start + start, end - start);
    }
}

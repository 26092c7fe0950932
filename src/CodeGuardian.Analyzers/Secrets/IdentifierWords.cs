using System;
using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Splits identifiers and keys into lower-case words: camelCase, PascalCase, ACRONYMWords, snake_case,
/// kebab-case, dotted and colon-separated keys, and letter/digit boundaries
/// (<c>dbPassword2</c> → db, password, 2; <c>APIKey</c> → api, key; <c>client_secret</c> → client, secret).
/// </summary>
public static class IdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        if (string.IsNullOrEmpty(identifier))
        {
            return words;
        }

        var walker = new Walker(identifier.AsSpan());
        while (walker.Next(out var start, out var length))
        {
            words.Add(identifier.Substring(start, length).ToLowerInvariant());
        }

        return words;
    }

    /// <summary>
    /// Whether a word of an identifier (a range found by <see cref="Walker"/>) equals a lower-case ASCII word once
    /// lower-cased like <see cref="Split"/> does — without allocating the word.
    /// </summary>
    public static bool WordIs(ReadOnlySpan<char> word, string lowerCase)
    {
        if (word.Length != lowerCase.Length)
        {
            return false;
        }

        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (c != lowerCase[i] && (c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c)) != lowerCase[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a word ends with a lower-case ASCII suffix once lower-cased (see <see cref="WordIs"/>).</summary>
    public static bool WordEndsWith(ReadOnlySpan<char> word, string lowerCase) =>
        word.Length >= lowerCase.Length && WordIs(word.Slice(word.Length - lowerCase.Length), lowerCase);

    /// <summary>Walks the words of an identifier as (start, length) ranges, in order, allocation-free.</summary>
    public ref struct Walker
    {
        private readonly ReadOnlySpan<char> _identifier;
        private int _position;

        public Walker(ReadOnlySpan<char> identifier)
        {
            _identifier = identifier;
            _position = 0;
        }

        public bool Next(out int start, out int length)
        {
            var text = _identifier;
            var wordStart = -1;
            for (var i = _position; i <= text.Length; i++)
            {
                var c = i < text.Length ? text[i] : '\0';
                if (!char.IsLetterOrDigit(c))
                {
                    if (wordStart >= 0)
                    {
                        _position = i;
                        start = wordStart;
                        length = i - wordStart;
                        return true;
                    }

                    continue;
                }

                if (wordStart < 0)
                {
                    wordStart = i;
                    continue;
                }

                var previous = text[i - 1];
                var boundary =
                    (char.IsLower(previous) && char.IsUpper(c))
                    || (char.IsDigit(previous) != char.IsDigit(c))
                    || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < text.Length && char.IsLower(text[i + 1]));
                if (boundary)
                {
                    _position = i;
                    start = wordStart;
                    length = i - wordStart;
                    return true;
                }
            }

            _position = text.Length + 1;
            start = length = 0;
            return false;
        }
    }
}

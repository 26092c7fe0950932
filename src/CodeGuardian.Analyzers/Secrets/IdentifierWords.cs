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

        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var c = i < identifier.Length ? identifier[i] : '\0';
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(c))
                || (char.IsDigit(previous) != char.IsDigit(c))
                || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (boundary)
            {
                words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                start = i;
            }
        }

        return words;
    }
}

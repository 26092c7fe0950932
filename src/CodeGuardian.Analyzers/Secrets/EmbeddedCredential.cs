using System;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Finds a credential embedded in a larger string: the value of a <c>Password=</c>/<c>Pwd=</c> key of a
/// connection string (text with at least one <c>;</c>-separated pair), or the password of a URL's user-info (<c>scheme://user:password@host</c>, <c>redis://:password@host</c>). Placeholder
/// values (see <see cref="CredentialValues"/>) do not count. Linear in the length of the text.
/// </summary>
public static class EmbeddedCredential
{
    public static bool Find(string text, out int start, out int length, out string what)
    {
        if (FindConnectionStringPassword(text, out start, out length))
        {
            what = "connection string password";
            return true;
        }

        if (FindUrlPassword(text, out start, out length))
        {
            what = "URL user-info";
            return true;
        }

        what = string.Empty;
        return false;
    }

    private static bool FindConnectionStringPassword(string text, out int start, out int length)
    {
        start = length = 0;

        // A connection string has several key=value pairs; a lone "password = x" is prose or a sample.
        if (text.IndexOf(';') < 0)
        {
            return false;
        }

        var keyStart = 0;
        while (keyStart < text.Length)
        {
            var separator = text.IndexOf(';', keyStart);
            var end = separator < 0 ? text.Length : separator;
            var equals = text.IndexOf('=', keyStart, end - keyStart);
            if (equals > keyStart && IsPasswordKey(text, keyStart, equals))
            {
                var valueStart = equals + 1;
                var valueEnd = end;
                while (valueStart < valueEnd && char.IsWhiteSpace(text[valueStart]))
                {
                    valueStart++;
                }

                while (valueEnd > valueStart && char.IsWhiteSpace(text[valueEnd - 1]))
                {
                    valueEnd--;
                }

                if (valueEnd > valueStart && CredentialValues.IsRealValue(text.Substring(valueStart, valueEnd - valueStart), null))
                {
                    start = valueStart;
                    length = valueEnd - valueStart;
                    return true;
                }
            }

            keyStart = end + 1;
        }

        return false;
    }

    private static bool IsPasswordKey(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var keyLength = end - start;
        return (keyLength == 8 && string.Compare(text, start, "password", 0, 8, StringComparison.OrdinalIgnoreCase) == 0)
            || (keyLength == 3 && string.Compare(text, start, "pwd", 0, 3, StringComparison.OrdinalIgnoreCase) == 0);
    }

    private static bool FindUrlPassword(string text, out int start, out int length)
    {
        start = length = 0;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        while (scheme > 0)
        {
            var authorityStart = scheme + 3;
            var authorityEnd = authorityStart;
            while (authorityEnd < text.Length && text[authorityEnd] is not ('/' or '?' or '#' or ' ' or '"' or '\''))
            {
                authorityEnd++;
            }

            var at = text.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart);
            if (at > authorityStart)
            {
                var colon = text.IndexOf(':', authorityStart, at - authorityStart);
                if (colon >= authorityStart && colon + 1 < at && CredentialValues.IsRealValue(text.Substring(colon + 1, at - colon - 1), null))
                {
                    start = colon + 1;
                    length = at - colon - 1;
                    return true;
                }
            }

            scheme = authorityEnd < text.Length ? text.IndexOf("://", authorityEnd, StringComparison.Ordinal) : -1;
        }

        return false;
    }
}

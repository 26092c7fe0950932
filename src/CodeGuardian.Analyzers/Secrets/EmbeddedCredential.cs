using System;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Finds a credential embedded in a larger string: the value of a <c>Password=</c>/<c>Pwd=</c> key of a
/// connection string (text with at least one <c>;</c>-separated pair), or the password of a URL's user-info (<c>scheme://user:password@host</c>, <c>redis://:password@host</c>). Placeholder
/// values (see <see cref="CredentialValues"/>) do not count. Linear in the length of the text; allocation-free for ASCII text.
/// </summary>
public static class EmbeddedCredential
{
    public static bool Find(string text, out int start, out int length, out string what) => Find(text.AsSpan(), out start, out length, out what);

    public static bool Find(ReadOnlySpan<char> text, out int start, out int length, out string what)
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

    private static bool FindConnectionStringPassword(ReadOnlySpan<char> text, out int start, out int length)
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
            var separator = text.Slice(keyStart).IndexOf(';');
            var end = separator < 0 ? text.Length : keyStart + separator;
            var equalsOffset = text.Slice(keyStart, end - keyStart).IndexOf('=');
            var equals = equalsOffset < 0 ? -1 : keyStart + equalsOffset;
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

                if (valueEnd > valueStart && CredentialValues.IsRealValue(text.Slice(valueStart, valueEnd - valueStart), ReadOnlySpan<char>.Empty, hasName: false))
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

    private static bool IsPasswordKey(ReadOnlySpan<char> text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        var key = text.Slice(start, end - start);
        return key.Equals("password".AsSpan(), StringComparison.OrdinalIgnoreCase) || key.Equals("pwd".AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    private static bool FindUrlPassword(ReadOnlySpan<char> text, out int start, out int length)
    {
        start = length = 0;
        var scheme = text.IndexOf("://".AsSpan(), StringComparison.Ordinal);
        while (scheme > 0)
        {
            var authorityStart = scheme + 3;
            var authorityEnd = authorityStart;
            while (authorityEnd < text.Length && text[authorityEnd] is not ('/' or '?' or '#' or ' ' or '"' or '\''))
            {
                authorityEnd++;
            }

            var at = authorityStart + text.Slice(authorityStart, authorityEnd - authorityStart).LastIndexOf('@');
            if (at > authorityStart)
            {
                var colonOffset = text.Slice(authorityStart, at - authorityStart).IndexOf(':');
                var colon = colonOffset < 0 ? -1 : authorityStart + colonOffset;
                if (colon >= authorityStart && colon + 1 < at && CredentialValues.IsRealValue(text.Slice(colon + 1, at - colon - 1), ReadOnlySpan<char>.Empty, hasName: false))
                {
                    start = colon + 1;
                    length = at - colon - 1;
                    return true;
                }
            }

            if (authorityEnd >= text.Length)
            {
                break;
            }

            var nextScheme = text.Slice(authorityEnd).IndexOf("://".AsSpan(), StringComparison.Ordinal);
            scheme = nextScheme < 0 ? -1 : authorityEnd + nextScheme;
        }

        return false;
    }
}

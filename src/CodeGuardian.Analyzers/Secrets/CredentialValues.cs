using System;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Decides whether a literal under a credential name is a real value or a placeholder, a key name or prose.
/// Not real: empty or blank; one repeated character (<c>xxx</c>, <c>****</c>); <c>&lt;…&gt;</c>, <c>${…}</c>,
/// <c>{{…}}</c>, <c>%…%</c>, <c>$(…)</c>, <c>$NAME</c> templates and <c>{0}</c> format items; well-known placeholder words
/// (<c>changeme</c>, <c>changeit</c>, <c>replace_me</c>, <c>placeholder</c>, <c>your_…</c>, <c>redacted</c>,
/// <c>example</c>); the name itself or a bare credential word (<c>"password"</c>, <c>"pw"</c>, <c>"pass"</c>, a key name);
/// an UPPER_SNAKE_CASE environment variable name (<c>"DB_PASSWORD"</c>); and prose with two or more spaces.
/// </summary>
public static class CredentialValues
{
    private static readonly string[] PlaceholderFragments =
    {
        "changeme", "change_me", "change-me", "changeit", "replaceme", "replace_me", "replace-me", "placeholder",
        "your_", "your-", "yourpassword", "yoursecret", "yourtoken", "yourapikey", "redacted", "example", "{0}",
    };

    private static readonly string[] BareWords = { "password", "passwd", "pwd", "pw", "pass", "user", "username", "secret", "token", "apikey", "api_key", "auth", "none", "null", "undefined", "n/a" };

    /// <summary>
    /// <see cref="IsRealValue(string, string)"/> on spans (<paramref name="hasName"/> false: no name), allocation-free for
    /// ASCII values and names; anything else goes the string way.
    /// </summary>
    public static bool IsRealValue(ReadOnlySpan<char> value, ReadOnlySpan<char> name, bool hasName)
    {
        if (!IsAscii(value) || (hasName && !IsAscii(name)))
        {
            return IsRealValue(value.ToString(), hasName ? name.ToString() : null);
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || IsRepeatedAsciiCharacter(trimmed) || IsTemplate(trimmed) || IsEnvironmentVariableName(trimmed))
        {
            return false;
        }

        // ASCII only: case-insensitive comparison is the lower-casing the string form does.
        foreach (var fragment in PlaceholderFragments)
        {
            if (trimmed.IndexOf(fragment.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return false;
            }
        }

        foreach (var word in BareWords)
        {
            if (trimmed.Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        if (hasName && SquashedEqualIgnoreAsciiCase(trimmed, name))
        {
            return false;
        }

        return CountSpaces(trimmed) < 2;
    }

    public static bool IsRealValue(string value, string? name)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || IsRepeatedCharacter(trimmed) || IsTemplate(trimmed.AsSpan()) || IsEnvironmentVariableName(trimmed.AsSpan()))
        {
            return false;
        }

        var lower = trimmed.ToLowerInvariant();
        foreach (var fragment in PlaceholderFragments)
        {
            if (lower.IndexOf(fragment, StringComparison.Ordinal) >= 0)
            {
                return false;
            }
        }

        foreach (var word in BareWords)
        {
            if (lower == word)
            {
                return false;
            }
        }

        if (name is not null && string.Equals(Squash(trimmed), Squash(name), StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return CountSpaces(trimmed.AsSpan()) < 2;
    }

    private static bool IsAscii(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c >= 128)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRepeatedAsciiCharacter(ReadOnlySpan<char> value)
    {
        var first = value[0] is >= 'A' and <= 'Z' ? (char)(value[0] | 0x20) : value[0];
        for (var i = 1; i < value.Length; i++)
        {
            if ((value[i] is >= 'A' and <= 'Z' ? (char)(value[i] | 0x20) : value[i]) != first)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the letters and digits of two ASCII texts are the same, ignoring case.</summary>
    private static bool SquashedEqualIgnoreAsciiCase(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < left.Length && !char.IsLetterOrDigit(left[i]))
            {
                i++;
            }

            while (j < right.Length && !char.IsLetterOrDigit(right[j]))
            {
                j++;
            }

            if (i == left.Length || j == right.Length)
            {
                return i == left.Length && j == right.Length;
            }

            var a = left[i] is >= 'A' and <= 'Z' ? (char)(left[i] | 0x20) : left[i];
            var b = right[j] is >= 'A' and <= 'Z' ? (char)(right[j] | 0x20) : right[j];
            if (a != b)
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static bool IsRepeatedCharacter(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (char.ToLowerInvariant(value[i]) != char.ToLowerInvariant(value[0]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTemplate(ReadOnlySpan<char> value)
    {
        var first = value[0];
        var last = value[value.Length - 1];
        return (first == '<' && last == '>')
            || (first == '{' && last == '}')
            || (first == '%' && last == '%' && value.Length > 2)
            || (first == '[' && last == ']')
            || value.StartsWith("${".AsSpan(), StringComparison.Ordinal)
            || value.StartsWith("#{".AsSpan(), StringComparison.Ordinal)
            || value.StartsWith("$(".AsSpan(), StringComparison.Ordinal)
            || (first == '$' && value.Length > 1 && IsEnvironmentVariableName(value.Slice(1)));
    }

    /// <summary><c>DB_PASSWORD</c>, <c>API_KEY</c>: upper-case letters, digits and at least one underscore.</summary>
    private static bool IsEnvironmentVariableName(ReadOnlySpan<char> value)
    {
        var underscore = false;
        if (!char.IsUpper(value[0]))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c == '_')
            {
                underscore = true;
            }
            else if (!(c is >= 'A' and <= 'Z') && !char.IsDigit(c))
            {
                return false;
            }
        }

        return underscore;
    }

    private static int CountSpaces(ReadOnlySpan<char> value)
    {
        var count = 0;
        foreach (var c in value)
        {
            if (c == ' ')
            {
                count++;
            }
        }

        return count;
    }

    private static string Squash(string value)
    {
        var chars = new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsLetterOrDigit(c))
            {
                chars[length++] = c;
            }
        }

        return new string(chars, 0, length);
    }
}

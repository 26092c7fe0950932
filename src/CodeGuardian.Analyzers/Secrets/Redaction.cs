using System;
using System.Globalization;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Turns a secret value into a description that is safe to print: its length, at most its first two
/// characters (none for values shorter than eight characters), and a short fingerprint. The fingerprint is
/// a 16-bit slice of a hash: it lets a reader tell two findings apart or match a finding to a rotated value,
/// but it cannot be reversed into the value. Every message, SARIF result and report uses this, never the value.
/// </summary>
public static class Redaction
{
    /// <summary>Values shorter than this show no characters at all.</summary>
    public const int MinimumLengthForPrefix = 8;

    /// <summary>How many leading characters longer values show.</summary>
    public const int PrefixLength = 2;

    /// <summary>E.g. <c>12 characters, fingerprint 'ab…' #3f9c</c> or <c>5 characters, fingerprint #0e1d</c>.</summary>
    public static string Describe(string value) => Describe(value, 0, value?.Length ?? 0);

    /// <summary>Describes <c>text[start..start+length]</c> without allocating the value itself.</summary>
    public static string Describe(string? text, int start, int length)
    {
        if (text is null || length <= 0 || start < 0 || start + length > text.Length)
        {
            return "empty value";
        }

        return Describe(text.AsSpan(start, length));
    }

    /// <summary>Describes a value given as a span (the text engine's form) without allocating it.</summary>
    public static string Describe(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return "empty value";
        }

        var length = value.Length;
        var fingerprint = Fingerprint(value).ToString("x4", CultureInfo.InvariantCulture);
        var count = length == 1 ? "1 character" : length.ToString(CultureInfo.InvariantCulture) + " characters";
        if (length < MinimumLengthForPrefix)
        {
            return count + ", fingerprint #" + fingerprint;
        }

        for (var i = 0; i < PrefixLength; i++)
        {
            // Never print a control or quote character into a message.
            if (char.IsControl(value[i]) || value[i] == '\'' || char.IsSurrogate(value[i]))
            {
                return count + ", fingerprint #" + fingerprint;
            }
        }

        return count + ", fingerprint '" + value.Slice(0, PrefixLength).ToString() + "…' #" + fingerprint;
    }

    /// <summary>FNV-1a over the UTF-16 code units, folded to 16 bits.</summary>
    private static int Fingerprint(ReadOnlySpan<char> value)
    {
        unchecked
        {
            var hash = 2166136261u;
            foreach (var c in value)
            {
                hash ^= c;
                hash *= 16777619u;
            }

            return (int)((hash >> 16) ^ (hash & 0xFFFF));
        }
    }
}

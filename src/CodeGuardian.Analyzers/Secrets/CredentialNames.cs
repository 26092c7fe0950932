using System;
using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Decides whether a name (identifier, parameter, dictionary key) names a credential. The name is split into
/// words and only the <b>head word</b> counts — the last word once trailing qualifiers such as <c>Value</c>,
/// <c>String</c> or <c>Text</c> are dropped — because in English compounds the last word says what the thing is:
/// <c>dbPassword</c>, <c>ADMIN_PWD</c>, <c>githubToken</c>, <c>ClientSecret</c>, <c>ApiKey</c>, <c>passwordValue</c>
/// are credentials; <c>passwordLength</c>, <c>PasswordHasher</c>, <c>TokenType</c>, <c>secretName</c>,
/// <c>AuthorName</c>, <c>PasswordPolicy</c>, <c>PublicKeyToken</c> are not (nothing named <c>public</c> is). <c>key</c> counts only after <c>api</c>, <c>access</c>,
/// <c>private</c> or <c>secret</c>; <c>token</c> does not count after <c>page</c>, <c>continuation</c>, <c>next</c>,
/// <c>previous</c>, <c>cancellation</c>, <c>sync</c> or <c>resume</c> (paging and cancellation tokens).
/// </summary>
public static class CredentialNames
{
    private static readonly string[] HeadWords = { "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "apikey", "accesskey", "privatekey", "secretkey", "clientsecret" };

    private static readonly string[] KeyQualifiers = { "api", "access", "private", "secret" };

    private static readonly string[] NonSecretTokenQualifiers = { "page", "continuation", "next", "previous", "cancellation", "sync", "resume" };

    private static readonly string[] TrailingQualifiers = { "value", "string", "str", "text", "plain", "plaintext" };

    /// <summary>Lower-case one-word identifiers such as <c>dbpassword</c> or <c>myapikey</c> end with one of these.</summary>
    private static readonly string[] JoinedSuffixes = { "password", "passwd", "secret", "apikey" };

    /// <summary>Every credential head word contains one of these; names without any are rejected without splitting.</summary>
    private static readonly string[] Fragments = { "pass", "pwd", "secret", "token", "auth", "key" };

    public static bool IsCredentialName(string? name) => name is not null && IsCredentialName(name.AsSpan());

    /// <summary>
    /// <see cref="IsCredentialName(string)"/> on a span, allocation-free: the words are walked in place and only the
    /// head word (and the word before it) are compared. Names whose end cannot be a credential head word or a trailing
    /// qualifier are rejected before any word is split.
    /// </summary>
    public static bool IsCredentialName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || !MayEndWithCredentialWord(name))
        {
            return false;
        }

        // The head is the last word that is the first word or not a trailing qualifier.
        int headStart = -1, headLength = 0, previousStart = -1, previousLength = 0;
        int lastStart = -1, lastLength = 0;
        var first = true;
        var walker = new IdentifierWords.Walker(name);
        while (walker.Next(out var start, out var length))
        {
            var word = name.Slice(start, length);
            if (IdentifierWords.WordIs(word, "public"))
            {
                // Public halves are meant to be shared: publicKey, PublicKeyToken (assembly bindings), public_token.
                return false;
            }

            if (first || !ContainsWord(TrailingQualifiers, word))
            {
                headStart = start;
                headLength = length;
                previousStart = lastStart;
                previousLength = lastLength;
            }

            first = false;
            lastStart = start;
            lastLength = length;
        }

        if (headStart < 0)
        {
            return false;
        }

        var head = name.Slice(headStart, headLength);
        var previous = previousStart < 0 ? ReadOnlySpan<char>.Empty : name.Slice(previousStart, previousLength);
        bool result;
        if (IdentifierWords.WordIs(head, "key"))
        {
            result = ContainsWord(KeyQualifiers, previous);
        }
        else if (IdentifierWords.WordIs(head, "token") && ContainsWord(NonSecretTokenQualifiers, previous))
        {
            result = false;
        }
        else
        {
            result = ContainsWord(HeadWords, head) || EndsWithJoinedSuffix(head);
        }

        return result && ContainsFragment(name);
    }

    private static bool EndsWithJoinedSuffix(ReadOnlySpan<char> head)
    {
        foreach (var suffix in JoinedSuffixes)
        {
            if (head.Length > suffix.Length && IdentifierWords.WordEndsWith(head, suffix))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Cheap necessary condition for <see cref="IsCredentialName(ReadOnlySpan{char})"/>: the last word of the name is a
    /// head word, a word ending in one (joined forms) or a trailing qualifier, so the name — without trailing
    /// separators — ends with one of them. Non-ASCII endings go the exact way.
    /// </summary>
    private static bool MayEndWithCredentialWord(ReadOnlySpan<char> name)
    {
        var end = name.Length;
        while (end > 0 && name[end - 1] < 128 && !IsAsciiLetterOrDigit(name[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return false;
        }

        var last = name[end - 1];
        if (last >= 128)
        {
            return true;
        }

        var tail = name.Slice(0, end);
        switch ((char)(last | 0x20))
        {
            case 'd':
                return EndsWithAscii(tail, "pwd") || EndsWithAscii(tail, "passwd") || EndsWithAscii(tail, "password");
            case 'e':
                return EndsWithAscii(tail, "passphrase") || EndsWithAscii(tail, "value");
            case 't':
                return EndsWithAscii(tail, "secret") || EndsWithAscii(tail, "text");
            case 'n':
                return EndsWithAscii(tail, "token") || EndsWithAscii(tail, "plain");
            case 'h':
                return EndsWithAscii(tail, "auth");
            case 'y':
                return EndsWithAscii(tail, "key");
            case 'g':
                return EndsWithAscii(tail, "string");
            case 'r':
                return EndsWithAscii(tail, "str");
            default:
                return false;
        }
    }

    /// <summary>
    /// The ending test of <see cref="IsCredentialName(ReadOnlySpan{char})"/> for a name that ends at
    /// <paramref name="nameEnd"/> in <paramref name="text"/> with an ASCII letter or digit, before its start is known:
    /// it reads only the last <see cref="LongestEnding"/> characters, so characters before a shorter name can only let
    /// it through. False: the name is no credential name.
    /// </summary>
    internal static bool MayEndWithCredentialWordAt(ReadOnlySpan<char> text, int nameEnd)
    {
        var start = nameEnd > LongestEnding ? nameEnd - LongestEnding : 0;
        return MayEndWithCredentialWord(text.Slice(start, nameEnd - start));
    }

    // The longest ending MayEndWithCredentialWord compares ("passphrase").
    private const int LongestEnding = 10;

    /// <summary>Case-insensitive ASCII suffix test; a non-ASCII character in the compared tail passes (exact check decides).</summary>
    private static bool EndsWithAscii(ReadOnlySpan<char> text, string lowerCaseSuffix)
    {
        if (text.Length < lowerCaseSuffix.Length)
        {
            return false;
        }

        var offset = text.Length - lowerCaseSuffix.Length;
        for (var i = 0; i < lowerCaseSuffix.Length; i++)
        {
            var c = text[offset + i];
            if (c >= 128)
            {
                return true;
            }

            if ((c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) != lowerCaseSuffix[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAsciiLetterOrDigit(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');

    /// <summary>
    /// Cheap test on a span before <see cref="IsCredentialName"/> splits it into words: whether it contains a
    /// credential word at all (pass, pwd, secret, token, key, auth).
    /// </summary>
    public static bool MayBeCredentialName(ReadOnlySpan<char> name) =>
        name.IndexOf("pass".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("pwd".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("secret".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("token".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("key".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
        || name.IndexOf("auth".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;

    /// <summary>UPPER_SNAKE_CASE form of a name for an environment variable: <c>dbPassword</c> → <c>DB_PASSWORD</c>.</summary>
    public static string ToEnvironmentVariableName(string name)
    {
        var words = IdentifierWords.Split(name);
        return words.Count == 0 ? "SECRET" : string.Join("_", words).ToUpperInvariant();
    }

    private static bool ContainsFragment(ReadOnlySpan<char> name)
    {
        foreach (var fragment in Fragments)
        {
            if (name.IndexOf(fragment.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(string[] set, ReadOnlySpan<char> word)
    {
        foreach (var candidate in set)
        {
            if (IdentifierWords.WordIs(word, candidate))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Tests.Secrets;

/// <summary>The credential-name decision as it was before it worked on spans: the reference for the span form.</summary>
internal static class ReferenceCredentialNames
{
    private static readonly string[] HeadWords = { "password", "passwd", "pwd", "passphrase", "secret", "token", "auth", "apikey", "accesskey", "privatekey", "secretkey", "clientsecret" };

    private static readonly string[] KeyQualifiers = { "api", "access", "private", "secret" };

    private static readonly string[] NonSecretTokenQualifiers = { "page", "continuation", "next", "previous", "cancellation", "sync", "resume" };

    private static readonly string[] TrailingQualifiers = { "value", "string", "str", "text", "plain", "plaintext" };

    /// <summary>Lower-case one-word identifiers such as <c>dbpassword</c> or <c>myapikey</c> end with one of these.</summary>
    private static readonly string[] JoinedSuffixes = { "password", "passwd", "secret", "apikey" };

    /// <summary>Every credential head word contains one of these; names without any are rejected without splitting.</summary>
    private static readonly string[] Fragments = { "pass", "pwd", "secret", "token", "auth", "key" };

    public static bool IsCredentialName(string? name)
    {
        if (string.IsNullOrEmpty(name) || !ContainsFragment(name!))
        {
            return false;
        }

        var words = ReferenceIdentifierWords.Split(name!);
        var last = words.Count - 1;
        while (last > 0 && Contains(TrailingQualifiers, words[last]))
        {
            last--;
        }

        if (last < 0)
        {
            return false;
        }

        // Public halves are meant to be shared: publicKey, PublicKeyToken (assembly bindings), public_token.
        if (ContainsWord(words, "public"))
        {
            return false;
        }

        var head = words[last];
        var previous = last > 0 ? words[last - 1] : string.Empty;
        if (head == "key")
        {
            return Contains(KeyQualifiers, previous);
        }

        if (head == "token" && Contains(NonSecretTokenQualifiers, previous))
        {
            return false;
        }

        if (Contains(HeadWords, head))
        {
            return true;
        }

        foreach (var suffix in JoinedSuffixes)
        {
            if (head.Length > suffix.Length && head.EndsWith(suffix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

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

    private static bool ContainsFragment(string name)
    {
        foreach (var fragment in Fragments)
        {
            if (name.IndexOf(fragment, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] set, string word)
    {
        foreach (var candidate in set)
        {
            if (candidate == word)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsWord(IReadOnlyList<string> words, string word)
    {
        foreach (var candidate in words)
        {
            if (candidate == word)
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Values that look like secrets but are not: documented example keys (AWS's <c>…EXAMPLE</c> keys, the public
/// storage-emulator account key), placeholders (<c>xxxx</c>, <c>&lt;your-token&gt;</c>, <c>${VAR}</c>,
/// <c>{{ var }}</c>, <c>%VAR%</c>, <c>changeme</c>, <c>your_api_key_here</c>, <c>dummy</c>, <c>redacted</c>), runs of one
/// character and sequences (<c>1234567890abcdef…</c>), and values matched by the user's own pattern
/// (<c>codeguardian.CG4008.allowlist</c>, a regular expression run with a time limit).
/// </summary>
public sealed class SecretAllowlist
{
    public const string OptionName = "allowlist";

    public static readonly SecretAllowlist Default = new(null);

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, SecretAllowlist> Cache = new(StringComparer.Ordinal);

    private static readonly string[] PlaceholderFragments =
    {
        "example", "xxxx", "****", "....", "changeme", "change_me", "change-me", "changeit", "replace_me", "replaceme", "replace-me",
        "placeholder", "your_", "your-", "yourapi", "yourtoken", "yoursecret", "yourkey", "dummy", "redacted", "sample", "insert_", "insert-",
        "<", ">", "${", "{{", "#{", "$(",
    };

    /// <summary>
    /// FNV-1a 64-bit hashes of publicly documented keys that are shipped in tools and docs on purpose (the Azure storage emulator account key, the signature of the
    /// JWT debugger sample token), compared by hash so the repository does not carry the literal keys.
    /// </summary>
    private static readonly ulong[] DocumentedKeyHashes = { 0x3f9d1c996e620b67UL, 0xbf0a2628ec81cd01UL };

    private readonly Regex? _user;

    private SecretAllowlist(Regex? user) => _user = user;

    /// <summary>The allowlist for an option value (cached per distinct pattern; an invalid pattern is ignored).</summary>
    public static SecretAllowlist For(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return Default;
        }

        return Cache.GetOrAdd(pattern!, static p =>
        {
            try
            {
                return new SecretAllowlist(new Regex(p, RegexOptions.CultureInvariant, MatchTimeout));
            }
            catch (ArgumentException)
            {
                return Default;
            }
        });
    }

    /// <summary>Whether a candidate value is a placeholder, a documented example or allowlisted by the user.</summary>
    public bool IsAllowed(ReadOnlySpan<char> value)
    {
        if (IsPlaceholder(value) || IsDocumentedKey(value))
        {
            return true;
        }

        if (_user is null)
        {
            return false;
        }

        try
        {
            return _user.IsMatch(value.ToString());
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            return true;
        }

        foreach (var fragment in PlaceholderFragments)
        {
            if (trimmed.IndexOf(fragment.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        // %VAR% (Windows environment reference) and $VAR.
        if ((trimmed.Length > 2 && trimmed[0] == '%' && trimmed[trimmed.Length - 1] == '%') || (trimmed[0] == '$' && trimmed.Length > 1 && char.IsLetter(trimmed[1])))
        {
            return true;
        }

        return Entropy.LooksPatterned(trimmed);
    }

    private static bool IsDocumentedKey(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        foreach (var known in DocumentedKeyHashes)
        {
            if (known == hash)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>FNV-1a, 64 bits, over UTF-16 code units.</summary>
    internal static ulong Hash(ReadOnlySpan<char> value)
    {
        unchecked
        {
            var hash = 14695981039346656037UL;
            foreach (var c in value)
            {
                hash ^= c;
                hash *= 1099511628211UL;
            }

            return hash;
        }
    }
}

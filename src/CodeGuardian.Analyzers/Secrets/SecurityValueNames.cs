namespace CodeGuardian.Analyzers.Secrets;

/// <summary>
/// Names of values that must be unpredictable: token, password, secret, key, salt, nonce, otp, session, code (and
/// close forms). Like <see cref="CredentialNames"/>, only the head word counts, after dropping trailing
/// qualifiers such as <c>Value</c>, <c>Bytes</c>, <c>Id</c>, <c>Async</c>: <c>resetToken</c>, <c>GenerateSalt</c>,
/// <c>sessionId</c>, <c>verificationCode</c>, <c>apiKeyBytes</c> count; <c>tokenCount</c>, <c>keyIndex</c>,
/// <c>ShuffleDeck</c>, <c>jitter</c> do not. <c>code</c> does not count after words that make it a classification
/// (<c>statusCode</c>, <c>errorCode</c>, <c>colorCode</c>, <c>hashCode</c>, …); <c>key</c> does not count after
/// <c>cache</c>, <c>sort</c>, <c>partition</c>, <c>row</c>, <c>primary</c>, <c>foreign</c>, <c>dictionary</c>, <c>lookup</c>.
/// </summary>
public static class SecurityValueNames
{
    private static readonly string[] HeadWords =
    {
        "token", "password", "passwd", "pwd", "passphrase", "secret", "key", "apikey", "salt", "nonce", "otp", "totp",
        "session", "code", "pin", "iv", "csrf", "xsrf",
    };

    private static readonly string[] TrailingQualifiers =
    {
        "value", "string", "str", "text", "bytes", "byte", "hex", "id", "ids", "number", "digits", "buffer", "data", "async", "part", "chars",
    };

    private static readonly string[] NonSecretCodeQualifiers =
    {
        "status", "error", "exit", "hash", "color", "colour", "country", "language", "currency", "zip", "postal", "area", "op",
        "char", "key", "http", "response", "result", "return", "product", "item", "promo", "discount", "coupon", "region", "short", "source", "byte",
    };

    private static readonly string[] NonSecretKeyQualifiers = { "cache", "sort", "partition", "row", "primary", "foreign", "dictionary", "lookup", "map", "hot", "shortcut" };

    public static bool IsSecurityValueName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return false;
        }

        var words = IdentifierWords.Split(name!);
        var last = words.Count - 1;
        while (last > 0 && Contains(TrailingQualifiers, words[last]))
        {
            last--;
        }

        if (last < 0)
        {
            return false;
        }

        var head = words[last];
        var previous = last > 0 ? words[last - 1] : string.Empty;
        return head switch
        {
            "code" => !Contains(NonSecretCodeQualifiers, previous),
            "key" => !Contains(NonSecretKeyQualifiers, previous),
            "token" => previous is not ("page" or "continuation" or "next" or "cancellation"),
            _ => Contains(HeadWords, head) || CredentialNames.IsCredentialName(name),
        };
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
}

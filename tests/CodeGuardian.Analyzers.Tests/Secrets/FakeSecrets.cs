using System;
using System.Text;

namespace CodeGuardian.Analyzers.Tests.Secrets;

/// <summary>
/// Format-valid but fake tokens, built at run time from a seeded generator so the repository holds no string a
/// secret scanner would flag. Every value is random-looking (passes the entropy floors) and is no real credential.
/// </summary>
internal static class FakeSecrets
{
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Digits = "0123456789";
    private const string Alnum = Lower + Upper + Digits;
    private const string UrlSafe = Alnum + "-_";
    private const string Base64 = Alnum + "+/";
    private const string HexChars = "0123456789abcdef";

    public static string GitHub => "gh" + "p_" + Chars(Alnum, 36, 1);

    public static string GitHubOAuth => "gh" + "o_" + Chars(Alnum, 36, 21);

    public static string GitHubFineGrained => "github" + "_pat_" + Chars(Alnum, 22, 22) + "_" + Chars(Alnum, 59, 23);

    public static string AwsKeyId => "AK" + "IA" + Chars(Upper + "234567", 16, 2);

    public static string AwsSecret => Chars(Base64, 40, 3);

    public static string GitLab => "glp" + "at-" + Chars(Alnum, 20, 4);

    public static string SlackToken => "xo" + "xb-" + Chars(Digits, 12, 5) + "-" + Chars(Digits, 13, 6) + "-" + Chars(Alnum, 24, 7);

    public static string SlackWebhook => "https://hooks.slack" + ".com/services/T" + Chars(Upper + Digits, 9, 8) + "/B" + Chars(Upper + Digits, 9, 9) + "/" + Chars(Alnum, 24, 10);

    public static string Stripe => "sk" + "_live_" + Chars(Alnum, 24, 11);

    public static string StripeRestricted => "rk" + "_live_" + Chars(Alnum, 24, 24);

    public static string Google => "AI" + "za" + Chars(UrlSafe, 35, 12);

    public static string Jwt => "ey" + "J" + Chars(UrlSafe, 20, 13) + ".ey" + "J" + Chars(UrlSafe, 40, 14) + "." + Chars(UrlSafe, 43, 15);

    public static string Npm => "np" + "m_" + Chars(Alnum, 36, 16);

    public static string OpenAi => "sk" + "-" + Chars(Alnum, 48, 17);

    public static string Anthropic => "sk" + "-ant-api03-" + Chars(UrlSafe, 80, 18);

    public static string AzureStorageKey => Chars(Base64, 86, 19) + "==";

    public static string SendGrid => "S" + "G." + Chars(UrlSafe, 22, 20) + "." + Chars(UrlSafe, 43, 25);

    public static string Twilio => "S" + "K" + Chars(HexChars, 32, 26);

    /// <summary>A PEM block: header, four base64 lines, footer ("\n" line ends).</summary>
    public static string PrivateKey
    {
        get
        {
            var body = new StringBuilder();
            for (var line = 0; line < 4; line++)
            {
                body.Append(Chars(Base64, 64, 30 + line)).Append('\n');
            }

            return "-----BEGIN RSA PRIV" + "ATE KEY-----\n" + body + "-----END RSA PRIV" + "ATE KEY-----";
        }
    }

    /// <summary>A random 24-character password-like value (generic, low confidence under credential names).</summary>
    public static string RandomPassword => Chars(Alnum, 24, 40);

    public static string Chars(string alphabet, int length, int seed)
    {
        var random = new Random(seed * 7919);
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Every format with its expected kind.</summary>
    public static (string Kind, string Value)[] All() => new[]
    {
        ("GitHub personal access token", GitHub),
        ("GitHub OAuth token", GitHubOAuth),
        ("GitHub fine-grained personal access token", GitHubFineGrained),
        ("AWS access key id", AwsKeyId),
        ("GitLab personal access token", GitLab),
        ("Slack token", SlackToken),
        ("Slack webhook URL", SlackWebhook),
        ("Stripe secret key", Stripe),
        ("Stripe restricted key", StripeRestricted),
        ("Google API key", Google),
        ("JSON Web Token", Jwt),
        ("npm access token", Npm),
        ("OpenAI API key", OpenAi),
        ("Anthropic API key", Anthropic),
        ("SendGrid API key", SendGrid),
        ("Twilio API key", Twilio),
        ("Private key", PrivateKey),
    };
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CodeGuardian.Analyzers.Secrets;

namespace CodeGuardian.Analyzers.Tests.Secrets;

/// <summary>
/// The scanner visits only candidate positions (found many at a time with vectors, or one by one); dispatching every
/// position to the matchers is the definition. All three must give the same findings, spans, order, kinds and
/// descriptions on generated code-like text full of near-misses and on adversarial repetition. The span and string
/// value checks must agree.
/// </summary>
public class ScannerEquivalenceTests
{
    private static readonly string[] Pieces =
    {
        " ", " ", " ", "\n", "\t", "\"", "'", "`", "=", "=", ":", "==", "=>", "::", ":=", "!=", "(", ")", "{", "}", "[", "]", ";", ",", ".", "-", "--", "_", "/", "+",
        "x", "key", "keys", "token", "Token", "password", "PASSWORD", "db_password", "dbPassword2", "apiKey", "api_key", "API_KEY", "secret", "client_secret",
        "passwordValue", "publicKey", "pageToken", "monkey", "auth", "authorName", "AccessKey", "\u212Aey", "pass\u0130", "\u00e9", "\u0141", "\u2061", "\u00a0",
        "self", "return", "new", "export", "string", "SELECT", "AS", "AND", "SET", "sk", "task", "ey", "they", "np", "input", "gh", "high", "git", "glob",
        "A", "AI", "AK", "AS", "AC", "AB", "Ac", "S", "SG", "SK", "e", "g", "h", "n", "r", "s", "xo", "ho", "hooks",
        "AK" + "IA", "AS" + "IA", "AI" + "za", "ey" + "J", "gh" + "p_", "gh" + "s_", "github" + "_pat_", "glp" + "at-", "xo" + "xb-", "xo" + "xq-", "sk" + "_live_", "rk" + "_live_",
        "sk" + "-", "sk" + "-ant-", "np" + "m_", "S" + "G.", "Account" + "Key=", "hooks.slack" + ".com/services/", "https://", "-----BEGIN ", "RSA PRIVATE KEY-----", "-----END ",
        "PRIVATE KEY-----", "EXAMPLE", "xxxx", "changeme", "${VAR}", "1234567890abcdef",
    };

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+/-_";

    [Fact]
    public void Candidate_filters_find_exactly_what_dispatching_every_position_finds()
    {
        var random = new Random(4008);
        var found = 0;
        for (var sample = 0; sample < 3000; sample++)
        {
            var text = Generate(random, random.Next(1, 400));
            found += AssertSame(text);
        }

        // The generated texts must exercise the matchers, not only the rejections.
        Assert.True(found > 200, $"only {found} findings");
    }

    [Fact]
    public void Candidate_filters_agree_on_every_fake_secret_in_every_context()
    {
        foreach (var (_, value) in FakeSecrets.All())
        {
            foreach (var (prefix, suffix) in new[] { ("token = \"", "\";"), ("KEY=", "\n"), ("x", ""), ("_", " "), ("\u00e9", ""), ("\u2061", ""), ("password: ", ""), ("", "") })
            {
                AssertSame(prefix + value + suffix);
                AssertSame(new string(' ', 40) + prefix + value + suffix + new string(' ', 40));
            }
        }
    }

    [Theory]
    [InlineData("=")]
    [InlineData(":")]
    [InlineData("ey" + "J")]
    [InlineData("AK" + "IA")]
    [InlineData("a=")]
    [InlineData("password=")]
    [InlineData("-")]
    [InlineData("-----END ")]
    [InlineData("key: ")]
    public void Adversarial_repetition_gives_the_same_findings(string unit)
    {
        var builder = new StringBuilder();
        while (builder.Length < 20_000)
        {
            builder.Append(unit);
        }

        AssertSame(builder.ToString());
    }

    [Fact]
    public void Repeated_private_key_headers_give_the_same_findings()
    {
        // Each header without an END marker still looks at up to 4 KB of body: bounded, so kept small here.
        var builder = new StringBuilder();
        while (builder.Length < 20_000)
        {
            builder.Append("-----BEGIN RSA PRIVATE KEY-----\n");
        }

        AssertSame(builder.ToString());
    }

    [Fact]
    public void Span_value_checks_agree_with_the_string_checks()
    {
        var random = new Random(4017);
        var pieces = new[]
        {
            "", " ", "  ", "x", "X", "xxxx", "***", "<", ">", "{", "}", "${", "#{", "$(", "$", "%", "[", "]", "DB_PASSWORD", "_", "API", "changeme", "Your_", "example", "{0}",
            "password", "Password", "pw", "n/a", "None", "db", "Pwd", "s3cr3t", "Tr0ub4dor&3", "hunter2", "9f8e7d", "\u00e9", "\u0130", "user", ";", "=", "@", "://", "Password=", "pwd =",
        };
        for (var sample = 0; sample < 20000; sample++)
        {
            var value = string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
            var name = random.Next(3) == 0 ? null : string.Concat(Enumerable.Range(0, random.Next(1, 3)).Select(_ => pieces[random.Next(pieces.Length)]));
            Assert.True(
                CredentialValues.IsRealValue(value, name) == CredentialValues.IsRealValue(value.AsSpan(), (name ?? string.Empty).AsSpan(), name is not null),
                value + " / " + name);
        }
    }

    [Fact]
    public void Ending_test_before_the_name_start_lets_every_credential_name_through()
    {
        // The scanner rejects a name/value candidate by the characters before '=' or ':' before it walks back to the
        // name's start; whatever stands before the name, no credential name may be rejected there.
        var random = new Random(4019);
        var words = new[]
        {
            "password", "Passwd", "PWD", "passphrase", "PASSPHRASE", "secret", "token", "auth", "apiKey", "api_key", "ACCESS_KEY", "privateKey",
            "value", "Value", "string", "str", "text", "plain", "db", "my", "x", "_", "-", ".", "2", "name", "hash", "page", "public", "\u00e9",
        };
        var prefixes = new[] { "", "a", " ", "=", "_", "\"", "xy", "  x = ", "config.", "\u00e9" };
        var credentials = 0;
        for (var sample = 0; sample < 50000; sample++)
        {
            var name = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => words[random.Next(words.Length)]));
            var last = name[name.Length - 1];
            if (!(last is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')) || !CredentialNames.IsCredentialName(name))
            {
                continue;
            }

            credentials++;
            var text = prefixes[random.Next(prefixes.Length)] + name;
            Assert.True(CredentialNames.MayEndWithCredentialWordAt(text.AsSpan(), text.Length), text);
        }

        Assert.True(credentials > 5000, credentials.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Generate(Random random, int pieces)
    {
        var builder = new StringBuilder();
        for (var k = 0; k < pieces; k++)
        {
            switch (random.Next(10))
            {
                case 0:
                    // A random run of token characters: sometimes long enough for a format body.
                    var length = random.Next(2) == 0 ? random.Next(1, 20) : random.Next(8, 90);
                    for (var c = 0; c < length; c++)
                    {
                        builder.Append(Alphabet[random.Next(random.Next(3) == 0 ? 36 : Alphabet.Length)]);
                    }

                    break;
                case 1:
                    var secrets = FakeSecrets.All();
                    builder.Append(secrets[random.Next(secrets.Length)].Value);
                    break;
                default:
                    builder.Append(Pieces[random.Next(Pieces.Length)]);
                    break;
            }
        }

        return builder.ToString();
    }

    private static int AssertSame(string text)
    {
        var expected = Scan(text, SecretScanner.CandidateSearch.EveryPosition);
        Assert.Equal(Describe(expected), Describe(Scan(text, SecretScanner.CandidateSearch.Scalar)));
        var actual = Scan(text, SecretScanner.CandidateSearch.Vectorized);
        Assert.Equal(Describe(expected), Describe(actual));
        return actual.Count;
    }

    private static List<SecretFinding> Scan(string text, SecretScanner.CandidateSearch search)
    {
        var findings = new List<SecretFinding>();
        SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default, findings, search);
        return findings;
    }

    private static List<string> Describe(List<SecretFinding> findings) =>
        findings.Select(f => $"{f.Start}+{f.Length} {f.Kind} {f.Description} {f.ConfidenceText}").ToList();
}

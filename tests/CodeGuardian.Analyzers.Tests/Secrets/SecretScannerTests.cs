using System;
using System.Linq;
using CodeGuardian.Analyzers.Secrets;

namespace CodeGuardian.Analyzers.Tests.Secrets;

public class SecretScannerTests
{
    public static TheoryData<string, string> Formats()
    {
        var data = new TheoryData<string, string>();
        foreach (var (kind, value) in FakeSecrets.All())
        {
            data.Add(kind, value);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Every_provider_format_is_found_with_its_exact_span_and_high_confidence(string kind, string value)
    {
        foreach (var (prefix, suffix) in new[] { ("token = \"", "\";"), ("KEY=", "\n"), ("# leaked: ", " (old)"), ("<add value='", "'/>") })
        {
            var text = prefix + value + suffix;
            var finding = Assert.Single(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default));
            Assert.Equal(kind, finding.Kind);
            Assert.Equal(prefix.Length, finding.Start);
            Assert.Equal(value.Length, finding.Length);
            Assert.Equal(SecretConfidence.High, finding.Confidence);
            Assert.Equal(Redaction.Describe(value), finding.Description);
        }
    }

    [Fact]
    public void Aws_secret_key_is_found_near_its_access_key_id()
    {
        var text = "aws_access_key_id = " + FakeSecrets.AwsKeyId + "\nsecret = " + FakeSecrets.AwsSecret + "\n";
        var findings = SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default);
        Assert.Equal(new[] { "AWS access key id", "AWS secret access key" }, findings.Select(f => f.Kind).ToArray());
        Assert.Equal(text.IndexOf(FakeSecrets.AwsSecret, System.StringComparison.Ordinal), findings[1].Start);

        // Alone, a 40-character base64 value under a neutral name is nothing.
        Assert.Empty(SecretScanner.Scan(("checksum = " + FakeSecrets.AwsSecret).AsSpan(), SecretAllowlist.Default));
    }

    [Fact]
    public void Azure_account_key_span_is_the_key_value()
    {
        var text = "DefaultEndpointsProtocol=https;AccountName=app;AccountKey=" + FakeSecrets.AzureStorageKey + ";EndpointSuffix=core.windows.net";
        var finding = Assert.Single(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default));
        Assert.Equal("Azure storage account key", finding.Kind);
        Assert.Equal(text.IndexOf("AccountKey=", System.StringComparison.Ordinal) + 11, finding.Start);
        Assert.Equal(FakeSecrets.AzureStorageKey.Length, finding.Length);
    }

    [Theory]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")]
    [InlineData("token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("token: ghp_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")]
    [InlineData("GITHUB_TOKEN=ghp_<your-token>")]
    [InlineData("GITHUB_TOKEN=${GITHUB_TOKEN}")]
    [InlineData("api_key: \"{{ vault_api_key }}\"")]
    [InlineData("set API_KEY=%API_KEY%")]
    [InlineData("password = \"changeme\"")]
    [InlineData("api_key = \"your_api_key_here\"")]
    [InlineData("secret = \"1234567890abcdef1234567890abcdef\"")]
    [InlineData("secret = \"abcdefghijklmnopqrstuvwxyz\"")]
    [InlineData("password = \"aaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("stripe = sk_" + "live_000000000000000000000000")]
    [InlineData("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----")]
    [InlineData("-----BEGIN RSA PRIVATE KEY-----\nMIIE...your key here...\n-----END RSA PRIVATE KEY-----")]
    [InlineData("passwordLength = 1234567890123456789")]
    [InlineData("password = getPasswordFromVault2024()")]
    [InlineData("token = process.env.GITHUB_TOKEN_2024")]
    [InlineData("tokenType = \"BearerTokenTypeName\"")]
    [InlineData("if (hash == \"a1b2c3d4e5f6a7b8c9d0\")")]
    [InlineData("<assemblyIdentity name=\"System.Text.Json\" publicKeyToken=\"cc7b13ffcd2ddd51\" />")]
    [InlineData("\"publicKey\": \"MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4k9x\"")]
    public void Documented_examples_placeholders_and_low_entropy_values_are_not_found(string text) =>
        Assert.Empty(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default));

    [Fact]
    public void Public_emulator_and_sample_jwt_keys_are_allowlisted_by_hash()
    {
        // The storage emulator key and the JWT debugger sample are public, documented values; rebuilt from pieces here.
        var emulator = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq" + "/K1SZFPTOtr/KBHBeksoGMGw==";
        Assert.Empty(SecretScanner.Scan(("AccountName=devstoreaccount1;AccountKey=" + emulator + ";").AsSpan(), SecretAllowlist.Default));
        var sample = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ" + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";
        Assert.Empty(SecretScanner.Scan(sample.AsSpan(), SecretAllowlist.Default));
    }

    [Theory]
    [InlineData("DB_PASSWORD={0}")]
    [InlineData("\"clientSecret\": \"{0}\"")]
    [InlineData("api_key: '{0}'")]
    [InlineData("let authToken = `{0}`;")]
    public void Random_values_under_credential_names_are_low_confidence(string template)
    {
        var value = FakeSecrets.RandomPassword;
        var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, value);
        var finding = Assert.Single(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default));
        Assert.Equal(SecretConfidence.Low, finding.Confidence);
        Assert.Equal("low", finding.ConfidenceText);
        Assert.Equal(text.IndexOf(value, System.StringComparison.Ordinal), finding.Start);
        Assert.Equal(value.Length, finding.Length);
    }

    [Fact]
    public void Random_values_under_other_names_and_short_values_are_not_reported()
    {
        Assert.Empty(SecretScanner.Scan(("commit_sha = \"" + FakeSecrets.RandomPassword + "\"").AsSpan(), SecretAllowlist.Default));
        Assert.Empty(SecretScanner.Scan("password = \"Xy7$kq2\"".AsSpan(), SecretAllowlist.Default));
    }

    [Fact]
    public void User_allowlist_pattern_suppresses_matching_values()
    {
        var text = "token = " + FakeSecrets.GitHub;
        Assert.Single(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default));
        Assert.Empty(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.For("^ghp_" + FakeSecrets.GitHub.Substring(4, 6))));
        Assert.Single(SecretScanner.Scan(text.AsSpan(), SecretAllowlist.For("([unclosed")));
    }

    [Fact]
    public void Huge_and_hostile_inputs_are_linear_and_do_not_throw()
    {
        foreach (var piece in new[] { "AKIA", "ghp_", "eyJ", "-----BEGIN ", "password=", "xoxb-", "a:", "SG.", "AccountKey=" })
        {
            var text = string.Concat(Enumerable.Repeat(piece, 50_000));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            SecretScanner.Scan(text.AsSpan(), SecretAllowlist.Default);
            Assert.True(watch.Elapsed < System.TimeSpan.FromSeconds(5), piece);
        }
    }
}

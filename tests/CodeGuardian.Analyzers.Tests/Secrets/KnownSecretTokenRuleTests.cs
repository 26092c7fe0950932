using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using CsVerify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.KnownSecretTokenAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.Secrets;

public class KnownSecretTokenRuleTests
{
    /// <summary>Only CG4008 is under test here; the credential-name rule would fire on the same lines.</summary>
    private const string OnlyCg4008 = "root = true\n[*]\ndotnet_diagnostic.CG4007.severity = none\n";

    private static string Mark(string value) => "{|#0:" + value + "|}";

    private static DiagnosticResult High(string kind, string value) =>
        TextFileVerifier.Diagnostic("CG4008").WithLocation(0).WithArguments(kind, Redaction.Describe(value), "high");

    public static TheoryData<string, string> Syntaxes() => new()
    {
        { "/src/app.js", "const client = new Octokit({ auth: \"{0}\" });\n" },
        { "/src/app.ts", "// old token: {0}\nexport const x = 1;\n" },
        { "/scripts/deploy.py", "GITHUB = '{0}'\n" },
        { "/scripts/deploy.py", "\"\"\"\nUse {0} to call the API.\n\"\"\"\n" },
        { "/native/src/lib.rs", "const GH: &str = r#\"{0}\"#;\n" },
        { "/db/seed.sql", "INSERT INTO settings (name, value) VALUES ('gh', '{0}'); -- seed\n" },
        { "/appsettings.json", "{\n  \"GitHub\": { \"Pat\": \"{0}\" }\n}\n" },
        { "/config/app.yml", "github:\n  pat: {0}\n" },
        { "/.env", "GH_PAT={0}\n" },
        { "/web.config", "<configuration><appSettings><add key=\"GitHub\" value=\"{0}\" /></appSettings></configuration>\n" },
        { "/Cargo.toml", "[package]\nname = \"x\"\n# {0}\n" },
    };

    [Theory]
    [MemberData(nameof(Syntaxes))]
    public async Task GitHub_token_fires_in_every_file_type_with_the_exact_span(string path, string template)
    {
        var token = FakeSecrets.GitHub;
        var test = TextFileVerifier.Create(path, template.Replace("{0}", Mark(token), System.StringComparison.Ordinal), OnlyCg4008);
        test.ExpectedDiagnostics.Add(High("GitHub personal access token", token));
        await test.RunAsync();
    }

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
    public async Task Every_format_fires_in_a_python_string(string kind, string value)
    {
        var test = TextFileVerifier.Create("/scripts/client.py", "CONFIG = {'service': '''" + Mark(value) + "'''}\n", OnlyCg4008);
        test.ExpectedDiagnostics.Add(High(kind, value));
        await test.RunAsync();
    }

    [Fact]
    public async Task Aws_pair_in_dotenv_fires_twice()
    {
        var id = FakeSecrets.AwsKeyId;
        var secret = FakeSecrets.AwsSecret;
        var test = TextFileVerifier.Create("/.env.production", "AWS_ACCESS_KEY_ID={|#0:" + id + "|}\nAWS_SECRET_ACCESS_KEY={|#1:" + secret + "|}\n", OnlyCg4008);
        test.ExpectedDiagnostics.Add(High("AWS access key id", id));
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG4008").WithLocation(1).WithArguments("AWS secret access key", Redaction.Describe(secret), "high"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Generic_value_under_a_credential_name_is_low_confidence()
    {
        var value = FakeSecrets.RandomPassword;
        var test = TextFileVerifier.Create("/config/app.yaml", "database:\n  password: " + Mark(value) + "\n", OnlyCg4008);
        test.ExpectedDiagnostics.Add(TextFileVerifier.Diagnostic("CG4008").WithLocation(0)
            .WithArguments("Random-looking value under credential name 'password'", Redaction.Describe(value), "low"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("/src/app.js", "const key = 'AKIAIOSFODNN7EXAMPLE';\nconst token = process.env.GITHUB_TOKEN;\n")]
    [InlineData("/scripts/a.py", "token = os.environ['GITHUB_TOKEN']\nkey = 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\n")]
    [InlineData("/.env", "GITHUB_TOKEN=${GITHUB_TOKEN}\nAPI_KEY=<your-api-key>\nSECRET=changeme\n")]
    [InlineData("/config/app.yml", "api_key: \"{{ vault_api_key }}\"\npassword: '%DB_PASSWORD%'\n")]
    [InlineData("/appsettings.json", "{ \"Stripe\": { \"SecretKey\": \"your_api_key_here\" }, \"Jwt\": { \"Key\": \"1234567890abcdef1234567890abcdef\" } }\n")]
    public Task Documented_examples_placeholders_and_lookups_do_not_fire(string path, string source) =>
        TextFileVerifier.Create(path, source, OnlyCg4008).RunAsync();

    [Fact]
    public async Task Allowlist_option_and_suppression_comment_silence_a_value()
    {
        var token = FakeSecrets.GitHub;
        var allow = OnlyCg4008 + "codeguardian.CG4008.allowlist = ^ghp_" + token.Substring(4, 8) + "\n";
        await TextFileVerifier.Create("/src/a.js", "const t = '" + token + "';\n", allow).RunAsync();
        await TextFileVerifier.Create("/src/b.js", "// codeguardian-disable-next-line CG4008 -- revoked test fixture\nconst t = '" + token + "';\n", OnlyCg4008).RunAsync();
    }

    [Fact]
    public async Task CSharp_strings_comments_and_verbatim_literals_fire()
    {
        var token = FakeSecrets.Stripe;
        var jwt = FakeSecrets.Jwt;
        var source = "class C\n{\n    // rotated? {|#0:" + token + "|}\n    const string Header = @\"Bearer {|#1:" + jwt + "|}\";\n    const string Key = \"AKIAIOSFODNN7EXAMPLE\";\n}\n";
        await CsVerify.VerifyAnalyzerAsync(
            source,
            CsVerify.Diagnostic("CG4008").WithLocation(0).WithArguments("Stripe secret key", Redaction.Describe(token), "high"),
            CsVerify.Diagnostic("CG4008").WithLocation(1).WithArguments("JSON Web Token", Redaction.Describe(jwt), "high"));
    }

    [Fact]
    public async Task CSharp_generic_value_is_low_confidence_and_placeholders_do_not_fire()
    {
        var value = FakeSecrets.RandomPassword;
        var source = "class C\n{\n    string clientSecret = \"{|#0:" + value + "|}\";\n    string apiKey = \"<your-api-key>\";\n    string token = \"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\";\n}\n";
        await CsVerify.VerifyAnalyzerAsync(
            source,
            CsVerify.Diagnostic("CG4008").WithLocation(0).WithArguments("Random-looking value under credential name 'clientSecret'", Redaction.Describe(value), "low"));
    }

    [Fact]
    public async Task CSharp_allowlist_option_applies_to_source_files()
    {
        var token = FakeSecrets.Npm;
        await CsVerify.VerifyAnalyzerAsync(
            "class C { const string Npm = \"{|#0:" + token + "|}\"; }",
            CsVerify.Diagnostic("CG4008").WithLocation(0).WithArguments("npm access token", Redaction.Describe(token), "high"));

        var test = new CSharpAnalyzerVerifier<KnownSecretTokenAnalyzer>.Test
        {
            TestCode = "class C { const string Npm = \"" + token + "\"; }",
        };
        test.WithEditorConfig("root = true\n[*.cs]\ncodeguardian.CG4008.allowlist = ^npm_" + token.Substring(4, 10) + "$|^npm_" + token.Substring(4) + "$\n");
        await test.RunAsync();
    }
}

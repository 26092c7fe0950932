using System.Linq;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Secrets;
using Microsoft.CodeAnalysis.Testing;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.HardCodedCredentialAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

public class HardCodedCredentialAnalyzerTests
{
    [Fact]
    public async Task Literals_under_credential_names_fire_with_a_redacted_message()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Net;
            class Settings { public string? ClientSecret { get; set; } public string? Name { get; set; } }
            class C
            {
                private const string ApiKey = {|#0:"k3y-9f8e7d6c5b4a"|};
                private static readonly string _dbPassword = {|#1:"Winter2024!"|};
                public string GitHubToken { get; } = {|#2:"tok-1234567890abcdef"|};

                void M(Dictionary<string, string> config)
                {
                    var password = {|#3:"hunter22"|};
                    string admin_pwd = {|#4:"s3cr3t!"|};
                    var settings = new Settings { ClientSecret = {|#5:"cs-8a7b6c5d4e3f"|}, Name = "app" };
                    var credential = new NetworkCredential("deploy", {|#6:"P@ssw0rd-deploy"|});
                    config["api_key"] = {|#7:"abcdef123456"|};
                    var headers = new Dictionary<string, string> { { "access_token", {|#8:"at-99887766"|} } };
                    var anonymous = new { secretKey = {|#9:"sk-local-abcdef"|} };
                }

                string GetPassword() => {|#10:"return-me-123"|};
            }
            """,
            Verify.Diagnostic("CG4007").WithLocation(0).WithArguments("ApiKey", Redaction.Describe("k3y-9f8e7d6c5b4a")),
            Verify.Diagnostic("CG4007").WithLocation(1).WithArguments("_dbPassword", Redaction.Describe("Winter2024!")),
            Verify.Diagnostic("CG4007").WithLocation(2).WithArguments("GitHubToken", Redaction.Describe("tok-1234567890abcdef")),
            Verify.Diagnostic("CG4007").WithLocation(3).WithArguments("password", Redaction.Describe("hunter22")),
            Verify.Diagnostic("CG4007").WithLocation(4).WithArguments("admin_pwd", Redaction.Describe("s3cr3t!")),
            Verify.Diagnostic("CG4007").WithLocation(5).WithArguments("ClientSecret", Redaction.Describe("cs-8a7b6c5d4e3f")),
            Verify.Diagnostic("CG4007").WithLocation(6).WithArguments("password", Redaction.Describe("P@ssw0rd-deploy")),
            Verify.Diagnostic("CG4007").WithLocation(7).WithArguments("api_key", Redaction.Describe("abcdef123456")),
            Verify.Diagnostic("CG4007").WithLocation(8).WithArguments("access_token", Redaction.Describe("at-99887766")),
            Verify.Diagnostic("CG4007").WithLocation(9).WithArguments("secretKey", Redaction.Describe("sk-local-abcdef")),
            Verify.Diagnostic("CG4007").WithLocation(10).WithArguments("GetPassword", Redaction.Describe("return-me-123")));
    }

    [Fact]
    public async Task Connection_strings_and_url_user_info_fire()
    {
        await Verify.VerifyAnalyzerAsync("""
            class C
            {
                void M()
                {
                    var connection = {|#0:"Server=db;Database=app;User Id=sa;Password=Sup3rS3cret;"|};
                    Use({|#1:"Host=db; Pwd = short1"|});
                    var url = {|#2:"https://deploy:gh-pass-77@git.example.org/repo.git"|};
                }

                void Use(string value) { }
            }
            """,
            Verify.Diagnostic("CG4007").WithLocation(0).WithArguments("connection string password", Redaction.Describe("Sup3rS3cret")),
            Verify.Diagnostic("CG4007").WithLocation(1).WithArguments("connection string password", Redaction.Describe("short1")),
            Verify.Diagnostic("CG4007").WithLocation(2).WithArguments("URL user-info", Redaction.Describe("gh-pass-77")));
    }

    [Fact]
    public async Task The_secret_text_never_appears_in_the_message()
    {
        var test = new Verifiers.CSharpAnalyzerVerifier<HardCodedCredentialAnalyzer>.Test
        {
            TestCode = """class C { string password = {|#0:"correct-horse-battery"|}; string url = {|#1:"ftp://u:TopSecretPass@h"|}; }""",
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG4007").WithLocation(0).WithArguments("password", Redaction.Describe("correct-horse-battery")));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG4007").WithLocation(1).WithArguments("URL user-info", Redaction.Describe("TopSecretPass")));
        await test.RunAsync();

        foreach (var secret in new[] { "correct-horse-battery", "TopSecretPass" })
        {
            var description = Redaction.Describe(secret);
            Assert.DoesNotContain(secret, description, System.StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Substring(0, 3), description, System.StringComparison.Ordinal);
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, Rules.Descriptors.HardCodedCredential.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), "password", description);
            Assert.DoesNotContain(secret, message, System.StringComparison.Ordinal);
        }

        Assert.Equal("5 characters, fingerprint #" + Redaction.Describe("abcde").Split('#')[1], Redaction.Describe("abcde"));
        Assert.StartsWith("21 characters, fingerprint 'co…' #", Redaction.Describe("correct-horse-battery"), System.StringComparison.Ordinal);
        Assert.NotEqual(Redaction.Describe("correct-horse-batterx"), Redaction.Describe("correct-horse-battery"));
    }

    [Fact]
    public async Task Non_credential_names_placeholders_and_configuration_do_not_fire()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            class PasswordHasher { }
            class C
            {
                private const int PasswordLength = 12;
                private const string TokenType = "Bearer";
                private const string AuthorName = "Jane Doe";
                private const string SecretName = "db-password";
                private const string PasswordPolicy = "strong";
                private const string PasswordKey = "Auth:Password";

                void M(Dictionary<string, string> config)
                {
                    var password = "";
                    var apiKey = "changeme";
                    var token = "<token>";
                    var secret = "${SECRET}";
                    var clientSecret = "xxxx";
                    var dbPassword = "DB_PASSWORD";
                    var pwd = Environment.GetEnvironmentVariable("DB_PASSWORD");
                    var fromConfig = config["Password"];
                    var label = "password";
                    var passwordPrompt = "Enter your password";
                    var error = "Password is required here";
                    var nextPageToken = "abc123def";
                    var connection = "Server=db;Database=app;Integrated Security=true;";
                    var templated = "Server=db;Password={0};";
                    var url = "https://git.example.org/repo.git";
                    var withUser = "https://user@example.org/";
                    // var password = "hunter22";
                    var text = "password = hunter22";
                }
            }
            """);
    }

    [Fact]
    public async Task Test_files_are_skipped_unless_the_option_says_otherwise()
    {
        var skipped = new Verifiers.CSharpAnalyzerVerifier<HardCodedCredentialAnalyzer>.Test();
        skipped.TestState.Sources.Add(("/src/tests/LoginTests.cs", """class LoginTests { string password = "hunter22"; }"""));
        await skipped.RunAsync();

        var included = new Verifiers.CSharpAnalyzerVerifier<HardCodedCredentialAnalyzer>.Test();
        included.TestState.Sources.Add(("/src/tests/LoginTests.cs", """class LoginTests { string password = [|"hunter22"|]; }"""));
        included.WithEditorConfig("root = true\n[*]\ncodeguardian.CG4007.include_tests = true\n", "/src/.editorconfig");
        await included.RunAsync();

        var testProject = new Verifiers.CSharpAnalyzerVerifier<HardCodedCredentialAnalyzer>.Test { TestCode = """class LoginTests { string password = "hunter22"; }""" };
        testProject.WithGlobalConfig("build_property.IsTestProject = true\n");
        await testProject.RunAsync();
    }

    [Fact]
    public async Task Csharp_12_generated_empty_and_half_typed_code()
    {
        await Verify.VerifyAnalyzerAsync("""
            class Client(string user)
            {
                private readonly string _apiKey = [|"live-key-123456"|];
                public string Password { get; init; } = [|$"pass-{"word"}-99"|] is var p ? "" : "";
                string[] Tokens() => ["a", "b"];
            }
            """.Replace("[|$\"pass-{\"word\"}-99\"|] is var p ? \"\" : \"\"", "\"\""));
        await Verify.VerifyAnalyzerAsync("// <auto-generated/>\nclass C { string password = \"hunter22\"; }");
        await Verify.VerifyAnalyzerAsync(string.Empty);
        var test = new Verifiers.CSharpAnalyzerVerifier<HardCodedCredentialAnalyzer>.Test
        {
            TestCode = "class C { void M() { var password = \"abc; var x = new System.Net.NetworkCredential(\"u\", } }",
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    [Theory]
    [InlineData("password", true)]
    [InlineData("dbPassword", true)]
    [InlineData("DB_PASSWORD", true)]
    [InlineData("passwordValue", true)]
    [InlineData("apiKey", true)]
    [InlineData("APIKey", true)]
    [InlineData("api-key", true)]
    [InlineData("client_secret", true)]
    [InlineData("privateKey", true)]
    [InlineData("AccessKey", true)]
    [InlineData("authToken", true)]
    [InlineData("BasicAuth", true)]
    [InlineData("mypassword", true)]
    [InlineData("passwordLength", false)]
    [InlineData("PasswordHasher", false)]
    [InlineData("TokenType", false)]
    [InlineData("AuthorName", false)]
    [InlineData("secretName", false)]
    [InlineData("key", false)]
    [InlineData("cacheKey", false)]
    [InlineData("accessKeyId", false)]
    [InlineData("nextPageToken", false)]
    [InlineData("cancellationToken", false)]
    [InlineData("tokenizer", false)]
    [InlineData("", false)]
    public void Credential_names_count_only_the_head_word(string name, bool expected) =>
        Assert.Equal(expected, CredentialNames.IsCredentialName(name));

    [Fact]
    public void Identifier_words_split_every_casing()
    {
        Assert.Equal(new[] { "api", "key" }, IdentifierWords.Split("APIKey").ToArray());
        Assert.Equal(new[] { "db", "password", "2" }, IdentifierWords.Split("dbPassword2").ToArray());
        Assert.Equal(new[] { "client", "secret" }, IdentifierWords.Split("client_secret").ToArray());
        Assert.Equal("DB_PASSWORD", CredentialNames.ToEnvironmentVariableName("dbPassword"));
        Assert.Equal("API_KEY", CredentialNames.ToEnvironmentVariableName("_apiKey"));
    }
}

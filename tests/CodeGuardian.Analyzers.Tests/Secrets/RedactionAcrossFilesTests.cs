using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Secrets;

/// <summary>
/// Plants format-valid secrets in every file type and runs the real analyzers: no secret value, and no substring of
/// eight or more of its characters, may appear in any message, message argument or diagnostic property.
/// </summary>
public class RedactionAcrossFilesTests
{
    [Fact]
    public async Task No_secret_or_long_fragment_of_it_reaches_any_diagnostic()
    {
        var secrets = FakeSecrets.All().Select(s => s.Value).Concat(new[] { FakeSecrets.AwsSecret, FakeSecrets.AzureStorageKey, FakeSecrets.RandomPassword, "Winter2024!Pw", "hunter22-deploy" }).ToArray();
        var gh = FakeSecrets.GitHub;
        var rnd = FakeSecrets.RandomPassword;
        var files = new Dictionary<string, string>
        {
            ["/src/app.js"] = $"const password = \"Winter2024!Pw\";\nconst t = '{gh}';\nconst o = {{ apiKey: '{FakeSecrets.Stripe}' }};\n// {FakeSecrets.SlackWebhook}\n",
            ["/src/app.ts"] = $"export const clientSecret: string = `{rnd}`;\nconst jwt = '{FakeSecrets.Jwt}';\n",
            ["/app/settings.py"] = $"PASSWORD = 'hunter22-deploy'\nAPI_KEY = \"{FakeSecrets.OpenAi}\"\nKEY = '''{FakeSecrets.PrivateKey}'''\n",
            ["/native/src/lib.rs"] = $"const TOKEN: &str = \"{FakeSecrets.Npm}\";\nlet password = r#\"{rnd}\"#;\n",
            ["/db/setup.sql"] = $"CREATE LOGIN app WITH PASSWORD = 'Winter2024!Pw';\n-- {FakeSecrets.Anthropic}\nSELECT '{FakeSecrets.SendGrid}';\n",
            ["/appsettings.json"] = $"{{ \"ConnectionStrings\": {{ \"Db\": \"Server=db;Password=hunter22-deploy;\", \"Blob\": \"AccountName=a;AccountKey={FakeSecrets.AzureStorageKey};\" }}, \"GitLab\": \"{FakeSecrets.GitLab}\" }}\n",
            ["/.env"] = $"AWS_ACCESS_KEY_ID={FakeSecrets.AwsKeyId}\nAWS_SECRET_ACCESS_KEY={FakeSecrets.AwsSecret}\nDB_PASSWORD={rnd}\n",
            ["/config/app.yml"] = $"slack: {FakeSecrets.SlackToken}\npassword: Winter2024!Pw\ngoogle: {FakeSecrets.Google}\n",
            ["/config/app.toml"] = $"twilio = \"{FakeSecrets.Twilio}\"\npassword = \"hunter22-deploy\"\n",
            ["/config/app.ini"] = $"[gh]\ntoken={FakeSecrets.GitHubOAuth}\n",
            ["/config/app.properties"] = $"gh.pat={FakeSecrets.GitHubFineGrained}\ndb.password=Winter2024!Pw\n",
            ["/Web.config"] = $"<configuration><appSettings><add key=\"StripeKey\" value=\"{FakeSecrets.StripeRestricted}\" /><add key=\"DbPassword\" value=\"hunter22-deploy\" /></appSettings></configuration>\n",
        };
        var csharp = $"class C {{\n string password = \"Winter2024!Pw\";\n string token = \"{gh}\";\n string url = \"https://u:hunter22-deploy@host/x\";\n string secret = \"{rnd}\";\n}}\n";

        var diagnostics = await RunAsync(csharp, files);
        var ids = diagnostics.Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.Equal(new[] { "CG4007", "CG4008" }, ids.Where(id => id is "CG4007" or "CG4008").ToArray());
        Assert.True(diagnostics.Count(d => d.Id == "CG4008") >= 20, string.Join("\n", diagnostics));
        Assert.True(diagnostics.Count(d => d.Id == "CG4007") >= 12, string.Join("\n", diagnostics));

        // Confidence is both in the message and a property: provider formats high, generic values low.
        var confidences = diagnostics.Where(d => d.Id == "CG4008").Select(d => d.Properties["confidence"]).ToList();
        Assert.All(confidences, c => Assert.True(c is "high" or "low"));
        Assert.Contains("high", confidences);
        Assert.Contains("low", confidences);
        Assert.All(diagnostics.Where(d => d.Id == "CG4008"), d => Assert.EndsWith(d.Properties["confidence"] + " confidence); revoke it and load it from a secret store", d.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        foreach (var diagnostic in diagnostics)
        {
            var texts = new List<string> { diagnostic.GetMessage(CultureInfo.InvariantCulture), diagnostic.ToString() };
            texts.AddRange(diagnostic.Properties.Select(p => p.Key + "=" + p.Value));
            foreach (var text in texts)
            {
                foreach (var secret in secrets)
                {
                    for (var start = 0; start + 8 <= secret.Length; start++)
                    {
                        var fragment = secret.Substring(start, 8);
                        Assert.False(text.Contains(fragment, StringComparison.Ordinal), $"{diagnostic.Id} leaks '{fragment.Substring(0, 2)}…' of a planted secret: {diagnostic.Location}");
                    }
                }
            }
        }
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAsync(string csharp, Dictionary<string, string> files)
    {
        var compilation = CSharpCompilation.Create(
            "Redaction",
            new[] { CSharpSyntaxTree.ParseText(csharp, path: "/src/C.cs") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var additional = files.Select(f => (AdditionalText)new InMemoryText(f.Key, f.Value)).ToImmutableArray();
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new TextFileAnalyzer(), new KnownSecretTokenAnalyzer(), new HardCodedCredentialAnalyzer());
        var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(additional));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

using System.Threading.Tasks;
using Verify = CodeGuardian.Analyzers.Tests.CodeFixes.Verifiers.SecurityCodeFixVerifier<CodeGuardian.Analyzers.CSharp.Security.HardCodedCredentialAnalyzer, CodeGuardian.CodeFixes.Security.HardCodedCredentialCodeFixProvider>;

namespace CodeGuardian.Analyzers.Tests.CodeFixes;

public class HardCodedCredentialCodeFixTests
{
    [Fact]
    public async Task Literals_become_environment_reads_named_after_the_identifier()
    {
        await Verify.VerifyCodeFixAsync("""
            using System;
            class Settings { public string? ClientSecret { get; set; } }
            class C
            {
                private static readonly string _dbPassword = [|"Winter2024!"|];
                void M()
                {
                    var settings = new Settings { ClientSecret = [|"cs-8a7b6c5d4e3f"|] };
                    var credential = new System.Net.NetworkCredential("deploy", [|"P@ssw0rd-deploy"|]);
                }
            }
            """, """
            using System;
            class Settings { public string? ClientSecret { get; set; } }
            class C
            {
                private static readonly string _dbPassword = Environment.GetEnvironmentVariable("DB_PASSWORD") ?? throw new InvalidOperationException("Set DB_PASSWORD");
                void M()
                {
                    var settings = new Settings { ClientSecret = Environment.GetEnvironmentVariable("CLIENT_SECRET") ?? throw new InvalidOperationException("Set CLIENT_SECRET") };
                    var credential = new System.Net.NetworkCredential("deploy", Environment.GetEnvironmentVariable("PASSWORD") ?? throw new InvalidOperationException("Set PASSWORD"));
                }
            }
            """);
    }

    [Fact]
    public async Task Not_offered_where_a_constant_is_required_or_for_embedded_credentials()
    {
        await Verify.VerifyNoFixAsync("""
            class C
            {
                private const string ApiKey = [|"k3y-9f8e7d6c5b4a"|];
                void M(string password = [|"default-pass-1"|])
                {
                    const string token = [|"tok-0123456789"|];
                    var connection = [|"Server=db;Password=Sup3rS3cret;"|];
                }
            }
            """);
    }
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Performance;
using CodeGuardian.Analyzers.CSharp.Security;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

/// <summary>C# 12/13 constructs around the sinks: primary constructors, collection expressions, params spans, raw strings.</summary>
public class ModernSyntaxTests
{
    [Fact]
    public async Task Weak_hash_in_a_primary_constructor_class_with_collection_expressions()
    {
        await SecurityTest.VerifyAsync<WeakHashAnalyzer>("""
            using System.Security.Cryptography;
            class Hasher(byte[] salt)
            {
                private readonly byte[][] _inputs = [salt, [1, 2, 3]];
                public byte[] Hash() => [|MD5.HashData([.. _inputs[0], .. salt])|];
            }
            """);
    }

    [Fact]
    public async Task Random_in_a_primary_constructor_and_params_span_method()
    {
        await SecurityTest.VerifyAsync<InsecureRandomnessAnalyzer>("""
            using System;
            class Issuer(Random random)
            {
                public string Issue(params ReadOnlySpan<string> scopes) => scopes.Length + ":" + Nonce();
                private int Nonce() => [|random.Next()|];
            }
            """);
    }

    [Fact]
    public async Task Query_in_a_loop_over_a_collection_expression()
    {
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>("""
            using System.Data.SqlClient;
            class Runner(SqlCommand command)
            {
                public void Run()
                {
                    foreach (var id in (int[])[1, 2, 3])
                    {
                        command.[|ExecuteScalar()|];
                    }
                }
            }
            """, Stubs.Ado);
    }

    [Fact]
    public async Task Raw_interpolated_credentials_are_not_literals_and_raw_literals_are()
    {
        await SecurityTest.VerifyAsync<HardCodedCredentialAnalyzer>(""""
            class Config(string user)
            {
                public string Password { get; } = [|"""
                    p4ss-w0rd-raw
                    """|];
                public string Greeting => $"""Hello {user}""";
            }
            """");
    }
}

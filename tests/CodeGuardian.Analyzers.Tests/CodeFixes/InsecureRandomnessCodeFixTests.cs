using System.Threading.Tasks;
using Verify = CodeGuardian.Analyzers.Tests.CodeFixes.Verifiers.SecurityCodeFixVerifier<CodeGuardian.Analyzers.CSharp.Security.InsecureRandomnessAnalyzer, CodeGuardian.CodeFixes.Security.InsecureRandomnessCodeFixProvider>;

namespace CodeGuardian.Analyzers.Tests.CodeFixes;

public class InsecureRandomnessCodeFixTests
{
    [Fact]
    public async Task Next_and_next_bytes_become_random_number_generator_calls()
    {
        await Verify.VerifyCodeFixAsync("""
            using System;
            using System.Security.Cryptography;
            class C
            {
                private readonly Random _random = new();
                void M()
                {
                    var token = [|_random.Next()|];
                    var code = [|_random.Next(1000000)|];
                    var pin = [|Random.Shared.Next(1000, 9999)|];
                    var salt = new byte[16];
                    [|_random.NextBytes(salt)|];
                }
            }
            """, """
            using System;
            using System.Security.Cryptography;
            class C
            {
                private readonly Random _random = new();
                void M()
                {
                    var token = RandomNumberGenerator.GetInt32(int.MaxValue);
                    var code = RandomNumberGenerator.GetInt32(1000000);
                    var pin = RandomNumberGenerator.GetInt32(1000, 9999);
                    var salt = new byte[16];
                    RandomNumberGenerator.Fill(salt);
                }
            }
            """);
    }

    [Fact]
    public async Task Without_a_using_the_name_is_qualified()
    {
        await Verify.VerifyCodeFixAsync("""
            class C
            {
                int M(System.Random random) { var otp = [|random.Next(100000, 999999)|]; return otp; }
            }
            """, """
            class C
            {
                int M(System.Random random) { var otp = System.Security.Cryptography.RandomNumberGenerator.GetInt32(100000, 999999); return otp; }
            }
            """);
    }

    [Fact]
    public async Task Not_offered_for_methods_without_an_equivalent()
    {
        await Verify.VerifyNoFixAsync("""
            class C
            {
                void M(System.Random random) { var secret = [|random.NextDouble()|]; var key = [|random.NextInt64()|]; }
            }
            """);
    }
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.CodeFixes.Security;
using Verify = CodeGuardian.Analyzers.Tests.CodeFixes.Verifiers.SecurityCodeFixVerifier<CodeGuardian.Analyzers.CSharp.Security.WeakHashAnalyzer, CodeGuardian.CodeFixes.Security.WeakHashCodeFixProvider>;

namespace CodeGuardian.Analyzers.Tests.CodeFixes;

public class WeakHashCodeFixTests
{
    [Fact]
    public async Task Every_shape_becomes_sha256_and_fix_all_fixes_them_together()
    {
        await Verify.VerifyCodeFixAsync("""
            #pragma warning disable SYSLIB0021, SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data, byte[] key)
                {
                    using var md5 = [|MD5.Create()|];
                    using var provider = [|new SHA1CryptoServiceProvider()|];
                    using var hmac = [|new HMACSHA1(key)|];
                    HashAlgorithm byName = [|HashAlgorithm.Create("MD5")|]!;
                    return [|SHA1.HashData(data)|];
                }
            }
            """, """
            #pragma warning disable SYSLIB0021, SYSLIB0045
            using System.Security.Cryptography;
            class C
            {
                byte[] M(byte[] data, byte[] key)
                {
                    using var md5 = SHA256.Create();
                    using var provider = SHA256.Create();
                    using var hmac = new HMACSHA256(key);
                    HashAlgorithm byName = HashAlgorithm.Create("SHA256")!;
                    return SHA256.HashData(data);
                }
            }
            """);
    }

    [Fact]
    public async Task Fully_qualified_names_stay_qualified()
    {
        await Verify.VerifyCodeFixAsync("""
            class C
            {
                byte[] M(byte[] data) => [|System.Security.Cryptography.MD5.HashData(data)|];
            }
            """, """
            class C
            {
                byte[] M(byte[] data) => System.Security.Cryptography.SHA256.HashData(data);
            }
            """);
    }

    [Fact]
    public async Task Not_offered_when_the_variable_is_typed_as_the_weak_algorithm()
    {
        await Verify.VerifyNoFixAsync("""
            using System.Security.Cryptography;
            class C
            {
                private readonly MD5 _md5 = [|MD5.Create()|];
                void M() { SHA1 sha = [|SHA1.Create()|]; }
            }
            """);
    }
}

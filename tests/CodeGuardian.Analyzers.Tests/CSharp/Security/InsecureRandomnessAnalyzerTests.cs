using System.Threading.Tasks;
using CodeGuardian.Analyzers.Secrets;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.InsecureRandomnessAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

public class InsecureRandomnessAnalyzerTests
{
    [Fact]
    public async Task Random_values_that_become_secrets_fire()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Text;
            class User { public string? ResetCode { get; set; } }
            class C
            {
                private readonly Random _random = new();
                private int _sessionId;

                void M(User user)
                {
                    var token = {|#0:_random.Next()|}.ToString("x8");
                    var salt = new byte[16];
                    {|#1:_random.NextBytes(salt)|};
                    user.ResetCode = {|#2:Random.Shared.Next(100000, 999999)|}.ToString();
                    _sessionId = {|#3:_random.Next()|};
                    SendOtp({|#4:_random.Next(1000, 9999)|});
                    var apiKey = $"key-{{|#5:_random.NextInt64()|}}";
                }

                void SendOtp(int otp) { }

                string GenerateToken()
                {
                    const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
                    var builder = new StringBuilder();
                    for (var i = 0; i < 32; i++)
                    {
                        builder.Append(alphabet[{|#6:_random.Next(alphabet.Length)|}]);
                    }

                    return builder.ToString();
                }

                string NewPassword => Convert.ToBase64String(BitConverter.GetBytes({|#7:_random.NextDouble()|}));
            }
            """,
            Verify.Diagnostic("CG4011").WithLocation(0).WithArguments("Random.Next", "token"),
            Verify.Diagnostic("CG4011").WithLocation(1).WithArguments("Random.NextBytes", "salt"),
            Verify.Diagnostic("CG4011").WithLocation(2).WithArguments("Random.Shared.Next", "ResetCode"),
            Verify.Diagnostic("CG4011").WithLocation(3).WithArguments("Random.Next", "_sessionId"),
            Verify.Diagnostic("CG4011").WithLocation(4).WithArguments("Random.Next", "otp"),
            Verify.Diagnostic("CG4011").WithLocation(5).WithArguments("Random.NextInt64", "apiKey"),
            Verify.Diagnostic("CG4011").WithLocation(6).WithArguments("Random.Next", "GenerateToken"),
            Verify.Diagnostic("CG4011").WithLocation(7).WithArguments("Random.NextDouble", "NewPassword"));
    }

    [Fact]
    public async Task Derived_generators_aliases_and_escaped_names_fire_like_plain_calls()
    {
        // Calls are found by a text search for Random's method names: every way C# can write them must be found too.
        await Verify.VerifyAnalyzerAsync("""
            using R = System.Random;
            class SeededRandom : System.Random
            {
                public SeededRandom() : base(7) { }
                public int Roll() => Next(6);
            }
            class C
            {
                void M(SeededRandom seeded, R random)
                {
                    var token = {|#0:seeded.Next()|};
                    var otp = {|#1:random.Nex\u0074(1000, 9999)|};
                    var key = {|#2:random.@NextInt64()|};
                    var dice = seeded.Roll();
                }
            }
            """,
            Verify.Diagnostic("CG4011").WithLocation(0).WithArguments("Random.Next", "token"),
            Verify.Diagnostic("CG4011").WithLocation(1).WithArguments("Random.Next", "otp"),
            Verify.Diagnostic("CG4011").WithLocation(2).WithArguments("Random.NextInt64", "key"));
    }

    [Fact]
    public async Task Shuffles_jitter_games_and_cryptographic_generators_do_not_fire()
    {
        await Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Security.Cryptography;
            class C
            {
                private readonly Random _random = new(42);
                void M(int[] deck, string[] keys)
                {
                    _random.Shuffle(deck);
                    Random.Shared.Shuffle(keys);
                    var jitter = TimeSpan.FromMilliseconds(_random.Next(0, 250));
                    var dice = _random.Next(1, 7);
                    var statusCode = _random.Next(200, 300);
                    var cacheKey = "item-" + _random.Next();
                    var tokenCount = _random.Next(10);
                    var token = RandomNumberGenerator.GetInt32(1000000).ToString();
                    var salt = RandomNumberGenerator.GetBytes(16);
                    // var password = _random.Next();
                    var text = "token = random.Next()";
                    Delay(_random.Next(100));
                }

                void Delay(int milliseconds) { }

                int RollDice() => _random.Next(1, 7);

                string GenerateTokenWithBackoff()
                {
                    System.Threading.Thread.Sleep(_random.Next(10, 50));
                    return System.Guid.NewGuid().ToString();
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_empty_and_half_typed_code_are_silent()
    {
        await Verify.VerifyAnalyzerAsync("// <auto-generated/>\nclass C { string token = new System.Random().Next().ToString(); }");
        await Verify.VerifyAnalyzerAsync(string.Empty);
        var test = new Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.InsecureRandomnessAnalyzer>.Test
        {
            TestCode = "class C { void M(System.Random r) { var token = r.Next(; r.NextBytes( } }",
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG4011").WithSpan(1, 49, 1, 56).WithArguments("Random.Next", "token"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData("resetToken", true)]
    [InlineData("GenerateSalt", true)]
    [InlineData("sessionId", true)]
    [InlineData("verificationCode", true)]
    [InlineData("apiKeyBytes", true)]
    [InlineData("nonce", true)]
    [InlineData("GenerateTokenAsync", true)]
    [InlineData("tokenCount", false)]
    [InlineData("keyIndex", false)]
    [InlineData("ShuffleDeck", false)]
    [InlineData("jitter", false)]
    [InlineData("statusCode", false)]
    [InlineData("GetHashCode", false)]
    [InlineData("cacheKey", false)]
    public void Security_value_names(string name, bool expected) =>
        Assert.Equal(expected, SecurityValueNames.IsSecurityValueName(name));
}

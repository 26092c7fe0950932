using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Production;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Production.DevelopmentEndpointAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp;

public class DevelopmentEndpointAnalyzerTests
{
    [Fact]
    public Task LoopbackAndBindAll_Fire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string a = "http://[|localhost:5000|]/api";
            string b = "https://[|127.0.0.1|]/health";
            string c = "http://[|0.0.0.0:8080|]";
            string d = "[|0.0.0.0:80|]";
            string e = "http://[|[::1]:5001|]/";
            string f = "Data Source=[|localhost|];Initial Catalog=Shop";
            string g = "[|LOCALHOST|]";
            string h = "http://user:secret@[|localhost:1234|]";
            string i = "http://[|app.localhost|]/";
        }
        """);

    [Fact]
    public Task StagingAndDevHosts_Fire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string a = "https://[|staging.example.com|]/v1";
            string b = "https://[|api.dev.example.com|]";
            string c = "Server=[|dev.db.example.com|];Database=Shop";
            string d = "[|staging.shop.example.org|]";
            string e = "https://[|Dev.Example.com|]";
        }
        """);

    [Fact]
    public Task MessageNamesTheHost() => Verify.VerifyAnalyzerAsync(
        """
        class C
        {
            string a = "http://localhost:5000/api";
        }
        """,
        Verify.Diagnostic("CG2004").WithSpan(3, 24, 3, 38).WithArguments("localhost:5000"));

    [Theory]
    [InlineData("@\"http://[|localhost|]\\\"")]
    [InlineData("\"\"\"http://[|localhost:7000|]\"\"\"")]
    [InlineData("\"http://[|127.0.0.1|]\"u8.ToArray()")]
    [InlineData("$\"http://[|localhost|]:{port}/x\"")]
    [InlineData("$\"\"\"url: \"http://[|staging.example.com|]/{port}\" \"\"\"")]
    [InlineData("\"say \\\"http://[|localhost|]\\\"\"")]
    [InlineData("\"http://\" + \"[|localhost|]\"")]
    public Task EveryLiteralKind_Fires(string literal) => Verify.VerifyAnalyzerAsync($$"""
        class C
        {
            object M(int port) => {{literal}};
        }
        """);

    [Fact]
    public Task MultiLineRawString_And_TwoHostsInOneLiteral_Fire() => Verify.VerifyAnalyzerAsync(""""
        class C
        {
            string Config = """
                primary: http://[|localhost:5000|]
                replica: http://[|127.0.0.1:5001|]
                """;
        }
        """");

    [Fact]
    public Task WordsEmailsVersionsAndFiles_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            string[] values =
            {
                "devops", "developer", "https://devops.example.com", "https://developer.example.com",
                "ops@dev.example.com", "admin@localhost", "0.0.0.0", "10.0.0.1", "1.127.0.0.10",
                "appsettings.dev.json", "config.staging.settings.yaml", "My.Dev.Tools", "Company.Staging.Api",
                "https://dev.azure.com/org", "https://example.dev/", "localhostname", "my_localhost",
                "dev", "staging", "https://staging/", "the dev. team", "::1", "https://example.com",
            };
        }
        """);

    [Fact]
    public Task Comments_And_Code_DoNotFire() => Verify.VerifyAnalyzerAsync("""
        class C
        {
            // Calls http://localhost:5000 while developing.
            /* https://staging.example.com */
            /// <summary>Talks to http://127.0.0.1.</summary>
            void M(string localhost) { var url = $"{localhost}/api"; }
        }
        """);

    [Fact]
    public Task TestProject_DoesNotFire() => Verify.VerifyAnalyzerAsync("""
        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
        class ApiTests
        {
            const string BaseUrl = "http://localhost:5000";
        }
        """);

    [Theory]
    [InlineData("xunit.core")]
    [InlineData("nunit.framework")]
    [InlineData("Microsoft.VisualStudio.TestPlatform.TestFramework")]
    public Task ProjectReferencingTestFramework_DoesNotFire(string assemblyName)
    {
        var test = new Verify.Test
        {
            TestCode = """
                class ApiTests { const string BaseUrl = "http://localhost:5000"; }
                """,
        };
        test.TestState.AdditionalReferences.Add(StubAssembly(assemblyName));
        return test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public Task TestFilePath_DoesNotFire() => CSharpRuleTest.VerifyAtPathAsync<DevelopmentEndpointAnalyzer>(
        "/src/test/ApiClientTests.cs",
        """
        class ApiClientTests { const string BaseUrl = "http://localhost:5000"; }
        """);

    [Fact]
    public Task TestFilePath_WithIncludeTests_Fires() => CSharpRuleTest.VerifyAtPathAsync<DevelopmentEndpointAnalyzer>(
        "/src/tests/ApiClientTests.cs",
        """
        class ApiClientTests { const string BaseUrl = "http://[|localhost:5000|]"; }
        """,
        "codeguardian.CG2004.include_tests = true");

    [Fact]
    public Task ModernSyntax_Fires() => CSharpRuleTest.VerifyProgramAsync<DevelopmentEndpointAnalyzer>(""""
        string[] urls = ["http://[|localhost:5000|]", """https://[|staging.example.com|]"""];
        var client = new Client(urls[0]);
        record Client(string BaseUrl = "http://[|127.0.0.1|]");
        """");

    [Fact]
    public Task AttributesAndSwitchLabels_Fire() => Verify.VerifyAnalyzerAsync("""
        [System.Obsolete("use http://[|localhost:9000|] instead")]
        class C
        {
            bool M(string host) => host switch { "[|localhost|]" => true, _ => false };
        }
        """);

    [Fact]
    public Task GeneratedCode_IsSkipped() => Verify.VerifyAnalyzerAsync("""
        // <auto-generated/>
        class C { string a = "http://localhost:5000"; }
        """);

    [Fact]
    public Task EmptySource_DoesNotFire() => Verify.VerifyAnalyzerAsync(string.Empty);

    [Fact]
    public async Task HalfTypedCode_DoesNotThrow()
    {
        var diagnostics = await CSharpRuleTest.VerifyNoCrashAsync<DevelopmentEndpointAnalyzer>(""""
            class C
            {
                string a = "http://localhost:50
                string b = @"http://[::1
                string c = $"http://{
                string d = """
            """");
        Assert.NotEmpty(diagnostics);
    }

    /// <summary>A tiny assembly with the given name, standing in for a test framework package.</summary>
    private static Microsoft.CodeAnalysis.MetadataReference StubAssembly(string name)
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            name,
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Stub { public sealed class Marker { } }") },
            Verifiers.TestReferences.Net80,
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        using var image = new System.IO.MemoryStream();
        Assert.True(compilation.Emit(image).Success);
        return Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());
    }
}

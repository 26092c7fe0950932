using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Production;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Production.DebugOutputAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp;

public class DebugOutputAnalyzerTests
{
    private const string Library = "build_property.OutputType = Library";

    private const string Source = """
        using System;
        class C
        {
            void M(int x)
            {
                [|Console.WriteLine("x = " + x)|];
                [|Console.Write(x)|];
                [|Console.Out.WriteLine(x)|];
                [|Console.Error.Write("oops")|];
            }
        }
        """;

    private const string SilentSource = """
        using System;
        class C
        {
            void M(int x)
            {
                Console.WriteLine("x = " + x);
                Console.Error.WriteLine(x);
            }
        }
        """;

    [Fact]
    public Task Library_Fires() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(Source, Library);

    [Fact]
    public Task WebProject_Fires_EvenAsExe() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        Source, "build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = true");

    [Fact]
    public Task UnknownOutputType_LibraryCompilation_Fires() => Verify.VerifyAnalyzerAsync(Source);

    [Fact]
    public Task MessageAndSpan() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        """
        class C
        {
            void M() { System.Console.Out.WriteLineAsync("a"); }
        }
        """,
        Library,
        Verify.Diagnostic("CG2001").WithSpan(3, 16, 3, 54).WithArguments("Console.Out.WriteLineAsync"));

    [Fact]
    public Task UsingStatic_And_MultiLine_Fire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        """
        using static System.Console;
        class C
        {
            void M(int a, int b)
            {
                [|WriteLine(
                    "{0} {1}",
                    a,
                    b)|];
            }
        }
        """,
        Library);

    [Fact]
    public Task ConsoleApp_DoesNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(SilentSource, "build_property.OutputType = Exe");

    [Fact]
    public Task WinExe_DoesNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(SilentSource, "build_property.OutputType = WinExe\nbuild_property.UsingMicrosoftNETSdkWeb = false");

    [Fact]
    public Task UnknownOutputType_ConsoleCompilation_DoesNotFire() => CSharpRuleTest.VerifyProgramAsync<DebugOutputAnalyzer>("""
        System.Console.WriteLine("hello");
        """);

    [Fact]
    public Task TopLevelStatements_InWebProject_Fire() => CSharpRuleTest.VerifyProgramAsync<DebugOutputAnalyzer>(
        """
        var port = 5000;
        [|System.Console.WriteLine($"listening on {port}")|];
        """,
        "build_property.OutputType = Exe\nbuild_property.UsingMicrosoftNETSdkWeb = true");

    [Fact]
    public Task TestProject_DoesNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        SilentSource + """

        namespace Xunit { public sealed class FactAttribute : System.Attribute { } }
        """,
        Library);

    [Fact]
    public Task TestProject_WithIncludeTests_Fires() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        Source + """

        namespace NUnit.Framework { public sealed class TestAttribute : System.Attribute { } }
        """,
        Library + "\ncodeguardian.CG2001.include_tests = true");

    [Fact]
    public Task IsTestProjectProperty_DoesNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        SilentSource, Library + "\nbuild_property.IsTestProject = true");

    [Fact]
    public Task TestFilePath_DoesNotFire() => CSharpRuleTest.VerifyAtPathAsync<DebugOutputAnalyzer>("/src/tests/ParserTests.cs", SilentSource, Library);

    [Fact]
    public Task OtherWritersAndLookalikes_DoNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        """
        using System.IO;
        class Console { public static void WriteLine(string s) { } }
        class C
        {
            void M(TextWriter writer, StringWriter sw)
            {
                writer.WriteLine("x");
                sw.Write(1);
                Console.WriteLine("own type");
                System.Diagnostics.Debug.WriteLine("debug");
                var key = System.Console.ReadLine();
                // Console.WriteLine("comment");
                var s = "Console.WriteLine(\"string\")";
            }
        }
        """,
        Library);

    [Fact]
    public Task ModernSyntax_Fires() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        """"
        namespace N;
        using System;
        class Service(int port)
        {
            int[] Ports => [port];
            void Log() => [|Console.WriteLine("""port {0}""", port)|];
        }
        """",
        Library);

    [Fact]
    public Task GeneratedCode_IsSkipped() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        "// <auto-generated/>\n" + SilentSource, Library);

    [Fact]
    public Task EmptySource_DoesNotFire() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(string.Empty, Library);

    [Fact]
    public Task HalfTypedCode_DoesNotThrow() => CSharpRuleTest.VerifyNoCrashAsync<DebugOutputAnalyzer>("""
        class C
        {
            void M() { System.Console.WriteLine(; Console.Write( ; System.Console.Out. ; WriteLine
        """);

    [Fact]
    public Task AliasOfConsole_Fires_LowerCaseReceiver_IsNotBound() => CSharpRuleTest.VerifyWithGlobalConfigAsync<DebugOutputAnalyzer>(
        """
        using Con = System.Console;
        class C
        {
            private readonly System.IO.TextWriter _out = System.Console.Out;

            void M(System.IO.TextWriter writer)
            {
                [|Con.WriteLine("alias")|];
                writer.WriteLine("a writer");
                _out.Write(1);
            }
        }
        """,
        Library);
}

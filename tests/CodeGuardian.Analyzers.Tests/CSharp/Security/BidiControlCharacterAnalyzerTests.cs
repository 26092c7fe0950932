using System.Threading.Tasks;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.BidiControlCharacterAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

public class BidiControlCharacterAnalyzerTests
{
    [Fact]
    public Task EmptySource_NoDiagnostics() => Verify.VerifyAnalyzerAsync("");

    [Fact]
    public Task OverrideInComment_FiresWithPlace() => Verify.VerifyAnalyzerAsync(
        "class C\n{\n    bool IsAdmin() => false; /* {|#0:\u202E|} } if (true) { */\n}\n",
        Verify.Diagnostic("CG4016").WithLocation(0).WithArguments("202E", "a comment"));

    [Fact]
    public Task IsolateInString_FiresWithPlace() => Verify.VerifyAnalyzerAsync(
        "class C\n{\n    string s = \"user{|#0:\u2067|}\";\n}\n",
        Verify.Diagnostic("CG4016").WithLocation(0).WithArguments("2067", "a string literal"));

    [Fact]
    public Task EveryExplicitControl_Fires()
    {
        var source = "class C\n{\n    // ";
        var expected = new System.Collections.Generic.List<Microsoft.CodeAnalysis.Testing.DiagnosticResult>();
        var index = 0;
        foreach (var c in "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069")
        {
            source += "{|#" + index + ":" + c + "|}";
            expected.Add(Verify.Diagnostic("CG4016").WithLocation(index).WithArguments(((int)c).ToString("X4"), "a comment"));
            index++;
        }

        return Verify.VerifyAnalyzerAsync(source + "\n}\n", expected.ToArray());
    }

    [Fact]
    public Task ImplicitMarksAndOrdinaryRtlText_DoNotFire() => Verify.VerifyAnalyzerAsync(
        "class C\n{\n    string hebrew = \"\u05E9\u05DC\u05D5\u05DD\u200F\";\n    string arabic = \"\u0645\u0631\u062D\u0628\u0627\u200E\";\n}\n");

    [Fact]
    public Task EscapedInSource_DoesNotFire() => Verify.VerifyAnalyzerAsync(
        "class C\n{\n    string s = \"\\u202E\";\n}\n");
}

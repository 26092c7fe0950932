using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;

namespace CodeGuardian.Analyzers.Tests.Text.Common;

public class BidiControlCharacterRuleTests
{
    [Theory]
    [InlineData("/src/a.js", "const isAdmin = false; /* {|#0:\u202E|} } if (isAdmin) { */", "202E", "a comment")]
    [InlineData("/scripts/a.py", "access = \"user{|#0:\u2067|} # admin\"", "2067", "a string literal")]
    [InlineData("/db/a.sql", "SELECT 1{|#0:\u2066|};", "2066", "code")]
    [InlineData("/native/src/a.rs", "// check {|#0:\u202D|}skipped", "202D", "a comment")]
    public Task BidiControl_FiresWithPlace(string path, string markup, string codePoint, string where) =>
        TextFileVerifier.VerifyAsync(path, markup, TextFileVerifier.Diagnostic("CG4016").WithLocation(0).WithArguments(codePoint, where));

    [Theory]
    [InlineData("/src/a.js", "const s = '\\u202E'; // escaped, not the character")]
    [InlineData("/scripts/a.py", "greeting = \"\u05E9\u05DC\u05D5\u05DD\u200F\"")]
    public Task EscapesAndImplicitMarks_DoNotFire(string path, string source) => TextFileVerifier.VerifyAsync(path, source);
}

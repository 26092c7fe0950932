using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

/// <summary>Suppression comments work in Rust comment syntax, and a directive inside a string does nothing.</summary>
public class RustSuppressionTests
{
    [Fact]
    public Task Line_and_block_comment_directives_suppress() => RustRuleVerifier.VerifyAsync(RuleIdentifiers.PanickingCall, """
        pub fn f() {
            // codeguardian-disable-next-line CG2005 -- validated above
            x.unwrap();
            y.unwrap(); /* codeguardian-disable-line CG2005 */
            let s = "codeguardian-disable-next-line CG2005";
            z{|CG2005:.unwrap()|};
        }
        """);
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustNotImplementedPlaceholderRuleTests
{
    private const string Id = RuleIdentifiers.NotImplementedPlaceholder;

    [Fact]
    public Task Todo_and_unimplemented_fire_on_the_macro_name() => RustRuleVerifier.VerifyAsync(Id, """
        fn parse(input: &str) -> Ast {
            {|CG1005:todo!|}()
        }
        fn eval(ast: &Ast) -> Value {
            {|CG1005:unimplemented!|}("eval for {:?}", ast)
        }
        fn other() { std::{|CG1005:todo!|}() }
        """);

    [Fact]
    public Task Message_names_the_macro() => RustRuleVerifier.VerifyAsync(Id, "fn f() { todo!() }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.NotImplementedPlaceholder, "/src/lib.rs", 1, 10, 15, "todo!()"));

    [Fact]
    public Task Strings_comments_identifiers_and_definitions_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // todo!() later
        /* unimplemented!() /* nested todo!() */ */
        fn todo_list() -> Vec<String> {
            let todo = "todo!()";
            let raw = r#"unimplemented!("x")"#;
            let todo_count = todo.len();
            macro_rules! todo_like { () => {} }
            vec![]
        }
        """);
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustDebugOutputRuleTests
{
    private const string Id = RuleIdentifiers.DebugOutput;

    [Fact]
    public Task Print_macros_fire_in_library_files() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn load(path: &str) {
            {|CG2001:println!|}("loading {}", path);
            {|CG2001:print!|}("x");
            {|CG2001:eprintln!|}("warn");
            {|CG2001:eprint!|}("e");
            let v = {|CG2001:dbg!|}(path.len());
        }
        """);

    [Fact]
    public Task Println_in_a_file_with_main_does_not_fire_but_dbg_does() => RustRuleVerifier.VerifyAsync(Id, """
        fn helper() { println!("helper output"); }
        fn main() {
            println!("hello");
            eprintln!("usage: tool <file>");
            let x = {|CG2001:dbg!|}(2 + 2);
        }
        """, "/src/main.rs");

    [Fact]
    public Task Main_inside_an_impl_or_module_is_not_an_entry_point() => RustRuleVerifier.VerifyAsync(Id, """
        struct App;
        impl App {
            fn main() { {|CG2001:println!|}("not the entry point"); }
        }
        mod inner { fn main() { {|CG2001:println!|}("nor this"); } }
        """);

    [Fact]
    public Task Test_code_is_exempt() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn f() {}
        #[cfg(test)]
        mod tests {
            #[test]
            fn shows() { println!("debug"); dbg!(1); }
        }
        #[test]
        fn top_level_test() { println!("x"); }
        #[tokio::test]
        async fn async_test() { dbg!(2); }
        """);

    [Theory]
    [InlineData("/tests/integration.rs")]
    [InlineData("/src/parser_test.rs")]
    public Task Test_files_are_exempt(string path) => RustRuleVerifier.VerifyAsync(Id, """
        pub fn f() { println!("x"); dbg!(1); }
        """, path);

    [Fact]
    public Task Strings_comments_and_method_names_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // println!("commented out");
        /* dbg!(x) /* nested println!() */ */
        pub fn f(w: &mut impl std::io::Write) {
            let s = "println!(\"x\")";
            let r = r##"dbg!(y) "# "##;
            writeln!(w, "to a writer").ok();
            log::info!("logged");
            w.println();
        }
        """);

    [Fact]
    public Task Message_names_the_macro() => RustRuleVerifier.VerifyAsync(Id, "pub fn f() {\n    dbg!(1);\n}", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.DebugOutput, "/src/lib.rs", 2, 5, 9, "dbg!"));
}

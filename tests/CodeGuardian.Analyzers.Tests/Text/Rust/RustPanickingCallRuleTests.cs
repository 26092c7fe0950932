using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustPanickingCallRuleTests
{
    private const string Id = RuleIdentifiers.PanickingCall;

    [Fact]
    public Task Unwrap_expect_panic_and_unreachable_fire_in_library_code() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn port(s: &str) -> u16 {
            let n: u16 = s.parse(){|CG2005:.unwrap()|};
            let m: u16 = s.parse(){|CG2005:.expect|}("a port number");
            if n == 0 { {|CG2005:panic!|}("zero") }
            match n { 1 => m, _ => {|CG2005:unreachable!|}() }
        }
        """);

    [Fact]
    public Task Multi_line_chains_fire_on_the_call() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn read() -> String {
            std::fs::read_to_string("config.toml")
                {|CG2005:.unwrap()|}
                .trim()
                .to_owned()
        }
        pub async fn fetch(c: &Client) -> Body {
            c.get(URL).send().await{|CG2005:.unwrap()|}.json().await
                {|CG2005:.expect|}(
                    "valid json")
        }
        """);

    [Fact]
    public Task Non_panicking_variants_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn f(o: Option<u8>, r: Result<u8, E>) -> u8 {
            o.unwrap_or(0) + o.unwrap_or_default() + o.unwrap_or_else(|| 1)
                + r.unwrap_or(0) + r.clone().unwrap_err().code() + r.expect_err("must fail").code()
                + unsafe { o.unwrap_unchecked() }
        }
        fn unwrap() {}
        fn g() { unwrap(); let expect = 1; }
        """);

    [Fact]
    public Task Tests_and_main_are_exempt() => RustRuleVerifier.VerifyAsync(Id, """
        fn main() {
            let cfg = load().unwrap();
            let closure = || load().expect("in main");
            if cfg.bad { panic!("bad config"); }
        }
        pub fn lib() -> u8 { load(){|CG2005:.unwrap()|} }
        #[cfg(test)]
        mod tests {
            use super::*;
            #[test]
            fn t() { load().unwrap(); panic!("x"); }
            fn helper() { load().expect("helper"); unreachable!(); }
        }
        #[test]
        fn top() { load().unwrap(); }
        #[cfg(all(test, feature = "x"))]
        mod more { fn h() { load().unwrap(); } }
        #[cfg(not(test))]
        fn production() { load(){|CG2005:.unwrap()|}; }
        """, "/src/main.rs");

    [Fact]
    public Task Inner_cfg_test_attribute_makes_the_file_test_code() => RustRuleVerifier.VerifyAsync(Id, """
        #![cfg(test)]
        fn t() { load().unwrap(); }
        """);

    [Theory]
    [InlineData("/tests/api.rs")]
    [InlineData("/examples/demo.rs")]
    [InlineData("/benches/speed.rs")]
    [InlineData("/build.rs")]
    [InlineData("/src/codec_test.rs")]
    [InlineData("/crates/core/examples/demo.rs")]
    public Task Tolerant_paths_are_exempt(string path) => RustRuleVerifier.VerifyAsync(Id, """
        pub fn f() { load().unwrap(); x.expect("y"); panic!("z"); }
        """, path);

    [Fact]
    public Task Folder_names_above_the_project_do_not_exempt() => RustRuleVerifier.VerifyInProjectAsync(Id, """
        pub fn f() { load(){|CG2005:.unwrap()|}; }
        """, "/home/examples/app/src/lib.rs", "/home/examples/app/");

    [Fact]
    public Task Examples_folder_inside_the_project_is_exempt() => RustRuleVerifier.VerifyInProjectAsync(Id, """
        pub fn f() { load().unwrap(); }
        """, "/home/ci/app/examples/demo.rs", "/home/ci/app/");

    [Fact]
    public Task Src_main_rs_outside_main_fires() => RustRuleVerifier.VerifyAsync(Id, """
        fn helper() -> u8 { load(){|CG2005:.unwrap()|} }
        fn main() { helper(); load().unwrap(); }
        """, "/src/main.rs");

    [Fact]
    public Task Strings_and_comments_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // x.unwrap()
        /* panic!("a") /* x.expect("b") */ unreachable!() */
        /// Panics: calls `.unwrap()`.
        pub fn f() -> &'static str { "x.unwrap() panic!()" }
        pub fn g() -> &'static str { r#"y.expect("z")"# }
        """);

    [Fact]
    public Task Message_names_the_call() => RustRuleVerifier.VerifyAsync(Id, "pub fn f() { x.unwrap(); }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.PanickingCall, "/src/lib.rs", 1, 15, 24, ".unwrap()"));
}

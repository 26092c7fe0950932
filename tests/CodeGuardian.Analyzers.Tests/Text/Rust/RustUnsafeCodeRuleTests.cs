using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustUnsafeCodeRuleTests
{
    private const string Id = RuleIdentifiers.UnsafeRust;

    [Fact]
    public Task Unsafe_block_fn_impl_trait_and_extern_fire_on_the_keyword() => RustRuleVerifier.VerifyAsync(Id, """
        pub {|CG4013:unsafe|} fn raw(p: *const u8) -> u8 {
            {|CG4013:unsafe|} { *p }
        }
        {|CG4013:unsafe|} impl Send for Wrapper {}
        pub {|CG4013:unsafe|} trait Zeroable {}
        {|CG4013:unsafe|} extern "C" { fn abs(x: i32) -> i32; }
        """);

    [Fact]
    public Task Transmute_and_box_from_raw_fire_on_the_path() => RustRuleVerifier.VerifyAsync(Id, """
        use std::mem;
        fn f(p: *mut Node) -> Box<Node> {
            let x: f32 = {|CG4013:unsafe|} { {|CG4013:mem::transmute|}(1u32) };
            let y: f32 = {|CG4013:unsafe|} { {|CG4013:std::mem::transmute|}::<u32, f32>(1) };
            {|CG4013:unsafe|} { {|CG4013:Box::from_raw|}(p) }
        }
        """);

    [Fact]
    public Task Imported_and_aliased_transmute_fire() => RustRuleVerifier.VerifyAsync(Id, """
        use std::mem::transmute;
        use core::mem::transmute as reinterpret;
        fn f() {
            let a: f32 = {|CG4013:unsafe|} { {|CG4013:transmute|}(1u32) };
            let b: f32 = {|CG4013:unsafe|} { {|CG4013:reinterpret|}(1u32) };
        }
        """);

    [Fact]
    public Task Local_function_named_transmute_does_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        fn transmute(x: u32) -> u32 { x }
        fn f() -> u32 { transmute(1) + my::mem2::transmute(2) }
        """);

    [Fact]
    public Task Unsafe_in_comments_strings_raw_strings_and_raw_identifiers_does_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // unsafe { mem::transmute(x) }
        /* outer /* nested unsafe */ still comment: unsafe fn x() */
        /// Calls `Box::from_raw` internally. unsafe.
        fn f() {
            let s = "unsafe { }";
            let r = r#"unsafe impl Send for X {} "# ;
            let r#unsafe = 1;
            let c = 'u';
        }
        """);

    [Fact]
    public Task Message_names_the_construct() => RustRuleVerifier.VerifyAsync(Id, "fn f() { unsafe { } }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.UnsafeRust, "/src/lib.rs", 1, 10, 16, "unsafe block"));

    [Fact]
    public Task Fires_in_tests_too() => RustRuleVerifier.VerifyAsync(Id, """
        #[test]
        fn t() { {|CG4013:unsafe|} { } }
        """, "/tests/it.rs");
}

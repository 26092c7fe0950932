using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustWeakHashRuleTests
{
    private const string Id = RuleIdentifiers.WeakHash;

    [Fact]
    public Task Md5_and_sha1_calls_fire_on_the_path() => RustRuleVerifier.VerifyAsync(Id, """
        use md5::{Md5, Digest};
        use sha1::Sha1;
        pub fn a(data: &[u8]) {
            let d = {|CG4009:md5::compute|}(data);
            let mut h = {|CG4009:Md5::new|}();
            let s = {|CG4009:Sha1::new|}();
            let o = {|CG4009:Md5::digest|}(data);
            let q = {|CG4009:sha1::Sha1::from|}(data).digest();
            let t: {|CG4009:sha1::Sha1|} = Default::default();
            let m = {|CG4009:MessageDigest::md5|}();
        }
        """);

    [Fact]
    public Task Aliases_resolve() => RustRuleVerifier.VerifyAsync(Id, """
        use sha1::Sha1 as LegacyHasher;
        use md5 as legacy;
        pub fn a(data: &[u8]) {
            let h = {|CG4009:LegacyHasher::new|}();
            let d = {|CG4009:legacy::compute|}(data);
        }
        """);

    [Fact]
    public Task Strong_hashes_imports_comments_and_strings_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        use md5::Md5;
        use sha1::Sha1;
        // md5::compute(data)
        /* Sha1::new() /* Md5::new() */ */
        pub fn a(data: &[u8]) {
            let h = Sha256::new();
            let s = sha2::Sha512::digest(data);
            let text = "md5::compute(x)";
            let raw = r#"Sha1::new()"#;
            let name = my_md5_label();
        }
        """);

    [Fact]
    public Task Message_names_the_algorithm_call() => RustRuleVerifier.VerifyAsync(Id, "fn f() { md5::compute(b\"x\"); }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.WeakHash, "/src/lib.rs", 1, 10, 22, "md5::compute"));
}

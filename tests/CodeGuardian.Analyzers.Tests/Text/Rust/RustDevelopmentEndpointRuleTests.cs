using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustDevelopmentEndpointRuleTests
{
    private const string Id = RuleIdentifiers.DevelopmentEndpoint;

    [Fact]
    public Task Loopback_and_wildcard_hosts_fire_on_the_host() => RustRuleVerifier.VerifyAsync(Id, """
        pub const API: &str = "http://{|CG2004:localhost|}:8080/api";
        pub fn bind() -> &'static str { "{|CG2004:0.0.0.0|}:3000" }
        pub fn db() -> String { String::from("postgres://app@{|CG2004:127.0.0.1|}/app") }
        pub fn v6() -> &'static str { "http://{|CG2004:[::1]|}:9000" }
        pub fn raw() -> &'static str { r#"redis://{|CG2004:localhost|}"# }
        pub fn conn() -> &'static str { "host={|CG2004:localhost|} user=app" }
        pub fn bytes() -> &'static [u8] { b"{|CG2004:localhost|}:6379" }
        """);

    [Fact]
    public Task Staging_and_dev_hosts_fire() => RustRuleVerifier.VerifyAsync(Id, """
        pub const A: &str = "https://{|CG2004:api.staging.example.com|}/v1";
        pub const B: &str = "https://{|CG2004:dev.example.com|}";
        pub const C: &str = "{|CG2004:staging.internal.corp|}";
        """);

    [Fact]
    public Task Multi_line_string_reports_the_exact_host() => RustRuleVerifier.VerifyAsync(Id, """
        pub const HELP: &str = "Usage:
          connect to http://{|CG2004:localhost|}:5000
        ";
        """);

    [Fact]
    public Task Non_endpoints_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // http://localhost:8080 in a comment
        /* "127.0.0.1" /* nested "0.0.0.0" */ */
        /// Defaults to `http://localhost`.
        pub const A: &str = "https://api.example.com";
        pub const B: &str = "could not reach localhost";
        pub const C: &str = "config/dev.toml";
        pub const D: &str = "dev.json";
        pub const E: &str = "mylocalhost.example.com";
        pub const F: &str = "http://devices.example.com";
        pub const G: &str = "10.127.0.0.15";
        pub fn localhost() -> bool { true }
        """);

    [Fact]
    public Task Test_code_is_exempt() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn url() -> String { std::env::var("URL").unwrap() }
        #[cfg(test)]
        mod tests {
            const URL: &str = "http://localhost:8080";
            #[test]
            fn t() { let u = "127.0.0.1:0"; }
        }
        """);

    [Theory]
    [InlineData("/tests/api.rs")]
    [InlineData("/src/client_test.rs")]
    public Task Test_files_are_exempt(string path) => RustRuleVerifier.VerifyAsync(Id, """
        const URL: &str = "http://localhost:8080";
        """, path);

    [Fact]
    public Task Message_names_the_host() => RustRuleVerifier.VerifyAsync(Id, "const U: &str = \"http://localhost:1\";", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.DevelopmentEndpoint, "/src/lib.rs", 1, 25, 34, "localhost"));
}

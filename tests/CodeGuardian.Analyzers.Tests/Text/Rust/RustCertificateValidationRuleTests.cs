using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustCertificateValidationRuleTests
{
    private const string Id = RuleIdentifiers.CertificateValidationDisabled;

    [Fact]
    public Task Danger_methods_with_true_fire() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn client() -> reqwest::Client {
            reqwest::Client::builder()
                .{|CG4012:danger_accept_invalid_certs(true)|}
                .{|CG4012:danger_accept_invalid_hostnames( true )|}
                .build()
                .unwrap()
        }
        pub fn ssl(b: &mut SslConnectorBuilder) { b.set_verify({|CG4012:SslVerifyMode::NONE|}); }
        """);

    [Fact]
    public Task Verifier_that_accepts_everything_fires() => RustRuleVerifier.VerifyAsync(Id, """
        impl ServerCertVerifier for NoVerify {
            fn {|CG4012:verify_server_cert|}(
                &self, _end: &CertificateDer<'_>, _i: &[CertificateDer<'_>], _n: &ServerName<'_>, _o: &[u8], _now: UnixTime,
            ) -> Result<ServerCertVerified, Error> {
                Ok(ServerCertVerified::assertion())
            }
        }
        """);

    [Fact]
    public Task Real_validation_false_and_configurable_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // .danger_accept_invalid_certs(true)
        /* b.set_verify(SslVerifyMode::NONE) /* nested */ */
        pub fn client(insecure: bool) -> reqwest::Client {
            let s = "danger_accept_invalid_certs(true)";
            reqwest::Client::builder()
                .danger_accept_invalid_certs(false)
                .danger_accept_invalid_certs(insecure)
                .build()
                .unwrap()
        }
        impl ServerCertVerifier for Pinned {
            fn verify_server_cert(&self, end: &CertificateDer<'_>) -> Result<ServerCertVerified, Error> {
                if end.as_ref() == PIN { Ok(ServerCertVerified::assertion()) } else { Err(Error::General("pin".into())) }
            }
        }
        pub fn ssl(b: &mut SslConnectorBuilder) { b.set_verify(SslVerifyMode::PEER); }
        """);

    [Fact]
    public Task Message_names_the_call() => RustRuleVerifier.VerifyAsync(Id, "fn f() { b.danger_accept_invalid_certs(true); }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.CertificateValidationDisabled, "/src/lib.rs", 1, 12, 45, "danger_accept_invalid_certs(true)"));
}

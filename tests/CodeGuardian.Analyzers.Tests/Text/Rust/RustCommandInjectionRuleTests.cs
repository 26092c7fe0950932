using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustCommandInjectionRuleTests
{
    private const string Id = RuleIdentifiers.CommandInjection;

    [Fact]
    public Task Shell_with_run_time_command_fires_on_the_argument() => RustRuleVerifier.VerifyAsync(Id, """
        use std::process::Command;
        pub fn run(user: &str) {
            Command::new("sh").arg("-c").arg({|CG4002:user|}).output().unwrap();
            Command::new("bash").args(["-c", {|CG4002:&format!("ls {}", user)|}]).status().unwrap();
            Command::new("cmd").args(&["/C", {|CG4002:user|}]).spawn().unwrap();
            std::process::Command::new("/bin/sh").arg("-c").arg({|CG4002:format!("echo {user}")|}).spawn().unwrap();
        }
        """);

    [Fact]
    public Task Multi_line_chains_and_later_statements_fire() => RustRuleVerifier.VerifyAsync(Id, """
        use std::process::Command as Cmd;
        pub fn run(script: String) {
            let out = Cmd::new("powershell")
                .arg("-Command")
                .arg(
                    {|CG4002:script.clone()|},
                )
                .output();
            let mut c = tokio::process::Command::new("zsh");
            c.arg("-c");
            c.arg({|CG4002:&script|});
            c.spawn();
        }
        """);

    [Fact]
    public Task Constant_commands_and_argument_arrays_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        use std::process::Command;
        const SCRIPT: &str = "make build";
        pub fn ok(file: &str) {
            Command::new("sh").arg("-c").arg("ls -la | wc -l").output();
            Command::new("sh").args(["-c", "echo hi"]).output();
            Command::new("bash").arg("-c").arg(SCRIPT).output();
            let fixed = "git status";
            Command::new("sh").arg("-c").arg(fixed).output();
            Command::new("git").arg("-c").arg(file).output();
            Command::new("ls").args(["-la", file]).output();
            Command::new("sh").arg("script.sh").arg(file).output();
            let c = clap::Command::new("tool").arg(file);
        }
        """);

    [Fact]
    public Task Strings_and_comments_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // Command::new("sh").arg("-c").arg(user)
        /* Command::new("bash") /* nested */ .arg("-c").arg(x) */
        pub fn f() -> &'static str { r#"Command::new("sh").arg("-c").arg(user)"# }
        """);

    [Fact]
    public Task Message_names_the_shell_and_the_cause() => RustRuleVerifier.VerifyAsync(Id, "fn f(u: &str) { Command::new(\"sh\").arg(\"-c\").arg(u); }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.CommandInjection, "/src/lib.rs", 1, 50, 51, "sh -c", "a run-time value"));
}

public class RustCommandInjectionRuleMoreTests
{
    [Fact]
    public Task Vec_args_and_cmd_exe_fire() => RustRuleVerifier.VerifyAsync(RuleIdentifiers.CommandInjection, """
        pub fn run(line: String) {
            std::process::Command::new("cmd.exe").args(vec!["/C".to_string(), {|CG4002:line.clone()|}]).spawn();
            std::process::Command::new("sh").args(vec!["-c", {|CG4002:&line|}]).spawn();
            std::process::Command::new(String::from("bash")).arg(&"-c").arg({|CG4002:line|}).spawn();
        }
        """);

    [Fact]
    public Task Shadowed_binding_stops_the_statement_scan() => RustRuleVerifier.VerifyAsync(RuleIdentifiers.CommandInjection, """
        pub fn run(user: &str) {
            let mut c = Command::new("sh");
            c.arg("-c").arg("ls");
            let mut c = Command::new("git");
            c.arg("-c").arg(user);
        }
        """);
}

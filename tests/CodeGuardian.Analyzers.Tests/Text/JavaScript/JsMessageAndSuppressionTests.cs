using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

/// <summary>Messages name the construct and the fix; suppression comments work in JS files.</summary>
public class JsMessageAndSuppressionTests
{
    private static DiagnosticResult Warning(string id, int line, int column, int endLine, int endColumn, string message) =>
        DiagnosticResult.CompilerWarning(id).WithSpan("/src/app.js", line, column, endLine, endColumn).WithMessage(message);

    [Fact]
    public Task Sql_injection_message() => JsRuleTest.VerifyAsync(
        "CG4001",
        "db.query(`SELECT * FROM t WHERE id = ${id}`);",
        expected: Warning("CG4001", 1, 1, 1, 9, "'db.query' receives SQL built from a template literal with ${} interpolation; pass the values as parameters instead"));

    [Fact]
    public Task Command_injection_message_names_the_module_member() => JsRuleTest.VerifyAsync(
        "CG4002",
        "const { exec: run } = require('child_process');\nrun('ls ' + dir);",
        expected: Warning("CG4002", 2, 1, 2, 4, "'child_process.exec' receives a command built from string concatenation; run a fixed program with an argument list and no shell"));

    [Fact]
    public Task Path_traversal_message_names_the_input() => JsRuleTest.VerifyAsync(
        "CG4005",
        "res.sendFile(req.params.file);",
        expected: Warning("CG4005", 1, 1, 1, 13, "'res.sendFile' receives a path from request input 'req.params.file'; reduce it to a file name and validate it"));

    [Fact]
    public Task Insecure_randomness_message_names_the_target() => JsRuleTest.VerifyAsync(
        "CG4011",
        "const apiKey = Math.random().toString(36);",
        expected: Warning("CG4011", 1, 16, 1, 29, "'Math.random()' is predictable but produces the security value 'apiKey'; use a cryptographic random number generator"));

    [Fact]
    public Task Debug_output_message() => JsRuleTest.VerifyAsync(
        "CG2001",
        "console.table(rows);",
        expected: Warning("CG2001", 1, 1, 1, 14, "Debug output 'console.table' left in production code; use a logger or remove it"));

    [Fact]
    public Task Development_endpoint_message_shows_host_and_port() => JsRuleTest.VerifyAsync(
        "CG2004",
        "fetch('http://localhost:8080/api');",
        expected: Warning("CG2004", 1, 15, 1, 29, "Hard-coded development endpoint 'localhost:8080'; read the address from configuration"));

    [Fact]
    public Task Suppression_comments_apply_to_js_rules() => JsRuleTest.VerifyAsync("CG2001", """
        // codeguardian-disable-next-line CG2001 -- startup banner
        console.log("banner");
        console.info("x"); // codeguardian-disable-line CG2001
        /* codeguardian-disable CG2001 */
        console.debug("a");
        /* codeguardian-enable CG2001 */
        {|CG2001:console.log|}("still reported");
        """);
}

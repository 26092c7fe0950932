using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JsNotImplementedRuleTests
{
    [Fact]
    public Task Throw_not_implemented_in_any_case_fires() => JsRuleTest.VerifyAsync("CG1005", """
        function a() { {|CG1005:throw new Error("not implemented")|}; }
        function b() { {|CG1005:throw new Error('Not Implemented yet')|}; }
        class C { m(): void { {|CG1005:throw new Error("Method not implemented.")|}; } }
        function d() { {|CG1005:throw new TypeError(`NOT YET IMPLEMENTED`)|} }
        function e() { {|CG1005:throw "unimplemented"|}; }
        function f() { {|CG1005:throw new NotImplementedError()|}; }
        """, "/src/app.ts");

    [Fact]
    public Task Other_errors_strings_and_comments_do_not_fire() => JsRuleTest.VerifyAsync("CG1005", """
        function a() { throw new Error("invalid id"); }
        // throw new Error("not implemented")
        const s = 'throw new Error("not implemented")';
        const msg = "not implemented";
        log(new Error("not implemented"));
        """);

    [Fact]
    public Task Multi_line_throw_spans_the_whole_construct() => JsRuleTest.VerifyAsync("CG1005", """
        function a() {
          {|CG1005:throw new Error(
            "not implemented"
          )|};
        }
        """);
}

public class JsDebugOutputRuleTests
{
    [Fact]
    public Task Console_debug_methods_fire() => JsRuleTest.VerifyAsync("CG2001", """
        {|CG2001:console.log|}("a");
        {|CG2001:console.debug|}("a");
        {|CG2001:console.trace|}();
        {|CG2001:console.dir|}(obj);
        {|CG2001:console.table|}(rows);
        {|CG2001:console.info|}("started");
        {|CG2001:console
          .log|}("multi-line");
        """);

    [Fact]
    public Task Error_warn_strings_comments_and_other_objects_do_not_fire() => JsRuleTest.VerifyAsync("CG2001", """
        console.error("failed");
        console.warn("careful");
        // console.log("commented out");
        /* console.log("block") */
        const text = "console.log('in a string')";
        const t = `console.log(${x})`;
        logger.log("ok");
        myconsole.log("ok");
        this.console.log("ok");
        """);

    [Fact]
    public Task Test_files_are_exempt() => JsRuleTest.VerifyAsync("CG2001", "console.log('test');", "/src/app.test.js");

    [Fact]
    public Task Test_files_fire_with_include_tests() => JsRuleTest.VerifyAsync(
        "CG2001", "{|CG2001:console.log|}('test');", "/tests/app.spec.ts", "codeguardian.CG2001.include_tests = true\n");

    [Fact]
    public Task Jsx_file_fires_on_code_not_markup() => JsRuleTest.VerifyAsync("CG2001", """
        export function App() {
          {|CG2001:console.log|}("render");
          return <div className="app">Hello</div>;
        }
        """, "/src/App.jsx");
}

public class JsDebuggerStatementRuleTests
{
    [Fact]
    public Task Debugger_statements_fire() => JsRuleTest.VerifyAsync("CG2002", """
        function f() {
          {|CG2002:debugger|};
          if (x) {|CG2002:debugger|}
          {|CG2002:debugger|}
          switch (x) { case 1: {|CG2002:debugger|}; break; }
        }
        """);

    [Fact]
    public Task Keys_properties_strings_and_comments_do_not_fire() => JsRuleTest.VerifyAsync("CG2002", """
        const opts = { debugger: true, breakpoint: 2 };
        const more = {
          debugger
            : false,
        };
        const styles = { breakpoint: { md: 768 } };
        if (options.debugger) { start(); }
        // debugger;
        const s = "debugger;";
        """, "/src/app.ts");
}

public class JsBrowserDialogRuleTests
{
    [Fact]
    public Task Free_and_window_dialog_calls_fire() => JsRuleTest.VerifyAsync("CG2003", """
        {|CG2003:alert|}("saved");
        if ({|CG2003:confirm|}("Delete?")) { remove(); }
        const name = {|CG2003:prompt|}("Name?", "");
        {|CG2003:window.alert|}("hi");
        const ok = flag ? {|CG2003:confirm|}("x") : false;
        {|CG2003:alert|}(
          "multi-line"
        );
        """);

    [Fact]
    public Task Methods_of_other_objects_definitions_strings_and_comments_do_not_fire() => JsRuleTest.VerifyAsync("CG2003", """
        modal.alert("x");
        this.confirm();
        dialogs.prompt("x");
        function alert(message) { show(message); }
        class Notifier { alert(message) { show(message); } confirm(m: string): boolean { return true; } }
        // alert("debug");
        const s = "alert('x')";
        const alertCount = 3;
        """, "/src/notifier.ts");
}

public class JsDevelopmentEndpointRuleTests
{
    [Fact]
    public Task Development_hosts_in_strings_fire() => JsRuleTest.VerifyAsync("CG2004", """
        const api = "http://{|CG2004:localhost:3000|}/api";
        const db = 'postgres://user:pw@{|CG2004:127.0.0.1:5432|}/app';
        const bind = '{|CG2004:0.0.0.0|}';
        const v6 = `http://{|CG2004:[::1]:8080|}/`;
        const stage = "https://{|CG2004:staging.example.com|}/v1";
        const dev = "https://{|CG2004:api.dev.example.com|}";
        const host = '{|CG2004:localhost|}';
        """);

    [Fact]
    public Task Comments_prose_production_hosts_and_test_files_do_not_fire() => JsRuleTest.VerifyAsync("CG2004", """
        // call http://localhost:3000 when debugging
        /* http://127.0.0.1 */
        const help = "Start the server on localhost and open the page";
        const prod = "https://api.example.com/v1";
        const devto = "https://dev.to";
        const mylocal = "https://mylocalhost.example.com";
        const v = "10.0.0.1";
        """);

    [Fact]
    public Task Test_files_do_not_fire() => JsRuleTest.VerifyAsync("CG2004", "const api = 'http://localhost:3000';", "/src/__tests__/api.js");

    // The whole-literal form at the edges of its length and dot/bracket shortcuts.
    [Fact]
    public Task Whole_literal_hosts_at_the_shortcuts_edges_fire() => JsRuleTest.VerifyAsync("CG2004", """
        const a = '{|CG2004:[::1]|}';
        const b = '{|CG2004:LOCALHOST|}';
        const c = 'admin@{|CG2004:localhost:8080|}';
        const d = '{|CG2004:staging.example.com|}';
        """);

    [Fact]
    public Task Short_or_dotless_words_do_not_fire() => JsRuleTest.VerifyAsync("CG2004", """
        const a = 'dev';
        const b = '::1';
        const c = 'localhos';
        const d = 'api-dev:8080';
        const e = 'developer';
        """);
}

public class JsSwallowedExceptionRuleTests
{
    [Fact]
    public Task Empty_catch_blocks_fire() => JsRuleTest.VerifyAsync("CG3001", """
        try { a(); } {|CG3001:catch (e) {}|}
        try { a(); } {|CG3001:catch {
        }|}
        try {
          a();
        }
        {|CG3001:catch (err)
        {
          // ignore
        }|}
        """);

    [Fact]
    public Task Empty_promise_catch_handlers_fire() => JsRuleTest.VerifyAsync("CG3001", """
        load(){|CG3001:.catch(() => {})|};
        load(){|CG3001:.catch(function () {})|};
        load(){|CG3001:.catch(e => { /* nothing */ })|};
        load()
          {|CG3001:.catch(async (err: Error) => {
          })|};
        """, "/src/load.ts");

    [Fact]
    public Task Handlers_that_do_something_do_not_fire() => JsRuleTest.VerifyAsync("CG3001", """
        try { a(); } catch (e) { log(e); }
        try { a(); } catch (e) { throw e; }
        try { a(); } catch (e) { return null; }
        try { a(); } catch (e) { failed = true; }
        load().catch(e => log(e));
        load().catch(handleError);
        load().catch(() => { retry(); });
        // catch (e) {}
        const s = "catch (e) {}";
        """);
}

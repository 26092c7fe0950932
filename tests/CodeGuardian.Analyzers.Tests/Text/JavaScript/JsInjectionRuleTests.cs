using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JsSqlInjectionRuleTests
{
    [Fact]
    public Task Interpolated_and_concatenated_sql_fires() => JsRuleTest.VerifyAsync("CG4001", """
        async function find(db, id, name) {
          await {|CG4001:db.query|}(`SELECT * FROM users WHERE id = ${id}`);
          await {|CG4001:pool.execute|}("SELECT * FROM users WHERE name = '" + name + "'");
          await {|CG4001:knex.raw|}('DELETE FROM t WHERE id = ' + id);
          await {|CG4001:sequelize.query|}(
            `UPDATE users
             SET name = '${name}'`,
            { type: QueryTypes.UPDATE });
          await {|CG4001:this.db.query|}(("SELECT " + cols) + " FROM t");
        }
        """);

    [Fact]
    public Task Sql_built_in_a_variable_fires() => JsRuleTest.VerifyAsync("CG4001", """
        async function find(db: Db, id: string) {
          const sql = "SELECT * FROM users WHERE id = " + id;
          return {|CG4001:db.query|}(sql);
        }
        async function remove(conn: Connection, table: string) {
          const statement = `delete from ${table}`;
          await {|CG4001:conn.execute|}(statement);
        }
        """, "/src/repo.ts");

    [Fact]
    public Task Placeholders_constants_and_tagged_templates_do_not_fire() => JsRuleTest.VerifyAsync("CG4001", """
        async function find(db, id) {
          await db.query('SELECT * FROM users WHERE id = ?', [id]);
          await db.query('SELECT * FROM users WHERE id = $1', [id]);
          await db.query("SELECT * FROM users " + "WHERE active = 1");
          await db.query(`SELECT * FROM users`);
          await sql.query(sql`SELECT * FROM users WHERE id = ${id}`);
          await prisma.$queryRaw`SELECT * FROM users WHERE id = ${id}`;
          const fixed = 'SELECT 1';
          await db.query(fixed);
          const TABLE = 'users';
          await db.query('SELECT * FROM ' + TABLE + ' WHERE id = ?', [id]);
          await db.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [id]);
          await db.query(statement, [id]);
          // db.query(`SELECT * FROM t WHERE id = ${id}`)
          const s = "db.query('SELECT ' + id)";
          query(`SELECT ${id}`);
          await command.execute(`deploy ${target}`);
          await runner.execute('build ' + project);
        }
        """);
}

public class JsCommandInjectionRuleTests
{
    [Fact]
    public Task Exec_with_built_command_fires_through_every_alias() => JsRuleTest.VerifyAsync("CG4002", """
        const child_process = require('child_process');
        const cp = require('node:child_process');
        const { exec, execSync: es } = require('child_process');
        {|CG4002:child_process.exec|}(`ls ${dir}`);
        {|CG4002:cp.execSync|}('rm -rf ' + target);
        {|CG4002:exec|}("git log " + branch, done);
        {|CG4002:es|}(`convert ${file}`);
        {|CG4002:require('child_process').exec|}('ping ' + host);
        const execAsync = util.promisify(cp.exec);
        await {|CG4002:execAsync|}(`du -sh ${path}`);
        const run2 = promisify(exec);
        await {|CG4002:run2|}('ls ' + dir);
        """);

    [Fact]
    public Task Es_module_imports_fire() => JsRuleTest.VerifyAsync("CG4002", """
        import * as proc from 'child_process';
        import { exec as run, spawn } from "child_process";
        {|CG4002:proc.exec|}(`tar xf ${archive}`);
        {|CG4002:run|}(`tar xf ${archive}`);
        {|CG4002:spawn|}(command, { shell: true });
        {|CG4002:proc.spawn|}('sh', ['-c', userInput], {
          shell: true,
        });
        """, "/src/tools.ts");

    [Fact]
    public Task Constant_commands_argument_arrays_and_unrelated_exec_do_not_fire() => JsRuleTest.VerifyAsync("CG4002", """
        const { exec, spawn, execFile } = require('child_process');
        exec('ls -la');
        exec('git ' + 'status');
        spawn('git', ['log', branch]);
        execFile('convert', [input, output]);
        spawn('ls', ['-la'], { shell: true });
        const m = /a(b)/.exec(text + suffix);
        regex.exec(`${input}`);
        // exec(`rm ${x}`)
        const s = "exec('rm ' + x)";
        """);
}

public class JsHtmlInjectionRuleTests
{
    [Fact]
    public Task Html_sinks_with_run_time_values_fire() => JsRuleTest.VerifyAsync("CG4003", """
        {|CG4003:el.innerHTML|} = '<b>' + name + '</b>';
        {|CG4003:list.innerHTML|} += `<li>${item}</li>`;
        {|CG4003:node.outerHTML|} = html;
        {|CG4003:el.insertAdjacentHTML|}('beforeend', `<p>${text}</p>`);
        {|CG4003:document.write|}(data);
        {|CG4003:document.writeln|}('<div>' + x);
        {|CG4003:panel.innerHTML|} =
          '<ul>' +
          items.join('') +
          '</ul>';
        """);

    [Fact]
    public Task React_dangerously_set_inner_html_fires() => JsRuleTest.VerifyAsync("CG4003", """
        export function Post({ body }) {
          return <div {|CG4003:dangerouslySetInnerHTML|}={{ __html: body }} />;
        }
        export function Safe() {
          return <div dangerouslySetInnerHTML={{ __html: '<br/>' }} />;
        }
        export function Clean({ body }) {
          return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(body) }} />;
        }
        """, "/src/Post.tsx");

    [Fact]
    public Task Constants_text_content_and_sanitized_values_do_not_fire() => JsRuleTest.VerifyAsync("CG4003", """
        el.innerHTML = '';
        el.innerHTML = '<b>' + 'static' + '</b>';
        el.innerHTML = `<p>static</p>`;
        const template = '<div class="x"></div>';
        el.innerHTML = template;
        el.textContent = name;
        el.innerHTML = DOMPurify.sanitize(html);
        el.insertAdjacentHTML('beforeend', escapeHtml(text));
        document.write('<p>ok</p>');
        // el.innerHTML = html;
        const s = "el.innerHTML = html";
        if (el.innerHTML === html) { }
        """);
}

public class JsDynamicCodeRuleTests
{
    [Fact]
    public Task Eval_function_constructor_and_string_timers_fire() => JsRuleTest.VerifyAsync("CG4004", """
        {|CG4004:eval|}(userCode);
        {|CG4004:eval|}("2 + 2");
        const f = {|CG4004:new Function|}('a', 'return a * 2');
        {|CG4004:setTimeout|}("refresh()", 1000);
        {|CG4004:setInterval|}('tick(' + id + ')', 500);
        {|CG4004:window.eval|}(code);
        {|CG4004:window.setTimeout|}(`run(${x})`, 10);
        {|CG4004:setTimeout|}(
          "poll()",
          250);
        const code = "tick()";
        {|CG4004:setInterval|}(code, 100);
        """);

    [Fact]
    public Task Function_timers_json_parse_and_methods_do_not_fire() => JsRuleTest.VerifyAsync("CG4004", """
        setTimeout(() => refresh(), 1000);
        setTimeout(refresh, 1000);
        const handler = () => refresh();
        setTimeout(handler, 1000);
        setInterval(function () { tick(); }, 500);
        const data = JSON.parse(text);
        interpreter.eval(expr);
        class Sandbox { eval(code: string) { return run(code); } }
        // eval(code)
        const s = "eval(code)";
        """, "/src/sandbox.ts");
}

public class JsUnsafeDeserializationRuleTests
{
    [Fact]
    public Task Node_serialize_unserialize_fires() => JsRuleTest.VerifyAsync("CG4006", """
        const serialize = require('node-serialize');
        const { unserialize } = require('node-serialize');
        const a = {|CG4006:serialize.unserialize|}(req.cookies.profile);
        const b = {|CG4006:unserialize|}(body);
        const c = {|CG4006:require('node-serialize').unserialize|}(data);
        const d = {|CG4006:serialize
          .unserialize|}(
            data);
        """);

    [Fact]
    public Task Other_unserialize_functions_do_not_fire() => JsRuleTest.VerifyAsync("CG4006", """
        import { unserialize } from './my-format';
        const a = unserialize(text);
        const b = JSON.parse(text);
        const c = php.unserialize(text);
        // serialize.unserialize(x)
        const s = "require('node-serialize').unserialize(x)";
        """);
}

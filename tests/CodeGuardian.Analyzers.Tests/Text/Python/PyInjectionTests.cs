using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Python;

public class PySqlInjectionTests
{
    private const string Id = "CG4001";

    [Fact]
    public Task Built_sql_fires() => PyVerify.VerifyAsync(Id, """
        def find(cursor, conn, session, user_id, name, table):
            {|CG4001:cursor.execute(f"SELECT * FROM users WHERE id = {user_id}")|}
            {|CG4001:cursor.execute("SELECT * FROM users WHERE name = '%s'" % name)|}
            {|CG4001:conn.execute("DELETE FROM {} WHERE id = 1".format(table))|}
            {|CG4001:session.execute("SELECT * FROM " + table)|}
            {|CG4001:cursor.executemany("INSERT INTO " + table + " VALUES (?)", rows)|}
            {|CG4001:self.db.execute(f"SELECT {name}")|}
            conn.cursor().{|CG4001:execute(f"SELECT {name}")|}
            {|CG4001:pd.read_sql(f"SELECT * FROM {table}", conn)|}
            {|CG4001:text(f"SELECT * FROM {table}")|}
        """);

    [Fact]
    public Task Variable_built_in_the_same_function_fires() => PyVerify.VerifyAsync(Id, """
        def find(cursor, user_id):
            query = f"SELECT * FROM users WHERE id = {user_id}"
            {|CG4001:cursor.execute(query)|}

        def search(cursor, term):
            sql = "SELECT * FROM items WHERE 1 = 1"
            sql += " AND name LIKE '" + term + "'"
            {|CG4001:cursor.execute(sql)|}
        """);

    [Fact]
    public Task Arguments_across_lines_fire_with_exact_span() => PyVerify.VerifyAsync(Id, """
        def find(cursor, user_id):
            {|CG4001:cursor.execute(
                "SELECT * FROM users "
                f"WHERE id = {user_id}",
            )|}
        """);

    [Fact]
    public Task Aliased_sqlalchemy_text_fires() => PyVerify.VerifyAsync(Id, """
        import sqlalchemy as sa
        from sqlalchemy import text as sql_text

        def run(engine, table):
            {|CG4001:sa.text("SELECT * FROM " + table)|}
            {|CG4001:sql_text(f"SELECT * FROM {table}")|}
        """);

    [Fact]
    public Task Parameters_and_constants_do_not_fire() => PyVerify.VerifyAsync(Id, """
        TABLE = "users"

        def find(cursor, conn, user_id, rows, name):
            cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
            cursor.execute("SELECT * FROM users WHERE id = ?", [user_id])
            cursor.execute("SELECT * FROM users WHERE name = %(name)s", {"name": name})
            cursor.execute("SELECT * FROM users " + "WHERE id = %s", (user_id,))
            cursor.execute("SELECT * FROM " + TABLE)
            cursor.execute(f"SELECT * FROM users")
            cursor.executemany("INSERT INTO t VALUES (%s, %s)", rows)
            query = "SELECT 1"
            cursor.execute(query)
            conn.execute(text("SELECT * FROM users WHERE id = :id"), {"id": user_id})
        """);

    [Fact]
    public Task Strings_comments_and_unrelated_execute_do_not_fire() => PyVerify.VerifyAsync(Id, """
        # cursor.execute(f"SELECT {x}")
        doc = 'cursor.execute(f"SELECT {x}")'
        def run(executor, name):
            '''cursor.execute("SELECT " + name)'''
            executor.execute(f"task {name}")
            pool.execute("job " + name)
        """);

    [Fact]
    public Task Message_names_the_sink_and_the_construction() => PyVerify.VerifyAsync(Id, "def f(cursor, q):\n    query = f\"{q}\"\n    cursor.execute(query)\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.SqlInjection).WithSpan(PyVerify.DefaultPath, 3, 5, 3, 26)
            .WithArguments("cursor.execute", "an f-string assigned to 'query'"));
}

public class PyCommandInjectionTests
{
    private const string Id = "CG4002";

    [Fact]
    public Task Shell_commands_built_at_run_time_fire() => PyVerify.VerifyAsync(Id, """
        import os
        import subprocess

        def run(path, cmd):
            {|CG4002:os.system("rm -rf " + path)|}
            {|CG4002:os.popen(f"ls {path}")|}
            {|CG4002:subprocess.run(f"tar xf {path}", shell=True)|}
            {|CG4002:subprocess.call("ls %s" % path, shell=True)|}
            {|CG4002:subprocess.Popen(cmd, shell=True)|}
            {|CG4002:subprocess.check_output(
                "grep {} file".format(path),
                shell=True,
            )|}
            {|CG4002:subprocess.getoutput("cat " + path)|}
        """);

    [Fact]
    public Task Aliases_fire() => PyVerify.VerifyAsync(Id, """
        import subprocess as sp
        from subprocess import run as r
        from os import system

        def run(path):
            {|CG4002:sp.run(f"ls {path}", shell=True)|}
            {|CG4002:r("ls " + path, shell=True)|}
            {|CG4002:system(f"ls {path}")|}
        """);

    [Fact]
    public Task Variable_built_in_function_fires() => PyVerify.VerifyAsync(Id, """
        import os

        def run(path):
            command = "ls -l " + path
            {|CG4002:os.system(command)|}
        """);

    [Fact]
    public Task Constant_commands_and_argument_lists_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import os
        import subprocess

        def run(path):
            os.system("ls -l")
            os.system("ls " + "-l")
            subprocess.run(["ls", "-l", path])
            subprocess.run(["ls", path], shell=False)
            subprocess.run(f"ls {path}")
            subprocess.run("ls -l", shell=True)
            subprocess.check_call(["tar", "xf", path], shell=True)
            command = "ls -l"
            os.system(command)
            other.system(f"ls {path}")
        """);

    [Fact]
    public Task Strings_and_comments_do_not_fire() => PyVerify.VerifyAsync(Id, """
        # os.system("rm " + path)
        hint = 'subprocess.run(f"ls {p}", shell=True)'
        """);
}

public class PyHtmlInjectionTests
{
    private const string Id = "CG4003";

    [Fact]
    public Task Non_constant_markup_fires() => PyVerify.VerifyAsync(Id, """
        from markupsafe import Markup
        from django.utils.safestring import mark_safe
        from flask import render_template_string
        import markupsafe
        from markupsafe import Markup as M

        def view(name, comment):
            a = {|CG4003:Markup(f"<b>{name}</b>")|}
            b = {|CG4003:mark_safe("<p>" + comment + "</p>")|}
            c = {|CG4003:render_template_string("<h1>%s</h1>" % name)|}
            d = {|CG4003:markupsafe.Markup(comment)|}
            e = {|CG4003:M(
                "<i>{}</i>".format(name)
            )|}
        """);

    [Fact]
    public Task Constants_and_escaped_values_do_not_fire() => PyVerify.VerifyAsync(Id, """
        from markupsafe import Markup, escape

        def view(name):
            a = Markup("<br>")
            b = Markup("<b>%s</b>") % name
            c = mark_safe("<hr>" + "<hr>")
            d = render_template_string("<h1>{{ name }}</h1>", name=name)
            e = escape(name)
            f = Markup.escape(name)
            # Markup(name)
            g = "Markup(name)"
        """);
}

public class PyDynamicCodeTests
{
    private const string Id = "CG4004";

    [Fact]
    public Task Non_constant_code_fires() => PyVerify.VerifyAsync(Id, """
        def run(expr, body, name):
            a = {|CG4004:eval(expr)|}
            {|CG4004:exec(f"result = {body}")|}
            code = {|CG4004:compile("x = " + name, "<string>", "exec")|}
            b = {|CG4004:eval(
                request.args["q"]
            )|}
        """);

    [Fact]
    public Task Literal_eval_methods_and_constants_do_not_fire() => PyVerify.VerifyAsync(Id, """
        import ast
        import re
        from re import compile

        def run(expr, model):
            a = ast.literal_eval(expr)
            b = eval("1 + 2")
            pattern = re.compile(expr)
            other = compile(expr)
            model.eval()
            exec("import json")
            # eval(expr)
            text = "eval(expr)"
        """);

    [Fact]
    public Task Message_names_the_value() => PyVerify.VerifyAsync(Id, "def f(expr):\n    eval(expr)\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.DynamicCodeExecution).WithSpan(PyVerify.DefaultPath, 2, 5, 2, 15)
            .WithArguments("eval", "the run-time value 'expr'"));

    [Fact]
    public Task Message_does_not_echo_literals() => PyVerify.VerifyAsync(Id, "eval(decrypt(\"s3cr3t\"))\n", PyVerify.DefaultPath,
        new DiagnosticResult(Descriptors.DynamicCodeExecution).WithSpan(PyVerify.DefaultPath, 1, 1, 1, 24)
            .WithArguments("eval", "a run-time value"));
}

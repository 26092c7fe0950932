using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using Microsoft.CodeAnalysis.Testing;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Security.SqlInjectionAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Security;

public class SqlInjectionAnalyzerTests
{
    private static readonly string[] All = { Stubs.Ado, Stubs.Dapper, Stubs.EntityFramework };

    private static Task Run(string source) => SecurityTest.VerifyAsync<SqlInjectionAnalyzer>(source, All);

    [Fact]
    public async Task CommandText_interpolated_concatenated_and_formatted_fire_with_exact_spans_and_messages()
    {
        var source = """
            using System.Data.SqlClient;
            class C
            {
                void M(SqlCommand command, string name, int id)
                {
                    command.CommandText = {|#0:$"SELECT * FROM Users WHERE Name = '{name}'"|};
                    command.CommandText = {|#1:"SELECT * FROM Users WHERE Id = " + id|};
                    command.CommandText = {|#2:string.Format("DELETE FROM T WHERE Name = '{0}'", name)|};
                    command.CommandText = {|#3:name|};
                }
            }
            """;
        await SecurityTest.VerifyAsync<SqlInjectionAnalyzer>(source, All,
            Verify.Diagnostic("CG4001").WithLocation(0).WithArguments("SqlCommand.CommandText", "an interpolated string"),
            Verify.Diagnostic("CG4001").WithLocation(1).WithArguments("SqlCommand.CommandText", "string concatenation"),
            Verify.Diagnostic("CG4001").WithLocation(2).WithArguments("SqlCommand.CommandText", "string.Format"),
            Verify.Diagnostic("CG4001").WithLocation(3).WithArguments("SqlCommand.CommandText", "a non-constant value"));
    }

    [Fact]
    public async Task Command_constructor_initializer_and_base_type_fire()
    {
        await Run("""
            using System.Data.Common;
            using System.Data.SqlClient;
            class C
            {
                void M(SqlConnection connection, DbCommand generic, System.Data.IDbCommand untyped, string table)
                {
                    using var a = new SqlCommand([|"SELECT 1 FROM " + table|], connection);
                    var b = new SqlCommand { CommandText = [|$"SELECT 1 FROM {table}"|] };
                    generic.CommandText = [|"SELECT 1 FROM " + table|];
                    untyped.CommandText = [|table|];
                }
            }
            """);
    }

    [Fact]
    public async Task Sql_built_in_a_local_is_followed_across_statements_and_lines()
    {
        await Run("""
            using System.Data.SqlClient;
            class C
            {
                void M(SqlCommand command, string filter)
                {
                    var sql = "SELECT * FROM Orders";
                    if (filter.Length > 0)
                    {
                        sql += " WHERE Customer = '" +
                            filter + "'";
                    }

                    command.CommandText = [|sql|];
                }
            }
            """);
    }

    [Fact]
    public async Task Entity_framework_raw_and_dapper_fire()
    {
        await Run("""
            using System.Data;
            using Dapper;
            using Microsoft.EntityFrameworkCore;
            class User { }
            class Db : DbContext { public DbSet<User> Users { get; } = null!; }
            class C
            {
                async System.Threading.Tasks.Task M(Db db, IDbConnection connection, string name)
                {
                    db.Users.FromSqlRaw([|$"SELECT * FROM Users WHERE Name = '{name}'"|]);
                    db.Database.ExecuteSqlRaw([|"DELETE FROM Users WHERE Name = '" + name + "'"|]);
                    await db.Database.ExecuteSqlRawAsync([|$"DELETE FROM Users WHERE Name = '{name}'"|]);
                    db.Database.SqlQueryRaw<int>([|"SELECT COUNT(*) FROM " + name|]);
                    connection.Query<User>([|$"SELECT * FROM Users WHERE Name = '{name}'"|]);
                    await connection.QueryAsync<User>([|"SELECT * FROM " + name|]);
                    connection.Execute(sql: [|name|]);
                }
            }
            """);
    }

    [Fact]
    public async Task Parameters_placeholders_constants_and_interpolated_apis_do_not_fire()
    {
        await Run("""
            using System.Data;
            using System.Data.SqlClient;
            using Dapper;
            using Microsoft.EntityFrameworkCore;
            class User { }
            class Db : DbContext { public DbSet<User> Users { get; } = null!; }
            class C
            {
                private const string Table = "Users";
                void M(Db db, IDbConnection connection, SqlCommand command, string name, bool active)
                {
                    command.CommandText = "SELECT * FROM Users WHERE Name = @name";
                    command.Parameters.AddWithValue("@name", name);
                    command.CommandText = "SELECT * FROM " + Table + " WHERE Id = @id";
                    command.CommandText = $"SELECT * FROM {Table} WHERE {nameof(User)} = @u";
                    command.CommandText = string.Format("SELECT * FROM {0}", Table);
                    command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, "SELECT TOP {0} * FROM {1}", 10, Table);
                    command.CommandText = active ? "SELECT 1" : "SELECT 0";
                    var sql = "SELECT * FROM Users";
                    if (active) { sql += " WHERE Active = 1"; }
                    command.CommandText = sql;
                    db.Users.FromSqlRaw("SELECT * FROM Users WHERE Name = {0}", name);
                    db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name}");
                    db.Users.FromSql($"SELECT * FROM Users WHERE Name = {name}");
                    db.Database.ExecuteSqlInterpolated($"DELETE FROM Users WHERE Name = {name}");
                    connection.Query<User>("SELECT * FROM Users WHERE Name = @name", new { name });
                    var text = "SELECT * FROM Users WHERE Name = '" + "x" + "'"; // constant concatenation
                    command.CommandText = text;
                    // command.CommandText = "SELECT " + name;
                    var notSql = "command.CommandText = " + name;
                }
            }
            """);
    }

    [Fact]
    public async Task Generated_placeholder_names_bound_as_parameters_are_the_safe_pattern()
    {
        await Run("""
            using System.Data.SqlClient;
            class C
            {
                void M(SqlCommand command, int[] ids)
                {
                    var sql = "SELECT * FROM Orders WHERE Id IN (";
                    for (var i = 0; i < ids.Length; i++)
                    {
                        var placeholder = "@p" + i;
                        sql += (i == 0 ? "" : ", ") + placeholder;
                        command.Parameters.AddWithValue(placeholder, ids[i]);
                    }

                    command.CommandText = sql + ")";
                }
            }
            """);
    }

    [Fact]
    public async Task A_local_that_is_not_bound_as_a_parameter_still_fires()
    {
        await Run("""
            using System.Data.SqlClient;
            class C
            {
                void M(SqlCommand command, string[] names)
                {
                    var sql = "SELECT * FROM Orders WHERE Name IN (";
                    foreach (var name in names)
                    {
                        sql += "'" + name + "',";
                    }

                    command.CommandText = [|sql + ")"|];
                }
            }
            """);
    }

    [Fact]
    public async Task Csharp_12_and_13_syntax_raw_strings_and_primary_constructors()
    {
        await Run(""""
            using System.Data.SqlClient;
            class Repository(SqlCommand command)
            {
                public void Find(string name)
                {
                    command.CommandText = """
                        SELECT * FROM Users
                        """;
                    command.CommandText = [|$"""
                        SELECT * FROM Users WHERE Name = '{name}'
                        """|];
                }
            }
            """");
    }

    [Fact]
    public async Task Double_dollar_raw_interpolation_fires()
    {
        const string source = "class C\n{\n    void M(System.Data.SqlClient.SqlCommand command, string name)\n    {\n        command.CommandText = $$\"\"\"\n            SELECT '{{name}}'\n            \"\"\";\n    }\n}\n";
        // "$$" is a caret marker in test markup, so this source is taken literally.
        var test = new Verifiers.CSharpAnalyzerVerifier<SqlInjectionAnalyzer>.Test();
        test.TestState.MarkupHandling = MarkupMode.None;
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.TestState.Sources.Add(("/0/Stub0.cs", Stubs.Ado));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG4001").WithSpan("/0/Test0.cs", 5, 31, 7, 16).WithArguments("SqlCommand.CommandText", "an interpolated string"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_data_access_types_nothing_is_registered_and_stub_free_code_is_silent()
    {
        await Verify.VerifyAnalyzerAsync("""
            class SqlCommand { public string CommandText { get; set; } = ""; }
            class C { void M(SqlCommand c, string s) { c.CommandText = "SELECT " + s; } }
            """);
    }

    [Fact]
    public async Task Generated_code_is_skipped()
    {
        await Run("""
            // <auto-generated/>
            using System.Data.SqlClient;
            class C { void M(SqlCommand c, string s) { c.CommandText = "SELECT " + s; } }
            """);
    }

    [Fact]
    public async Task Empty_source_and_half_typed_code_do_not_throw()
    {
        await Run(string.Empty);
        var test = new Verifiers.CSharpAnalyzerVerifier<SqlInjectionAnalyzer>.Test
        {
            TestCode = """
                using System.Data.SqlClient;
                class C { void M(SqlCommand c, string s) { c.CommandText = ; var d = new SqlCommand(s.; c.CommandText = "SELECT " + } }
                """,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("/0/Stub.cs", Stubs.Ado));
        test.ExpectedDiagnostics.Clear();
        await test.RunAsync();
    }
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.CSharp.Security;
using Verify = CodeGuardian.Analyzers.Tests.CodeFixes.Verifiers.SecurityCodeFixVerifier<CodeGuardian.Analyzers.CSharp.Security.SqlInjectionAnalyzer, CodeGuardian.CodeFixes.Security.SqlInjectionCodeFixProvider>;

namespace CodeGuardian.Analyzers.Tests.CodeFixes;

public class SqlInjectionCodeFixTests
{
    private const string EfModel = """
        using System.Threading;
        using Microsoft.EntityFrameworkCore;
        public class User { }
        public class Db : DbContext { public DbSet<User> Users { get; } = null!; }
        """;

    [Fact]
    public async Task Entity_framework_raw_calls_become_interpolated_calls_with_quotes_around_holes_removed()
    {
        await Verify.VerifyCodeFixAsync(EfModel + """
            class C
            {
                private const string Table = "Users";
                async System.Threading.Tasks.Task M(Db db, string name, int id, CancellationToken token)
                {
                    db.Users.FromSqlRaw([|$"SELECT * FROM {Table} WHERE Name = '{name}' AND Id = {id}"|]);
                    db.Database.ExecuteSqlRaw([|$"DELETE FROM Users WHERE Name = '{name}'"|]);
                    await db.Database.ExecuteSqlRawAsync([|$"DELETE FROM Users WHERE Id = {id}"|], token);
                }
            }
            """, EfModel + """
            class C
            {
                private const string Table = "Users";
                async System.Threading.Tasks.Task M(Db db, string name, int id, CancellationToken token)
                {
                    db.Users.FromSqlInterpolated($"SELECT * FROM Users WHERE Name = {name} AND Id = {id}");
                    db.Database.ExecuteSqlInterpolated($"DELETE FROM Users WHERE Name = {name}");
                    await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM Users WHERE Id = {id}", token);
                }
            }
            """, Stubs.EntityFramework);
    }

    [Fact]
    public async Task Command_text_and_constructor_get_placeholders_and_add_with_value()
    {
        await Verify.VerifyCodeFixAsync("""
            using System.Data.SqlClient;
            class C
            {
                void M(SqlConnection connection, SqlCommand command, string name, int id)
                {
                    command.CommandText = [|$"SELECT * FROM Users WHERE Name = '{name}' AND Id = {id}"|];
                    using var other = new SqlCommand([|$@"DELETE FROM Users WHERE Name = '{name}'"|], connection);
                    other.ExecuteNonQuery();
                }
            }
            """, """
            using System.Data.SqlClient;
            class C
            {
                void M(SqlConnection connection, SqlCommand command, string name, int id)
                {
                    command.CommandText = "SELECT * FROM Users WHERE Name = @p0 AND Id = @p1";
                    command.Parameters.AddWithValue("@p0", name);
                    command.Parameters.AddWithValue("@p1", id);
                    using var other = new SqlCommand(@"DELETE FROM Users WHERE Name = @p0", connection);
                    other.Parameters.AddWithValue("@p0", name);
                    other.ExecuteNonQuery();
                }
            }
            """, Stubs.Ado);
    }

    [Fact]
    public async Task Not_offered_for_concatenation_partial_quotes_positional_parameters_or_commands_without_add_with_value()
    {
        await Verify.VerifyNoFixAsync(EfModel + """"
            class C
            {
                void M(Db db, System.Data.SqlClient.SqlCommand command, System.Data.Common.DbCommand generic, string name, string sql)
                {
                    command.CommandText = [|"SELECT * FROM Users WHERE Name = '" + name + "'"|];
                    command.CommandText = [|$"SELECT * FROM Users WHERE Name LIKE '%{name}%'"|];
                    command.CommandText = [|$"SELECT * FROM Users WHERE Id = {name,5}"|];
                    command.CommandText = [|sql|];
                    generic.CommandText = [|$"SELECT * FROM Users WHERE Name = '{name}'"|];
                    db.Users.FromSqlRaw([|$"SELECT * FROM Users WHERE Name = '{name}' AND X = {{0}}"|], name);
                    var fromInitializer = new System.Data.SqlClient.SqlCommand { CommandText = [|$"SELECT {name}"|] };
                    command.CommandText = [|$"""
                        SELECT * FROM Users WHERE Name = '{name}'
                        """|];
                    if (name.Length > 0) command.CommandText = [|$"SELECT * FROM Users WHERE Id = {name}"|];
                }
            }
            """", Stubs.EntityFramework, Stubs.Ado);
    }
}

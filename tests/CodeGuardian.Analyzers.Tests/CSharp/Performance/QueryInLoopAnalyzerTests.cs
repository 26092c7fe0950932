using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Performance;
using CodeGuardian.Analyzers.Tests.CSharp.Security;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Performance.QueryInLoopAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Performance;

public class QueryInLoopAnalyzerTests
{
    private static readonly string[] All = { Stubs.Ado, Stubs.Dapper, Stubs.EntityFramework };

    private const string Model = """
        using System.Collections.Generic;
        using System.Data;
        using System.Data.SqlClient;
        using System.Linq;
        using System.Threading.Tasks;
        using Dapper;
        using Microsoft.EntityFrameworkCore;
        public class Order { public int Id { get; set; } public int CustomerId { get; set; } }
        public class Db : DbContext { public DbSet<Order> Orders { get; } = null!; }
        """;

    [Fact]
    public async Task Queries_in_every_loop_kind_fire_with_the_call_span()
    {
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>(Model + """
            class C
            {
                async Task M(Db db, IDbConnection connection, SqlCommand command, int[] ids)
                {
                    foreach (var id in ids)
                    {
                        var orders = await db.Orders.Where(o => o.CustomerId == id).{|#0:ToListAsync()|};
                    }

                    for (var i = 0; i < ids.Length; i++)
                    {
                        var order = await db.Orders.{|#1:FindAsync(ids[i])|};
                        connection.{|#2:Query<Order>("SELECT * FROM Orders WHERE Id = @id", new { id = ids[i] })|};
                    }

                    var n = 0;
                    while (n < 3)
                    {
                        command.{|#3:ExecuteNonQuery()|};
                        n++;
                    }

                    do
                    {
                        await db.{|#4:SaveChangesAsync()|};
                    }
                    while (n-- > 0);

                    foreach (var id in ids) await db.Orders
                        .Where(o => o.Id == id)
                        .{|#5:AnyAsync()|};
                }
            }
            """,
            All,
            Verify.Diagnostic("CG5001").WithLocation(0).WithArguments("ToListAsync", "foreach"),
            Verify.Diagnostic("CG5001").WithLocation(1).WithArguments("FindAsync", "for"),
            Verify.Diagnostic("CG5001").WithLocation(2).WithArguments("Query", "for"),
            Verify.Diagnostic("CG5001").WithLocation(3).WithArguments("ExecuteNonQuery", "while"),
            Verify.Diagnostic("CG5001").WithLocation(4).WithArguments("SaveChangesAsync", "do-while"),
            Verify.Diagnostic("CG5001").WithLocation(5).WithArguments("AnyAsync", "foreach"));
    }

    [Theory]
    [InlineData("ExecuteReader()")]
    [InlineData("ExecuteNonQuery()")]
    [InlineData("ExecuteScalar()")]
    [InlineData("ExecuteReaderAsync()")]
    [InlineData("ExecuteNonQueryAsync()")]
    [InlineData("ExecuteScalarAsync()")]
    public async Task Every_command_round_trip_fires_in_a_project_without_entity_framework_or_dapper(string call)
    {
        // Without those libraries the analyzer decides by the method name first: every command method must pass it.
        var name = call.Substring(0, call.IndexOf('('));
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>(
            "using System.Data.Common;\nclass C { async System.Threading.Tasks.Task M(DbCommand command, int[] ids) { foreach (var id in ids) { _ = "
                + (name.EndsWith("Async", System.StringComparison.Ordinal) ? "await " : string.Empty)
                + "command.{|#0:" + call + "|}; } } }",
            new[] { Stubs.Ado },
            Verify.Diagnostic("CG5001").WithLocation(0).WithArguments(name, "foreach"));
    }

    [Fact]
    public async Task Batched_calls_outside_loops_do_not_fire()
    {
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>(Model + """
            class C
            {
                async Task M(Db db, IDbConnection connection, SqlCommand command, int[] ids)
                {
                    var orders = await db.Orders.Where(o => ids.Contains(o.Id)).ToListAsync();
                    foreach (var order in await db.Orders.ToListAsync())
                    {
                        order.CustomerId = 1;
                    }

                    for (var count = await db.Orders.CountAsync(); count > 0; count--)
                    {
                        var local = count * 2;
                    }

                    var all = connection.Query<Order>("SELECT Id FROM Orders WHERE Id IN @ids", new { ids });
                    await db.SaveChangesAsync();
                    command.ExecuteNonQuery();
                    foreach (var id in ids)
                    {
                        var found = orders.FirstOrDefault(o => o.Id == id);
                        // await db.Orders.ToListAsync();
                        var text = "db.Orders.ToListAsync()";
                    }

                    await foreach (var order in db.Orders.AsAsyncEnumerable())
                    {
                        order.CustomerId = 2;
                    }
                }
            }
            """, All);
    }

    [Fact]
    public async Task Deferred_lambdas_in_loops_are_not_judged_and_generated_empty_half_typed_are_silent()
    {
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>(Model + """
            class C
            {
                void M(Db db, int[] ids)
                {
                    var work = new List<System.Func<Task>>();
                    foreach (var id in ids)
                    {
                        work.Add(() => db.Orders.ToListAsync());
                    }
                }
            }
            """, All);
        await SecurityTest.VerifyAsync<QueryInLoopAnalyzer>("// <auto-generated/>\n" + Model + "class C { void M(SqlCommand c) { while (true) c.ExecuteNonQuery(); } }", All);
        await Verify.VerifyAnalyzerAsync(string.Empty);
        var test = new Verifiers.CSharpAnalyzerVerifier<QueryInLoopAnalyzer>.Test
        {
            TestCode = "class C { void M(System.Data.SqlClient.SqlCommand c) { for (;;) { c.ExecuteNonQuery( } while ( } }",
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        };
        test.TestState.Sources.Add(("/0/Stub.cs", Stubs.Ado));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("CG5001").WithSpan(1, 69, 1, 86).WithArguments("ExecuteNonQuery", "for"));
        await test.RunAsync();
    }
}

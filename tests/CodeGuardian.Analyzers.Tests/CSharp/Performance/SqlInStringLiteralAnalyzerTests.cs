using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Performance;
using Verify = CodeGuardian.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<CodeGuardian.Analyzers.CSharp.Performance.SqlInStringLiteralAnalyzer>;

namespace CodeGuardian.Analyzers.Tests.CSharp.Performance;

public class SqlInStringLiteralAnalyzerTests
{
    [Fact]
    public Task SelectStar_in_regular_verbatim_and_raw_literals() => Verify.VerifyAnalyzerAsync(""""""
        class Repository
        {
            const string All = "SELECT {|CG5002:*|} FROM Orders";
            string Verbatim() => @"SELECT o.{|CG5002:*|}
                                   FROM Orders o";
            string Raw() => """"
                SELECT {|CG5002:*|}
                  FROM Orders
                 WHERE Id = @id
                """";
            string Escaped() => "SELECT {|CG5002:*|}\nFROM \"Orders\"";
        }
        """""");

    [Fact]
    public Task SelectStar_in_interpolated_strings_and_around_primary_constructors_and_collection_expressions() => Verify.VerifyAnalyzerAsync(""""""
        using System.Collections.Generic;

        class Repository(string table)
        {
            string Query() => $"SELECT {|CG5002:*|} FROM {table} WHERE Id = @id";
            string RawQuery() => $"""
                SELECT {|CG5002:*|} FROM {table}
                """;
            List<string> Queries() => ["SELECT {|CG5002:*|} FROM a", "SELECT id FROM b"];
        }
        """""");

    [Fact]
    public Task SelectStar_does_not_fire_on_count_exists_and_non_sql_strings() => Verify.VerifyAnalyzerAsync(""""""
        class Repository
        {
            const string Count = "SELECT COUNT(*) FROM Orders";
            const string Exists = "SELECT Id FROM Orders o WHERE EXISTS (SELECT * FROM Lines l WHERE l.OrderId = o.Id)";
            const string Product = "SELECT Price * Quantity FROM Lines";
            const string Prose = "Select * to choose every file";
            const string Help = "Use SELECT * sparingly";
            // SELECT * FROM Orders
        }
        """""");

    [Fact]
    public Task Write_without_where_fires_on_the_keyword() => Verify.VerifyAnalyzerAsync(""""""
        class Repository
        {
            const string Reset = "{|CG5003:UPDATE|} Orders SET Status = 'new'";
            const string Purge = @"{|CG5003:DELETE|}
                                   FROM Sessions";
            string Raw() => """
                {|CG5003:delete|} from audit
                """;
            string Interpolated(string table) => $"{|CG5003:DELETE|} FROM {table}";
            string Value(int v) => $"{|CG5003:UPDATE|} Orders SET Total = {v}";
            string Concatenated(string v) => "{|CG5003:UPDATE|} Orders SET Total = " + v;
        }
        """""");

    [Fact]
    public Task Write_does_not_fire_with_where_truncate_or_a_filter_added_elsewhere() => Verify.VerifyAnalyzerAsync(""""""
        using System.Text;

        class Repository
        {
            const string One = "UPDATE Orders SET Status = @s WHERE Id = @id";
            const string Cursor = "DELETE FROM Orders WHERE CURRENT OF c";
            const string Truncate = "TRUNCATE TABLE Staging";
            const string Text = "Delete the selected rows?";
            string Filtered(string filter) => "DELETE FROM Orders " + filter;
            string Hole(string filter) => $"UPDATE Orders SET Status = 'x' {filter}";
            string Builder(StringBuilder sb) => sb.Append("DELETE FROM Orders ").Append("WHERE Id = @id").ToString();
            string Appended(bool all)
            {
                var sql = "UPDATE Orders SET Status = 'x'";
                if (!all)
                {
                    sql += " WHERE Id = @id";
                }

                return sql;
            }
        }
        """""");

    [Fact]
    public Task Write_without_where_in_primary_constructor_defaults_records_and_collection_expressions() => Verify.VerifyAnalyzerAsync(""""""
        using System.Collections.Generic;

        record Cleanup(string Sql = "{|CG5003:DELETE|} FROM Sessions");

        class Jobs(string table)
        {
            List<string> Steps() =>
            [
                """
                {|CG5003:UPDATE|} Orders
                   SET Status = 'archived'
                """,
                """
                DELETE FROM Lines WHERE OrderId IN (SELECT Id FROM Orders WHERE Status = 'archived')
                """,
                $"SELECT {|CG5002:*|} FROM {table}",
            ];

            // DELETE FROM Orders
            /* UPDATE Orders SET Status = 'x' */
            string Comment() => "see the comments above";
        }
        """""");
}

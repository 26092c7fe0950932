using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

/// <summary>The SQL-file rules CG4001, CG4009, CG4015, CG5002 and CG5003 through the text analyzer.</summary>
public class SqlFileRuleTests
{
    private static Task Verify(string sql, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }.WithFile("/src/db/script.sql", sql);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    // ---- CG5002 SELECT * ------------------------------------------------------------------------------

    [Fact]
    public Task SelectStar_fires_on_the_star() => Verify("SELECT {|CG5002:*|} FROM dbo.Orders;\n");

    [Fact]
    public Task SelectStar_fires_on_qualified_star_across_lines() => Verify("SELECT o.id,\n       c.{|CG5002:*|}\n  FROM orders o\n  JOIN customers c ON c.id = o.customer_id\n WHERE o.id = 1;\n");

    [Fact]
    public Task SelectStar_fires_in_every_go_batch() => Verify("SELECT {|CG5002:*|} FROM a\nGO\nSELECT id FROM b\nGO 2\nselect {|CG5002:*|} from c\n");

    [Fact]
    public Task SelectStar_fires_inside_procedure_bodies() => Verify(
        "CREATE PROCEDURE dbo.GetAll AS\nBEGIN\n  SET NOCOUNT ON\n  SELECT {|CG5002:*|} FROM dbo.Orders\nEND\nGO\n");

    [Fact]
    public Task SelectStar_fires_inside_dollar_quoted_function_bodies() => Verify(
        "CREATE FUNCTION all_orders() RETURNS SETOF orders AS $body$\n  SELECT {|CG5002:*|} FROM orders;\n$body$ LANGUAGE sql;\n");

    [Fact]
    public Task SelectStar_does_not_fire_on_count_exists_multiplication_comments_and_strings() => Verify(
        "SELECT COUNT(*) FROM orders;\n" +
        "SELECT id FROM orders o WHERE EXISTS (SELECT * FROM lines l WHERE l.order_id = o.id);\n" +
        "IF EXISTS (SELECT * FROM sys.objects WHERE name = 'x') PRINT 'x';\n" +
        "SELECT price * quantity AS total FROM lines;\n" +
        "-- SELECT * FROM t\n" +
        "/* SELECT * FROM t */\n" +
        "SELECT 'SELECT * FROM t' AS example, $q$SELECT * FROM t$q$ AS other;\n" +
        "SELECT [*] FROM odd;\n");

    // ---- CG5003 UPDATE/DELETE without WHERE -------------------------------------------------------------

    [Fact]
    public Task Write_without_where_fires_on_the_keyword() => Verify(
        "{|CG5003:UPDATE|} dbo.Orders SET Status = 'closed';\n{|CG5003:DELETE|} FROM dbo.Lines;\n");

    [Fact]
    public Task Write_without_where_fires_across_lines_and_without_semicolons() => Verify(
        "CREATE PROCEDURE dbo.Reset AS\nBEGIN\n  {|CG5003:UPDATE|} dbo.Orders\n     SET Status = 'new',\n         Total = 0\n  DELETE FROM dbo.Lines WHERE OrderId = 1\nEND\nGO\n{|CG5003:delete|} from audit\n");

    [Fact]
    public Task Write_with_where_only_in_a_subquery_still_fires() => Verify(
        "{|CG5003:UPDATE|} t SET total = (SELECT SUM(x) FROM lines WHERE lines.t_id = 1);\n");

    [Fact]
    public Task Write_without_where_fires_inside_dollar_quoted_bodies() => Verify(
        "DO $do$\nBEGIN\n  {|CG5003:DELETE|} FROM sessions;\nEND\n$do$;\n");

    [Fact]
    public Task Write_does_not_fire_with_where_truncate_and_other_update_words() => Verify(
        "UPDATE orders SET status = 'x' WHERE id = @id;\n" +
        "DELETE FROM lines WHERE order_id = ?;\n" +
        "DELETE FROM lines WHERE CURRENT OF line_cursor;\n" +
        "TRUNCATE TABLE staging;\n" +
        "SELECT id FROM orders FOR UPDATE;\n" +
        "ALTER TABLE lines ADD CONSTRAINT fk FOREIGN KEY (order_id) REFERENCES orders(id) ON DELETE CASCADE ON UPDATE NO ACTION;\n" +
        "GRANT SELECT, UPDATE, DELETE ON orders TO app_writer;\n" +
        "MERGE INTO orders t USING incoming s ON t.id = s.id WHEN MATCHED THEN UPDATE SET status = s.status WHEN NOT MATCHED BY SOURCE THEN DELETE;\n" +
        "INSERT INTO orders (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET status = excluded.status;\n" +
        "-- DELETE FROM orders\n" +
        "SELECT 'DELETE FROM t' AS data;\n");

    // ---- CG4001 dynamic SQL -----------------------------------------------------------------------------

    [Fact]
    public Task DynamicSql_fires_on_exec_of_a_concatenation() => Verify(
        "DECLARE @t sysname = N'orders';\n{|CG4001:EXEC('SELECT id FROM ' + @t)|};\n{|CG4001:EXECUTE (N'DELETE FROM x WHERE id = ' + CAST(@id AS nvarchar(10)))|};\n");

    [Fact]
    public Task DynamicSql_fires_on_sp_executesql_with_a_concatenated_statement() => Verify(
        "{|CG4001:EXEC sys.sp_executesql N'SELECT * FROM orders WHERE name = ''' + @name + ''''|};\n" +
        "{|CG4001:EXEC sp_executesql\n    @stmt = N'SELECT id FROM ' + @table|},\n    N'@id int', @id = 1;\n");

    [Fact]
    public Task DynamicSql_fires_on_execute_immediate_and_plpgsql_execute() => Verify(
        "BEGIN\n  {|CG4001:EXECUTE IMMEDIATE 'DELETE FROM ' || table_name|};\nEND;\n" +
        "CREATE FUNCTION purge(t text) RETURNS void AS $fn$\nBEGIN\n  {|CG4001:EXECUTE 'DELETE FROM ' || t|};\nEND\n$fn$ LANGUAGE plpgsql;\n");

    [Fact]
    public Task DynamicSql_does_not_fire_on_parameters_constants_and_quoting() => Verify(
        "EXEC sp_executesql @sql, N'@id int', @id = @id;\n" +
        "EXEC sp_executesql N'SELECT id FROM orders WHERE id = @id', N'@id int', @id = 5;\n" +
        "EXEC('SELECT id ' + 'FROM orders');\n" +
        "EXEC(@sql);\n" +
        "EXEC dbo.Archive @from = @start, @to = @end;\n" +
        "EXEC('SELECT id FROM ' + QUOTENAME(@table));\n" +
        "EXECUTE format('DELETE FROM %I', t) ;\n" +
        "GRANT EXECUTE ON dbo.Archive TO app_role;\n" +
        "-- EXEC('SELECT ' + @x)\n" +
        "SELECT 'EXEC(''SELECT '' + @x)' AS doc;\n");

    [Fact]
    public Task DynamicSql_fires_on_a_variable_the_batch_built_from_a_run_time_value() => Verify(
        "DECLARE @sql nvarchar(max) = N'SELECT id FROM ' + @table;\n{|CG4001:EXEC sp_executesql @sql|}, N'@id int', @id = @id;\n" +
        "SET @sql = N'SELECT id FROM orders WHERE 1 = 1';\nSET @sql = @sql + N' AND name = ''' + @name + '''';\n{|CG4001:EXEC(@sql)|};\n" +
        "GO\n" +
        "CREATE FUNCTION purge(t text) RETURNS void AS $fn$\nDECLARE q text;\nBEGIN\n  q := 'DELETE FROM ' || t;\n  {|CG4001:EXECUTE q|};\nEND\n$fn$ LANGUAGE plpgsql;\n");

    [Fact]
    public Task DynamicSql_finds_the_same_with_and_without_a_colon_equals_elsewhere_in_the_file() => Verify(
        "SET @sql = N'SELECT id FROM ' + @table;\n{|CG4001:EXEC(@sql)|};\nGO\n" +
        "-- x := 1 in a comment makes the rule read every name\nSET @sql = N'SELECT id FROM ' + @table;\n{|CG4001:EXEC(@sql)|};\n" +
        "SELECT 1;\n");

    [Fact]
    public Task DynamicSql_does_not_fire_on_variables_built_from_constants_or_quoted_names() => Verify(
        "DECLARE @sql nvarchar(max) = N'SELECT id FROM orders WHERE id = @id';\nEXEC sp_executesql @sql, N'@id int', @id = @id;\n" +
        "SET @sql = N'SELECT id FROM ' + QUOTENAME(@table);\nEXEC(@sql);\n" +
        "SET @sql = N'SELECT 1 FROM t WHERE a = ' + @value;\nSET @sql = N'SELECT 2';\nEXEC(@sql);\n" +
        "SET @sql = N'SELECT 1 FROM t WHERE a = ' + @value;\nGO\nEXEC(@sql);\n");

    // ---- CG4009 weak hash -------------------------------------------------------------------------------

    [Fact]
    public Task WeakHash_fires_on_hashbytes_md5_sha1_and_functions() => Verify(
        "SELECT {|CG4009:HASHBYTES('MD5'|}, @p), {|CG4009:hashbytes(N'SHA1'|}, @p), {|CG4009:HASHBYTES('MD4'|}, @p);\n" +
        "SELECT {|CG4009:md5|}(password) FROM users;\n" +
        "SELECT {|CG4009:SHA1|}(token), {|CG4009:digest(secret, 'sha1'|}) FROM keys;\n");

    [Fact]
    public Task WeakHash_does_not_fire_on_strong_algorithms_comments_and_strings() => Verify(
        "SELECT HASHBYTES('SHA2_256', @p), SHA2(@p, 256), digest(secret, 'sha256');\n" +
        "-- SELECT MD5(x)\n" +
        "SELECT 'MD5(' AS note, md5_column FROM t;\n");

    // ---- CG4015 over-broad grants -----------------------------------------------------------------------

    [Fact]
    public Task Grant_fires_on_all_public_and_grant_option() => Verify(
        "{|CG4015:GRANT ALL|} ON orders TO app;\n" +
        "{|CG4015:GRANT ALL PRIVILEGES|} ON DATABASE shop TO app;\n" +
        "GRANT SELECT ON orders TO {|CG4015:PUBLIC|};\n" +
        "GRANT SELECT ON dbo.Orders TO reporting, {|CG4015:[public]|};\n" +
        "GRANT SELECT ON orders TO reporting_role {|CG4015:WITH GRANT OPTION|};\n" +
        "GRANT UPDATE\n  ON orders\n  TO {|CG4015:public|}\n  {|CG4015:WITH GRANT OPTION|};\n");

    [Fact]
    public Task Grant_does_not_fire_on_narrow_grants_revokes_comments_and_strings() => Verify(
        "GRANT SELECT ON dbo.Orders TO app_reader;\n" +
        "GRANT SELECT, INSERT ON orders TO app_writer;\n" +
        "REVOKE ALL ON orders FROM PUBLIC;\n" +
        "REVOKE GRANT OPTION FOR SELECT ON orders FROM reporting;\n" +
        "DENY SELECT ON orders TO PUBLIC;\n" +
        "-- GRANT ALL ON orders TO PUBLIC\n" +
        "SELECT 'GRANT ALL ON t TO PUBLIC' AS doc;\n");
}

public class SqlFileSuppressionTests
{
    [Fact]
    public Task Suppression_comment_silences_the_next_line()
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }.WithFile(
            "/src/db/script.sql",
            "-- codeguardian-disable-next-line CG5002 -- reporting view needs every column\nSELECT * FROM dbo.Orders;\nSELECT {|CG5002:*|} FROM dbo.Lines;\n");
        return test.RunAsync();
    }
}

public class SqlBodyTests
{
    [Fact]
    public Task Every_function_body_of_a_large_migration_is_analysed()
    {
        var sql = new System.Text.StringBuilder();
        for (var i = 0; i < 80; i++)
        {
            sql.Append("CREATE FUNCTION f").Append(i).Append("() RETURNS void AS $fn$ DELETE FROM t WHERE id = 1; $fn$ LANGUAGE sql;\n");
        }

        sql.Append("CREATE FUNCTION last() RETURNS void AS $fn$ {|CG5003:DELETE|} FROM t; $fn$ LANGUAGE sql;\n");
        sql.Append("DO $outer$ BEGIN CREATE FUNCTION g() RETURNS void AS $body$ {|CG5003:DELETE|} FROM u; $body$ LANGUAGE sql; END $outer$;\n");
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }.WithFile("/src/db/migration.sql", sql.ToString());
        return test.RunAsync();
    }
}

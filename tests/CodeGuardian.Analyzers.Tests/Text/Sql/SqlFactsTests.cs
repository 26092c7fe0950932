using System;
using System.Collections.Generic;
using System.Linq;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

public class SqlFactsTests
{
    /// <summary>Positions of the findings, marked in the input with '|' before the construct (the marks are removed).</summary>
    private static (string Text, List<int> Expected) Marked(string marked)
    {
        var expected = new List<int>();
        var text = new System.Text.StringBuilder();
        foreach (var c in marked)
        {
            if (c == '|')
            {
                expected.Add(text.Length);
            }
            else
            {
                text.Append(c);
            }
        }

        return (text.ToString(), expected);
    }

    private static void AssertSelectStar(string marked, SqlLexerOptions options = SqlLexerOptions.None)
    {
        var (text, expected) = Marked(marked);
        var results = new List<SqlMatch>();
        SqlFacts.FindSelectStar(text.AsSpan(), results, options);
        Assert.Equal(expected, results.Select(r => r.Start).OrderBy(s => s).ToList());
        Assert.All(results, r => Assert.Equal("*", text.Substring(r.Start, r.Length)));
    }

    private static void AssertWrites(string marked, SqlLexerOptions options = SqlLexerOptions.None)
    {
        var (text, expected) = Marked(marked);
        var results = new List<SqlMatch>();
        SqlFacts.FindUnfilteredWrites(text.AsSpan(), results, options);
        Assert.Equal(expected, results.Select(r => r.Start).OrderBy(s => s).ToList());
        foreach (var r in results)
        {
            var word = text.Substring(r.Start, r.Length).ToUpperInvariant();
            Assert.Equal(r.Kind == SqlMatchKind.UpdateWithoutWhere ? "UPDATE" : "DELETE", word);
        }
    }

    [Theory]
    [InlineData("SELECT id FROM t", true)]
    [InlineData("  select * from t", true)]
    [InlineData("\\n  INSERT INTO t VALUES (1)", true)]
    [InlineData("(SELECT 1) UNION (SELECT 2)", true)]
    [InlineData("-- comment\nDELETE FROM t", true)]
    [InlineData("/* c */ UPDATE t SET a = 1", true)]
    [InlineData("WITH c AS (SELECT 1) SELECT * FROM c", true)]
    [InlineData("MERGE INTO t USING s ON 1 = 1", true)]
    [InlineData("Selected items", false)]
    [InlineData("Update", false)]
    [InlineData("Please select a row", false)]
    [InlineData("Select * to choose every file", false)]
    [InlineData("Delete from the list", false)]
    [InlineData("", false)]
    [InlineData("/* never closed SELECT", false)]
    public void LooksLikeSql(string text, bool expected) => Assert.Equal(expected, SqlFacts.LooksLikeSql(text.AsSpan()));

    [Theory]
    [InlineData("SELECT |* FROM t")]
    [InlineData("select |* from t")]
    [InlineData("SELECT t.|* FROM t")]
    [InlineData("SELECT a.id, b.|* FROM a JOIN b ON a.id = b.id")]
    [InlineData("SELECT DISTINCT |* FROM t")]
    [InlineData("SELECT TOP 10 |* FROM t")]
    [InlineData("SELECT TOP (@n) PERCENT WITH TIES |* FROM t ORDER BY a")]
    [InlineData("SELECT DISTINCT ON (a) |* FROM t")]
    [InlineData("SELECT |* INTO #copy FROM t")]
    [InlineData("SELECT /* all */ |*\n  FROM t")]
    [InlineData("SELECT |*\r\nFROM t\r\nWHERE id = 1")]
    [InlineData("INSERT INTO archive SELECT |* FROM t")]
    [InlineData("SELECT id FROM a UNION ALL SELECT |* FROM b")]
    [InlineData("SELECT a, (SELECT |* FROM b) FROM c")]
    [InlineData("WITH c AS (SELECT |* FROM t) SELECT id FROM c")]
    [InlineData("SELECT |* ")]
    public void SelectStar_fires(string marked) => AssertSelectStar(marked);

    [Theory]
    [InlineData("SELECT COUNT(*) FROM t")]
    [InlineData("SELECT count( * ) AS n FROM t")]
    [InlineData("SELECT a * b FROM t")]
    [InlineData("SELECT a, 2 * b FROM t")]
    [InlineData("SELECT id FROM t WHERE EXISTS (SELECT * FROM u WHERE u.id = t.id)")]
    [InlineData("IF NOT EXISTS (SELECT * FROM sys.tables WHERE name = 'x') CREATE TABLE x (id int)")]
    [InlineData("GRANT SELECT ON *.* TO 'u'")]
    [InlineData("SELECT id FROM t -- SELECT * FROM t")]
    [InlineData("SELECT 'SELECT * FROM t' AS q FROM d")]
    [InlineData("SELECT [*] FROM t")]
    [InlineData("SELECT * to select all items")]
    public void SelectStar_does_not_fire(string text) => AssertSelectStar(text);

    [Fact]
    public void SelectStar_with_host_escapes() => AssertSelectStar("SELECT |*\\nFROM \\\"users\\\"", SqlLexerOptions.HostEscapes);

    [Theory]
    [InlineData("|UPDATE t SET a = 1")]
    [InlineData("|update t set a = 1;")]
    [InlineData("|DELETE FROM t")]
    [InlineData("|DELETE t")]
    [InlineData("|DELETE dbo.t;")]
    [InlineData("|DELETE t OUTPUT deleted.id")]
    [InlineData("|DELETE TOP (10) FROM t")]
    [InlineData("|UPDATE t SET a = (SELECT b FROM u WHERE u.id = 1)")]
    [InlineData("|UPDATE t SET a = CASE WHEN b = 1 THEN 2 ELSE 3 END")]
    [InlineData("|UPDATE t\n   SET a = 1,\n       b = 2\n")]
    [InlineData("|DELETE FROM t WHERE_CLAUSE")]
    [InlineData("|UPDATE t SET a = 1 DELETE FROM u WHERE id = 2 |DELETE FROM v")]
    [InlineData("|UPDATE t SET a = 1; SELECT * FROM u WHERE id = 1")]
    [InlineData("WITH d AS (|DELETE FROM t RETURNING id) SELECT id FROM d")]
    [InlineData("|UPDATE t WITH (ROWLOCK) SET a = 1")]
    [InlineData("|UPDATE t SET a = 1 FROM t JOIN u ON u.id = t.id")]
    [InlineData("BEGIN |UPDATE t SET a = 1 END")]
    public void UnfilteredWrites_fire(string marked) => AssertWrites(marked);

    [Theory]
    [InlineData("UPDATE t SET a = 1 WHERE id = @id")]
    [InlineData("DELETE FROM t WHERE id = ?")]
    [InlineData("DELETE FROM t WHERE CURRENT OF c")]
    [InlineData("UPDATE t SET a = 1 WHERE CURRENT OF cur")]
    [InlineData("UPDATE t SET a = CASE WHEN b = 1 THEN 2 END WHERE id = 3")]
    [InlineData("UPDATE t SET a = 1 FROM t JOIN u ON u.id = t.id WHERE u.x = 1")]
    [InlineData("TRUNCATE TABLE t")]
    [InlineData("SELECT id FROM t FOR UPDATE")]
    [InlineData("CREATE TABLE c (p int REFERENCES p(id) ON DELETE CASCADE ON UPDATE SET NULL)")]
    [InlineData("ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (p) REFERENCES p(id) ON DELETE SET NULL")]
    [InlineData("GRANT SELECT, UPDATE, DELETE ON t TO app")]
    [InlineData("CREATE TRIGGER tr AFTER UPDATE OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f()")]
    [InlineData("CREATE TRIGGER tr ON t INSTEAD OF DELETE AS SELECT 1")]
    [InlineData("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET a = excluded.a")]
    [InlineData("INSERT INTO t (id) VALUES (1) ON DUPLICATE KEY UPDATE a = 1")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET a = s.a WHEN NOT MATCHED BY SOURCE THEN DELETE;")]
    [InlineData("IF UPDATE(a) PRINT 'changed'")]
    [InlineData("UPDATE STATISTICS t")]
    [InlineData("CREATE TEMP TABLE x (a int) ON COMMIT DELETE ROWS")]
    [InlineData("SELECT 'DELETE FROM t' AS q")]
    [InlineData("-- DELETE FROM t\nSELECT 1")]
    [InlineData("UPDATE [t] SET [where] = 1 WHERE id = 1")]
    [InlineData("DELETE the selected rows?")]
    [InlineData("delete all files in the folder")]
    public void UnfilteredWrites_do_not_fire(string text) => AssertWrites(text);

    [Fact]
    public void UnfilteredWrite_reports_the_statement_end()
    {
        const string text = "UPDATE t SET a = 1 ; SELECT 1";
        var results = new List<SqlMatch>();
        SqlFacts.FindUnfilteredWrites(text.AsSpan(), results);
        Assert.Equal(text.IndexOf(" ;", StringComparison.Ordinal), Assert.Single(results).StatementEnd);
    }

    [Theory]
    [InlineData("DELETE FROM t ", true)]
    [InlineData("UPDATE t SET a = 1 ", true)]
    [InlineData("UPDATE t SET a = ", false)]
    [InlineData("DELETE FROM ", false)]
    [InlineData("DELETE FROM t WHERE id IN (", false)]
    [InlineData("UPDATE t SET a = 'x' ", true)]
    public void ClauseMayFollow(string text, bool expected) => Assert.Equal(expected, SqlFacts.ClauseMayFollow(text.AsSpan()));

    [Fact]
    public void Statements_split_on_semicolons_go_and_bodies()
    {
        const string text = "CREATE PROCEDURE p AS\nBEGIN\n  UPDATE t SET a = 1\n  DELETE FROM u WHERE id = 2;\n  SELECT * FROM v\nEND\nGO\nINSERT INTO t SELECT * FROM s; GRANT SELECT ON t TO r WITH GRANT OPTION";
        using var tokens = new TokenList();
        SqlLexer.Tokenize(text.AsSpan(), tokens, SqlLexerOptions.None, default);
        var statements = new List<SqlStatement>();
        var code = new SqlCode(text.AsSpan(), tokens.AsSpan());
        SqlStatements.Split(code, statements);
        var texts = statements.Select(s => text.Substring(tokens[s.FirstToken].Start, tokens[s.LastToken].End - tokens[s.FirstToken].Start)).ToList();
        Assert.Equal(
            new[]
            {
                "CREATE PROCEDURE p",
                "UPDATE t SET a = 1",
                "DELETE FROM u WHERE id = 2",
                "SELECT * FROM v",
                "INSERT INTO t SELECT * FROM s",
                "GRANT SELECT ON t TO r WITH GRANT OPTION",
            },
            texts);
    }
}

public class SqlRobustnessTests
{
    private static readonly string[] Fragments =
    {
        "SELECT", "*", "FROM", "t", "WHERE", "UPDATE", "SET", "DELETE", "(", ")", ";", "\nGO\n", "CASE", "END", "WHEN",
        "THEN", "BEGIN", "EXEC", "sp_executesql", "+", "||", "@x", "'s'", "N'", "$$", "$b$", "--", "/*", "*/", "[", "]",
        "\"", ",", ".", "GRANT", "ALL", "TO", "PUBLIC", "WITH", "OPTION", "HASHBYTES", "MD5", "digest", "EXISTS", "TOP",
        "DISTINCT", "ON", "AS", "IMMEDIATE", "MERGE", "REVOKE", "\\", "\r", "\u00e9", "1",
    };

    [Fact]
    public void Randomized_sql_never_throws_in_the_analyses_and_rules()
    {
        var random = new Random(4242);
        var rules = new CodeGuardian.Analyzers.Text.Engine.TextRule[]
        {
            new CodeGuardian.Analyzers.Text.Rules.Sql.SelectStarRule(),
            new CodeGuardian.Analyzers.Text.Rules.Sql.UpdateDeleteWithoutWhereRule(),
            new CodeGuardian.Analyzers.Text.Rules.Sql.DynamicSqlRule(),
            new CodeGuardian.Analyzers.Text.Rules.Sql.WeakHashFunctionRule(),
            new CodeGuardian.Analyzers.Text.Rules.Sql.OverBroadGrantRule(),
        };
        for (var round = 0; round < 1500; round++)
        {
            var builder = new System.Text.StringBuilder();
            var count = random.Next(0, 60);
            for (var i = 0; i < count; i++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
                if (random.Next(3) > 0)
                {
                    builder.Append(' ');
                }
            }

            var text = builder.ToString();
            var results = new List<SqlMatch>();
            SqlFacts.LooksLikeSql(text.AsSpan());
            SqlFacts.FindSelectStar(text.AsSpan(), results, SqlLexerOptions.HostEscapes);
            SqlFacts.FindUnfilteredWrites(text.AsSpan(), results);
            SqlFacts.ClauseMayFollow(text.AsSpan());
            Assert.All(results, r => Assert.InRange(r.Start + r.Length, 0, text.Length));

            using var tokens = new TokenList();
            SqlLexer.Tokenize(text.AsSpan(), tokens, SqlLexerOptions.None, default);
            var statements = new List<SqlStatement>();
            SqlStatements.Split(new SqlCode(text.AsSpan(), tokens.AsSpan()), statements);
            Assert.All(statements, s => Assert.True(s.FirstToken <= s.LastToken && s.LastToken < tokens.Count));

            var chars = text.ToCharArray();
            var file = new CodeGuardian.Analyzers.Text.Engine.ScannedFile("/r.sql", CodeGuardian.Analyzers.Text.Languages.TextLanguage.Sql, Microsoft.CodeAnalysis.Text.SourceText.From(text), chars, chars.Length, tokens);
            var sink = new List<Microsoft.CodeAnalysis.Diagnostic>();
            var context = new CodeGuardian.Analyzers.Text.Engine.TextRuleContext(file, null, false, sink, default);
            foreach (var rule in rules)
            {
                rule.Analyze(context);
            }

            Assert.All(sink, d => Assert.InRange(d.Location.SourceSpan.End, 0, text.Length));
        }
    }

    [Fact]
    public void Deep_nesting_and_long_input_stay_fast()
    {
        var text = string.Concat(Enumerable.Repeat("UPDATE t SET a = (", 20_000)) + string.Concat(Enumerable.Repeat("SELECT * FROM (", 20_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var results = new List<SqlMatch>();
        SqlFacts.FindSelectStar(text.AsSpan(), results);
        SqlFacts.FindUnfilteredWrites(text.AsSpan(), results);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), watch.Elapsed.ToString());
    }
}

public class SqlRuleScalingTests
{
    [Fact]
    public void Many_unclosed_execs_and_digests_stay_fast()
    {
        var text = string.Concat(Enumerable.Repeat("EXEC( 'a' + @b digest( x , ", 30_000));
        using var tokens = new TokenList();
        SqlLexer.Tokenize(text.AsSpan(), tokens, SqlLexerOptions.None, default);
        var chars = text.ToCharArray();
        var file = new CodeGuardian.Analyzers.Text.Engine.ScannedFile("/r.sql", CodeGuardian.Analyzers.Text.Languages.TextLanguage.Sql, Microsoft.CodeAnalysis.Text.SourceText.From(text), chars, chars.Length, tokens);
        var sink = new List<Microsoft.CodeAnalysis.Diagnostic>();
        var context = new CodeGuardian.Analyzers.Text.Engine.TextRuleContext(file, null, false, sink, default);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        new CodeGuardian.Analyzers.Text.Rules.Sql.DynamicSqlRule().Analyze(context);
        new CodeGuardian.Analyzers.Text.Rules.Sql.WeakHashFunctionRule().Analyze(context);
        new CodeGuardian.Analyzers.Text.Rules.Sql.OverBroadGrantRule().Analyze(context);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), watch.Elapsed.ToString());
    }
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Text.Rust;

public class RustSqlInjectionRuleTests
{
    private const string Id = RuleIdentifiers.SqlInjection;

    [Fact]
    public Task Format_built_sql_fires_on_the_argument() => RustRuleVerifier.VerifyAsync(Id, """
        pub async fn find(pool: &PgPool, name: &str) -> Result<Vec<User>> {
            let a = sqlx::query({|CG4001:&format!("SELECT * FROM users WHERE name = '{}'", name)|}).fetch_all(pool).await?;
            let b = sqlx::query_as::<_, User>({|CG4001:&format!("SELECT * FROM users WHERE name = '{name}'")|})
                .fetch_all(pool)
                .await?;
            client.execute({|CG4001:&format!("DELETE FROM t WHERE id = {}", id)|}, &[]).await?;
            conn.query({|CG4001:format!("SELECT {} FROM t", column).as_str()|}, &[])?;
            Ok(a)
        }
        """);

    [Fact]
    public Task Locals_built_with_format_concatenation_or_push_str_fire() => RustRuleVerifier.VerifyAsync(Id, """
        pub fn run(conn: &Connection, table: &str, filter: &str) -> Result<()> {
            let sql = format!("SELECT * FROM {}", table);
            conn.execute({|CG4001:&sql|}, [])?;

            let mut q = String::from("SELECT * FROM t WHERE a = ");
            q.push_str(filter);
            conn.query_row({|CG4001:&q|}, [], |r| r.get(0))?;

            let joined = "DELETE FROM t WHERE id = ".to_string() + filter;
            conn.execute({|CG4001:joined.as_str()|}, [])?;

            conn.execute({|CG4001:&("SELECT 1 WHERE x = ".to_owned() + filter)|}, [])?;
            Ok(())
        }
        """);

    [Fact]
    public Task Parameters_constants_and_checked_macros_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        const BASE: &str = "SELECT * FROM users";
        pub async fn ok(pool: &PgPool, id: i64, sql: &str) -> Result<()> {
            sqlx::query("SELECT * FROM users WHERE id = $1").bind(id).fetch_one(pool).await?;
            sqlx::query_as::<_, User>("SELECT * FROM users WHERE id = $1").bind(id).fetch_one(pool).await?;
            sqlx::query!("SELECT * FROM users WHERE id = $1", id).fetch_one(pool).await?;
            let constant = format!("SELECT * FROM users");
            sqlx::query(&constant).execute(pool).await?;
            let joined = BASE.to_string() + " WHERE id = $1";
            sqlx::query(&joined).bind(id).execute(pool).await?;
            let lit = concat!("SELECT 1", " FROM t");
            client.execute(lit, &[&id]).await?;
            client.execute(sql, &[&id]).await?;
            sqlx::query(r#"SELECT "name" FROM t WHERE id = $1"#).bind(id).execute(pool).await?;
            Ok(())
        }
        fn query(s: String) {}
        """);

    [Fact]
    public Task Strings_and_comments_do_not_fire() => RustRuleVerifier.VerifyAsync(Id, """
        // sqlx::query(&format!("SELECT {}", x))
        /* conn.execute(&format!("DELETE {}", y), []) /* nested */ */
        pub fn f() -> &'static str { "sqlx::query(&format!(\"SELECT {}\", x))" }
        pub fn g() -> &'static str { r#"conn.execute(&format!("x{}", y))"# }
        """);

    [Fact]
    public Task Message_names_the_sink_and_the_cause() => RustRuleVerifier.VerifyAsync(Id, "fn f() { sqlx::query(&format!(\"{}\", x)); }", "/src/lib.rs",
        RustRuleVerifier.Diagnostic(Descriptors.SqlInjection, "/src/lib.rs", 1, 22, 39, "query", "format! with arguments"));
}

using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Rules.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.Sql;

/// <summary>
/// CG5002/CG5003 inside string literals of JS, Python and Rust. The rules read the String tokens of the language's
/// lexer; the first group of tests feeds them tokens from a tiny test tokenizer (quotes, '+', comments) so the SQL
/// side is tested on its own; the second group runs the real analyzer end to end.
/// </summary>
public class SqlInHostStringLiteralTests
{
    // ---- The SQL side, on hand-made tokens -------------------------------------------------------------

    /// <summary>Runs <paramref name="rule"/> over <paramref name="marked"/>, where «…» marks each expected span.</summary>
    private static void AssertRule(TextRule rule, TextLanguage language, string marked)
    {
        var expected = new List<(int, int)>();
        var text = new StringBuilder();
        var open = -1;
        foreach (var c in marked)
        {
            if (c == '«')
            {
                open = text.Length;
            }
            else if (c == '»')
            {
                expected.Add((open, text.Length - open));
            }
            else
            {
                text.Append(c);
            }
        }

        var source = text.ToString();
        using var tokens = TestTokenize(source);
        var chars = source.ToCharArray();
        var file = new ScannedFile("/src/app.x", language, SourceText.From(source), chars, chars.Length, tokens);
        var sink = new List<Diagnostic>();
        rule.Analyze(new TextRuleContext(file, null, false, sink, CancellationToken.None));
        var actual = sink.Select(d => (d.Location.SourceSpan.Start, d.Location.SourceSpan.Length)).ToList();
        Assert.Equal(expected, actual);
    }

    /// <summary>Quotes become String tokens (backticks: Template, with ${} Interpolated), '#' and '//' comments, '+' punctuation.</summary>
    private static TokenList TestTokenize(string text)
    {
        var tokens = new TokenList();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is '"' or '\'' or '`')
            {
                var j = i + 1;
                while (j < text.Length && text[j] != c)
                {
                    j += text[j] == '\\' ? 2 : 1;
                }

                var end = System.Math.Min(j + 1, text.Length);
                var flags = c == '`' ? TokenFlags.Template : TokenFlags.None;
                if (c == '`' && text.Substring(i, end - i).Contains("${"))
                {
                    flags |= TokenFlags.Interpolated;
                }

                tokens.Add(i, end - i, TokenKind.String, flags);
                i = end;
            }
            else if (c == '#' || (c == '/' && i + 1 < text.Length && text[i + 1] == '/'))
            {
                var j = text.IndexOf('\n', i);
                j = j < 0 ? text.Length : j;
                tokens.Add(i, j - i, TokenKind.Comment);
                i = j;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '_')
            {
                var j = i;
                while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] == '_'))
                {
                    j++;
                }

                tokens.Add(i, j - i, TokenKind.Identifier);
                i = j;
            }
            else
            {
                tokens.Add(i, 1, TokenKind.Punctuation);
                i++;
            }
        }

        return tokens;
    }

    [Fact]
    public void SelectStar_in_literals_at_the_exact_star() => AssertRule(new SelectStarInStringLiteralRule(), TextLanguage.JavaScript,
        "const a = db.query('SELECT «*» FROM users WHERE id = ?', [id]);\n" +
        "const b = `SELECT u.«*»\\n  FROM users u WHERE u.id = ${id}`;\n" +
        "const c = \"select «*» from \\\"orders\\\"\";\n");

    [Fact]
    public void SelectStar_not_in_count_exists_prose_or_comments() => AssertRule(new SelectStarInStringLiteralRule(), TextLanguage.Python,
        "a = 'SELECT COUNT(*) FROM users'\n" +
        "b = 'SELECT id FROM users u WHERE EXISTS (SELECT * FROM bans b WHERE b.user_id = u.id)'\n" +
        "c = 'Select * to choose every file'\n" +
        "# cursor.execute('SELECT * FROM users')\n" +
        "d = 'SELECT price * qty FROM lines'\n");

    [Fact]
    public void Docstrings_are_not_queries()
    {
        const string source = "def purge():\n    'DELETE FROM sessions'\n";
        using var tokens = new TokenList();
        tokens.Add(0, 3, TokenKind.Identifier);
        tokens.Add(source.IndexOf('\'', System.StringComparison.Ordinal), "'DELETE FROM sessions'".Length, TokenKind.String, TokenFlags.Documentation);
        var chars = source.ToCharArray();
        var file = new ScannedFile("/src/app.py", TextLanguage.Python, SourceText.From(source), chars, chars.Length, tokens);
        var sink = new List<Diagnostic>();
        new UpdateDeleteWithoutWhereInStringLiteralRule().Analyze(new TextRuleContext(file, null, false, sink, CancellationToken.None));
        Assert.Empty(sink);

        // The same literal without the docstring flag is a query.
        using var plain = new TokenList();
        plain.Add(source.IndexOf('\'', System.StringComparison.Ordinal), "'DELETE FROM sessions'".Length, TokenKind.String);
        var plainFile = new ScannedFile("/src/app.py", TextLanguage.Python, SourceText.From(source), chars, chars.Length, plain);
        new UpdateDeleteWithoutWhereInStringLiteralRule().Analyze(new TextRuleContext(plainFile, null, false, sink, CancellationToken.None));
        Assert.Single(sink);
    }

    [Fact]
    public void SelectStar_in_a_literal_continued_by_concatenation() => AssertRule(new SelectStarInStringLiteralRule(), TextLanguage.JavaScript,
        "const q = 'SELECT «*» ' + 'FROM users';\n");

    [Fact]
    public void Write_without_where_at_the_exact_keyword() => AssertRule(new UpdateDeleteWithoutWhereInStringLiteralRule(), TextLanguage.Python,
        "cursor.execute('«UPDATE» users SET active = 0')\n" +
        "cursor.execute(\"«delete» from sessions\")\n" +
        "cursor.execute(f\"«DELETE» FROM {table}\")\n" +
        "cursor.execute('«UPDATE» users SET name = ' + name)\n");

    [Fact]
    public void Write_with_where_truncate_prose_or_filter_added_elsewhere_does_not_fire() => AssertRule(new UpdateDeleteWithoutWhereInStringLiteralRule(), TextLanguage.Python,
        "cursor.execute('UPDATE users SET active = 0 WHERE id = %s', (uid,))\n" +
        "cursor.execute('DELETE FROM sessions WHERE user_id = :uid', params)\n" +
        "cursor.execute('TRUNCATE TABLE staging')\n" +
        "cursor.execute('DELETE FROM sessions ' + where_clause)\n" +
        "cursor.execute('DELETE FROM sessions {}'.format(where_clause))\n" +
        "cursor.execute('DELETE FROM sessions %s' % where_clause)\n" +
        "label = 'Delete the selected rows?'\n" +
        "# cursor.execute('DELETE FROM sessions')\n");

    [Fact]
    public void Write_in_a_template_with_a_trailing_filter_hole_does_not_fire() => AssertRule(new UpdateDeleteWithoutWhereInStringLiteralRule(), TextLanguage.JavaScript,
        "await db.query(`UPDATE users SET active = false ${filter}`);\n" +
        "await db.query(`«UPDATE» users SET name = ${name}`);\n");

    // ---- End to end through the real lexers -------------------------------------------------------------

    private static Task Verify(string path, string markup)
    {
        var test = new CSharpAnalyzerVerifier<TextFileAnalyzer>.Test { TestCode = string.Empty }.WithFile(path, markup);
        return test.RunAsync();
    }

    [Fact]
    public Task JavaScript_end_to_end() => Verify("/src/db/users.js",
        "const all = await db.query('SELECT {|CG5002:*|} FROM users');\n" +
        "await db.query(`{|CG5003:DELETE|} FROM sessions`);\n" +
        "// db.query('SELECT * FROM users')\n" +
        "await db.query('SELECT COUNT(*) FROM users WHERE id = $1', [id]);\n");

    [Fact]
    public Task Python_end_to_end() => Verify("/src/db/users.py",
        "rows = cursor.execute(\"\"\"\n    SELECT {|CG5002:*|}\n      FROM users\n\"\"\")\n" +
        "cursor.execute('{|CG5003:UPDATE|} users SET active = 0')\n" +
        "# cursor.execute('DELETE FROM users')\n" +
        "cursor.execute('DELETE FROM users WHERE id = %s', (uid,))\n");

    [Fact]
    public Task Rust_end_to_end() => Verify("/src/db/users.rs",
        "let rows = sqlx::query(r#\"SELECT {|CG5002:*|} FROM \"users\"\"#).fetch_all(&pool).await?;\n" +
        "sqlx::query(\"{|CG5003:DELETE|} FROM sessions\").execute(&pool).await?;\n" +
        "// sqlx::query(\"SELECT * FROM users\")\n" +
        "sqlx::query(\"SELECT COUNT(*) FROM users WHERE id = $1\").bind(id);\n");
}

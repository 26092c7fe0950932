using System;
using System.Globalization;
using System.Text;

namespace CodeGuardian.Benchmarks.Corpus;

/// <summary>
/// Deterministic generators of realistic JavaScript/TypeScript, Python, SQL and Rust files: functions with
/// control flow, comments and doc comments, every string form of the language (template literals, f-strings,
/// raw strings, dollar quoting), regex literals, and a small share of the constructs the text rules report.
/// Each call appends whole units until the file reaches <c>targetSize</c> characters.
/// </summary>
internal static class TextGenerators
{
    private static readonly string[] Nouns = { "order", "customer", "invoice", "product", "shipment", "account", "payment", "report" };

    public static string JavaScript(int targetSize, DeterministicRandom random)
    {
        var b = new StringBuilder(targetSize + 2048);
        b.Append("'use strict';\n\nimport { readFile } from 'node:fs/promises';\nimport { formatAmount } from './format.js';\n\n");
        var unit = 0;
        while (b.Length < targetSize)
        {
            var noun = random.Pick(Nouns);
            var n = Num(unit++);
            b.Append("/**\n * Loads the ").Append(noun).Append(" list and renders it.\n * @param {string} region the sales region\n */\n");
            b.Append("export async function load").Append(Cap(noun)).Append(n).Append("(region, options = {}) {\n");
            b.Append("  const url = `/api/").Append(noun).Append("s?region=${encodeURIComponent(region)}&page=${options.page ?? 1}`;\n");
            b.Append("  const response = await fetch(url, { headers: { Accept: 'application/json' } });\n");
            b.Append("  if (!response.ok) {\n    throw new Error(\"request failed: \" + response.status);\n  }\n\n");
            b.Append("  const items = (await response.json()).filter((x) => x.total > ").Append(random.Next(500)).Append(" && /^[a-z]+$/i.test(x.code));\n");
            b.Append("  let sum = 0;\n  for (const item of items) {\n    // Totals are in cents.\n    sum += item.total / 100;\n  }\n\n");
            b.Append("  const rows = items.map((item) => `<li data-id=\"${item.id}\">${formatAmount(item.total)}</li>`).join('');\n");
            if (random.Chance(10))
            {
                b.Append("  console.log('loaded', items.length);\n");
            }

            if (random.Chance(5))
            {
                b.Append("  document.getElementById('list').innerHTML = rows;\n");
            }

            b.Append("  return { sum, rows, count: items.length };\n}\n\n");
            b.Append("const ").Append(noun).Append("Cache").Append(n).Append(" = new Map();\n");
            b.Append("export function cached").Append(Cap(noun)).Append(n).Append("(key) {\n");
            b.Append("  if (!").Append(noun).Append("Cache").Append(n).Append(".has(key)) {\n");
            b.Append("    ").Append(noun).Append("Cache").Append(n).Append(".set(key, { created: Date.now(), tags: ['a', \"b\", `c`] });\n  }\n");
            b.Append("  return ").Append(noun).Append("Cache").Append(n).Append(".get(key);\n}\n\n");
        }

        return b.ToString();
    }

    public static string Python(int targetSize, DeterministicRandom random)
    {
        var b = new StringBuilder(targetSize + 2048);
        b.Append("\"\"\"Data export helpers.\"\"\"\n\nimport json\nimport logging\nimport os\nfrom dataclasses import dataclass\n\nlog = logging.getLogger(__name__)\n\n");
        var unit = 0;
        while (b.Length < targetSize)
        {
            var noun = random.Pick(Nouns);
            var n = Num(unit++);
            b.Append("@dataclass\nclass ").Append(Cap(noun)).Append(n).Append(":\n    \"\"\"A ").Append(noun).Append(" row as exported.\"\"\"\n\n");
            b.Append("    id: int\n    name: str\n    total: float = 0.0\n\n");
            b.Append("    def label(self) -> str:\n        return f\"{self.name} ({self.total:.2f})\"\n\n\n");
            b.Append("def export_").Append(noun).Append('_').Append(n).Append("(cursor, region: str, limit: int = 100):\n");
            b.Append("    '''Exports the rows of one region as JSON lines.'''\n");
            b.Append("    cursor.execute(\"SELECT id, name, total FROM ").Append(noun).Append("s WHERE region = %s LIMIT %s\", (region, limit))\n");
            b.Append("    rows = [").Append(Cap(noun)).Append(n).Append("(*row) for row in cursor.fetchall() if row[2] > ").Append(random.Next(100)).Append("]\n");
            b.Append("    path = os.path.join('exports', f'").Append(noun).Append("-{region}.jsonl')\n");
            b.Append("    with open(path, 'w', encoding='utf-8') as handle:\n");
            b.Append("        for row in rows:\n            # one object per line\n            handle.write(json.dumps(row.__dict__) + '\\n')\n");
            if (random.Chance(10))
            {
                b.Append("    print('exported', len(rows))\n");
            }

            if (random.Chance(5))
            {
                b.Append("    try:\n        os.remove(path + '.tmp')\n    except Exception:\n        pass\n");
            }

            b.Append("    log.info(\"exported %d rows to %s\", len(rows), path)\n    return len(rows)\n\n\n");
        }

        return b.ToString();
    }

    public static string Sql(int targetSize, DeterministicRandom random)
    {
        var b = new StringBuilder(targetSize + 2048);
        b.Append("-- Schema and maintenance procedures.\nSET NOCOUNT ON;\nGO\n\n");
        var unit = 0;
        while (b.Length < targetSize)
        {
            var noun = random.Pick(Nouns);
            var n = Num(unit++);
            var table = noun + "s_" + n;
            b.Append("/* ").Append(Cap(noun)).Append(" storage, partitioned by region. */\n");
            b.Append("CREATE TABLE dbo.").Append(table).Append(" (\n    id INT IDENTITY(1,1) PRIMARY KEY,\n    name NVARCHAR(200) NOT NULL,\n");
            b.Append("    region VARCHAR(16) NOT NULL DEFAULT 'north',\n    total DECIMAL(18, 2) NOT NULL,\n    created_at DATETIME2 NOT NULL DEFAULT SYSUTCDATETIME()\n);\nGO\n\n");
            b.Append("CREATE INDEX ix_").Append(table).Append("_region ON dbo.").Append(table).Append(" (region, created_at);\nGO\n\n");
            b.Append("CREATE PROCEDURE dbo.archive_").Append(table).Append(" @region VARCHAR(16), @before DATETIME2\nAS\nBEGIN\n");
            b.Append("    -- Move old rows to the archive table in one transaction.\n    BEGIN TRANSACTION;\n");
            b.Append("    INSERT INTO archive.").Append(table).Append(" (id, name, region, total)\n        SELECT id, name, region, total FROM dbo.").Append(table);
            b.Append("\n        WHERE region = @region AND created_at < @before;\n");
            b.Append("    DELETE FROM dbo.").Append(table).Append(" WHERE region = @region AND created_at < @before;\n    COMMIT TRANSACTION;\nEND;\nGO\n\n");
            b.Append("UPDATE dbo.").Append(table).Append(" SET name = N'O''Brien; -- not a comment' WHERE id = ").Append(random.Next(1000)).Append(";\n");
            if (random.Chance(10))
            {
                b.Append("SELECT * FROM dbo.").Append(table).Append(";\n");
            }

            if (random.Chance(5))
            {
                b.Append("DECLARE @sql NVARCHAR(MAX) = N'SELECT name FROM dbo.").Append(table).Append(" WHERE region = ''' + @region + N'''';\nEXEC (@sql);\n");
            }

            b.Append("SELECT region, SUM(total) AS total FROM dbo.").Append(table).Append(" GROUP BY region HAVING SUM(total) > 100;\nGO\n\n");
        }

        return b.ToString();
    }

    public static string Rust(int targetSize, DeterministicRandom random)
    {
        var b = new StringBuilder(targetSize + 2048);
        b.Append("//! Native helpers for the export pipeline.\n\nuse std::collections::HashMap;\nuse std::fs;\nuse std::io::{self, Write};\n\n");
        var unit = 0;
        while (b.Length < targetSize)
        {
            var noun = random.Pick(Nouns);
            var n = Num(unit++);
            b.Append("/// A ").Append(noun).Append(" record.\n#[derive(Debug, Clone, PartialEq)]\npub struct ").Append(Cap(noun)).Append(n).Append(" {\n");
            b.Append("    pub id: u64,\n    pub name: String,\n    pub total: f64,\n}\n\n");
            b.Append("impl ").Append(Cap(noun)).Append(n).Append(" {\n");
            b.Append("    /// Parses one `id;name;total` line.\n    pub fn parse<'a>(line: &'a str) -> Option<Self> {\n");
            b.Append("        let mut parts = line.split(';');\n        let id = parts.next()?.trim().parse::<u64>().ok()?;\n");
            b.Append("        let name = parts.next()?.to_string();\n        let total: f64 = parts.next()?.parse().ok()?;\n");
            b.Append("        Some(Self { id, name, total })\n    }\n}\n\n");
            b.Append("pub fn write_").Append(noun).Append('_').Append(n).Append("(rows: &[").Append(Cap(noun)).Append(n).Append("], path: &str) -> io::Result<usize> {\n");
            b.Append("    let mut totals: HashMap<u64, f64> = HashMap::new();\n    let mut out = fs::File::create(path)?;\n");
            b.Append("    for row in rows.iter().filter(|r| r.total > ").Append(random.Next(100)).Append(".0) {\n");
            b.Append("        /* running total per id */\n        *totals.entry(row.id).or_insert(0.0) += row.total;\n");
            b.Append("        writeln!(out, \"{};{};{:.2}\", row.id, row.name, row.total)?;\n    }\n");
            b.Append("    let header = r#\"{\"kind\": \"").Append(noun).Append("\"}\"#;\n    out.write_all(header.as_bytes())?;\n");
            if (random.Chance(10))
            {
                b.Append("    println!(\"wrote {} rows\", rows.len());\n");
            }

            if (random.Chance(5))
            {
                b.Append("    let first = rows.first().unwrap();\n    let _ = first;\n");
            }

            b.Append("    Ok(totals.len())\n}\n\n");
        }

        return b.ToString();
    }

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Cap(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);
}

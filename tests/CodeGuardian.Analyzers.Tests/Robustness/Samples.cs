using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Tests.Robustness;

/// <summary>Realistic files of every scanned language, the starting point of truncations and mutations.</summary>
public static class Samples
{
    public static readonly IReadOnlyList<(string Path, string Text)> TextFiles = new (string, string)[]
    {
        ("/repo/src/app.js", """
            import express from 'express';
            import { exec } from 'child_process';
            const app = express();
            const API_KEY = "AKIAIOSFODNN7EXAMPLE";
            // TODO: remove before release
            app.get('/run', (req, res) => {
              exec('ls ' + req.query.dir, (err, out) => res.send(`<p>${out}</p>`));
              console.log(`ran ${req.query.dir}`);
              document.body.innerHTML = req.query.html;
              debugger;
              try { JSON.parse(req.body); } catch (e) { }
              eval(req.query.code);
              const re = /ab+c/gi, s = 'it\'s', t = "a\"b";
              alert(Math.random().toString(36));
            });
            /* block comment with FIXME: later */
            export default app;
            """),
        ("/repo/src/view.tsx", """
            import React from 'react';
            interface Props<T> { items: T[]; onPick?: (x: T) => void }
            export function List<T extends { id: string }>({ items }: Props<T>) {
              const html = { __html: items.map(i => `<li>${i.id}</li>`).join('') };
              return <ul className="x" dangerouslySetInnerHTML={html}>{items.length > 0 && <b>hi</b>}</ul>;
            }
            const x = a as unknown as string; let y = <T,>(v: T) => v;
            """),
        ("/repo/app/main.py", """
            #!/usr/bin/env python3
            import os, subprocess, pickle, hashlib
            import requests
            from flask import Flask, request
            app = Flask(__name__)
            PASSWORD = "hunter2hunter2"

            @app.route("/q")
            def q():
                # FIXME: injection
                cur.execute("SELECT * FROM users WHERE name = '%s'" % request.args["n"])
                subprocess.call("ls " + request.args["d"], shell=True)
                data = pickle.loads(request.data)
                print(f"{data!r:>10} {{literal}}")
                h = hashlib.md5(b"x").hexdigest()
                try:
                    requests.get("http://example.com", verify=False)
                except:
                    pass
                return '''multi
            line''' + r"raw\d" + b'bytes'.decode()

            if __name__ == "__main__":
                app.run(debug=True)
            """),
        ("/repo/db/report.sql", """
            -- nightly report
            CREATE PROCEDURE dbo.Report @name NVARCHAR(50) AS
            BEGIN
              DECLARE @sql NVARCHAR(MAX) = N'SELECT * FROM Orders WHERE Name = ''' + @name + '''';
              EXEC(@sql);
              UPDATE Orders SET Total = 0;
              DELETE FROM Audit;
              SELECT [weird name], "quoted", `back` FROM t /* nested /* comment */ */ WHERE x = 'it''s';
            END
            GO
            CREATE FUNCTION f() RETURNS int AS $$ SELECT 1 $$ LANGUAGE sql;
            """),
        ("/repo/src/lib.rs", """
            use std::process::Command;
            /// Docs with `code`
            pub fn run(input: &str) -> Result<String, Box<dyn std::error::Error>> {
                let out = Command::new("sh").arg("-c").arg(format!("ls {}", input)).output()?;
                let v: Vec<u8> = out.stdout.clone();
                let s = String::from_utf8(v).unwrap();
                let r = r#"raw "string" here"#; let c = 'c'; let b = b'\n'; let lt: &'static str = "x";
                /* nested /* block */ comment */
                todo!("later");
                println!("{}", s);
                unsafe { std::ptr::null::<u8>().read() };
                Ok(s.expect("utf8"))
            }
            """),
        ("/repo/.env", "DB_PASSWORD=SuperSecret123!\nAPI_URL=http://api.example.com\n# comment\nEMPTY=\n"),
        ("/repo/appsettings.json", "{\n  \"ConnectionStrings\": { \"Db\": \"Server=x;Password=P@ssw0rd123;\" },\n  \"Logging\": { \"LogLevel\": { \"Default\": \"Debug\" } }\n}\n"),
        ("/repo/config.yml", "server:\n  password: \"hunter2hunter2\"\n  url: http://example.com\nlist:\n  - a\n  - b: c\n"),
        ("/repo/package.json", "{ \"name\": \"x\", \"dependencies\": { \"express\": \"^4.0.0\" } }\n"),
        ("/repo/requirements.txt", "requests==2.31.0\nflask>=2\n"),
    };

    /// <summary>Extension of each text language for the pathological inputs.</summary>
    public static readonly string[] LanguagePaths = { "/repo/p.js", "/repo/p.ts", "/repo/p.py", "/repo/p.sql", "/repo/p.rs", "/repo/.env.local", "/repo/p.yml" };
}

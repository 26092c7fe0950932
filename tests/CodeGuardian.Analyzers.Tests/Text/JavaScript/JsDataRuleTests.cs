using System.Threading.Tasks;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

public class JsPathTraversalRuleTests
{
    [Fact]
    public Task Request_input_reaching_file_sinks_fires() => JsRuleTest.VerifyAsync("CG4005", """
        const fs = require('fs');
        const path = require('path');
        app.get('/a', (req, res) => {
          {|CG4005:fs.readFile|}(req.params.name, send);
          {|CG4005:res.sendFile|}(req.query.file);
          const full = {|CG4005:path.join|}(__dirname, 'uploads', req.body.path);
          fs.readFileSync({|CG4005:path.resolve|}(root, req.params.file));
          {|CG4005:fs.createReadStream|}(`./files/${req.params.name}`);
          {|CG4005:res.sendFile|}(`/srv/${request.query.file}`);
          {|CG4005:fs.promises.writeFile|}(
            req.body.target,
            data);
        });
        """);

    [Fact]
    public Task Request_input_through_a_variable_fires() => JsRuleTest.VerifyAsync("CG4005", """
        import { readFile } from 'fs/promises';
        export async function handler(req: Request, res: Response) {
          const name = req.query.name;
          const { dir } = req.params;
          const data = await {|CG4005:readFile|}(name);
          {|CG4005:res.download|}(`/srv/${dir}/report.pdf`);
        }
        """, "/src/handler.ts");

    [Fact]
    public Task Sanitized_names_and_other_inputs_do_not_fire() => JsRuleTest.VerifyAsync("CG4005", """
        const fs = require('fs');
        const path = require('path');
        app.get('/a', (req, res) => {
          fs.readFile(path.basename(req.params.name), send);
          res.sendFile(sanitizeFilename(req.query.file));
          fs.readFile(path.join(__dirname, 'static', 'index.html'), send);
          fs.readFile(`./static/${page}.html`, send);
          fs.readFile(`./static/${prereq.name}.html`, send);
          const id = req.params.id;
          log(id);
          res.json(req.body);
          // fs.readFile(req.params.name)
          const s = "fs.readFile(req.params.name)";
        });
        """);
}

public class JsQueryInLoopRuleTests
{
    [Fact]
    public Task Awaited_queries_inside_loops_fire() => JsRuleTest.VerifyAsync("CG5001", """
        async function load(db, ids) {
          for (const id of ids) {
            const row = await {|CG5001:db.query|}('SELECT * FROM t WHERE id = ?', [id]);
          }
          for (let i = 0; i < ids.length; i++)
            await {|CG5001:User.findOne|}({ where: { id: ids[i] } });
          while (more) {
            if (x) {
              await {|CG5001:prisma.user.findMany|}({ take: 10 });
            }
          }
          do {
            await {|CG5001:repo.save|}(item);
          } while (next());
          ids.forEach(async (id) => {
            await {|CG5001:db.execute|}('DELETE FROM t WHERE id = ?', [id]);
          });
          await Promise.all(ids.map(async id => await {|CG5001:Order.findByPk|}(id)));
        }
        """);

    [Fact]
    public Task Queries_outside_loops_do_not_fire() => JsRuleTest.VerifyAsync("CG5001", """
        async function load(db, ids) {
          const rows = await db.query('SELECT * FROM t WHERE id IN (?)', [ids]);
          for (const row of await db.query('SELECT * FROM t')) {
            total += row.n;
          }
          for (const id of ids) {
            results.push(cache.get(id));
          }
          while (i < 3) { i++; }
          const one = await User.findOne({ where: { id } });
          // for (x of y) { await db.query(q) }
          const s = "for (;;) { await db.query(q) }";
          const handlers = ids.map((id) => () => fetch(id));
        }
        """);

    [Fact]
    public Task Loop_message_names_the_loop_kind() => JsRuleTest.VerifyAsync(
        "CG5001",
        """
        async function load(db, ids) {
          ids.forEach(async (id) => { await db.query('x', [id]); });
        }
        """,
        "/src/app.js",
        "",
        Microsoft.CodeAnalysis.Testing.DiagnosticResult.CompilerWarning("CG5001").WithSpan("/src/app.js", 2, 37, 2, 45)
            .WithMessage("'db.query' runs a database query inside a forEach loop (N+1); load the data in one batched query before the loop"));
}

using System.Threading.Tasks;
using CodeGuardian.Analyzers.Tests.Verifiers;

namespace CodeGuardian.Analyzers.Tests.Text.Common;

/// <summary>CG1001–CG1007 in the comments of every text language; never in strings or code.</summary>
public class CommentMarkersRuleTests
{
    [Theory]
    [InlineData("/src/app.js", "// {|CG1001:TODO: retry on 503|}\nconst s = \"TODO: not a comment\";\nconst todoList = [];\n")]
    [InlineData("/src/app.ts", "const t = `TODO ${x} // TODO inside template`; /* {|CG1002:FIXME leak|} */\n")]
    [InlineData("/src/view.jsx", "const re = /TODO\\/x/; // {|CG1003:HACK: regex literal before me|}\n")]
    [InlineData("/scripts/job.py", "# {|CG1001:TODO: paginate|}\ns = \"\"\"\n# TODO inside a docstring\n\"\"\"\nf = f\"{x!r} # TODO\"\n")]
    [InlineData("/db/001.sql", "-- {|CG1004:BUG: wrong index|}\nSELECT '-- TODO not a comment' AS x; /* {|CG1001:TODO: drop column|} */\n")]
    [InlineData("/native/src/lib.rs", "/* outer /* {|CG1001:TODO nested */ still comment|} */\nlet s = r#\"// TODO in raw string\"#;\nlet c = '\"'; // {|CG1004:XXX after char literal|}\n")]
    public Task TagsInComments_Fire_StringsAndCodeDoNot(string path, string markup) => TextFileVerifier.VerifyAsync(path, markup);

    [Theory]
    [InlineData("/src/app.js", "// {|CG1006:... rest of the code ...|}\n// {|CG1007:Here's the updated code|}:\n")]
    [InlineData("/scripts/a.py", "# {|CG1006:your code here|}\nmsg = 'I hope this helps'\n")]
    [InlineData("/db/a.sql", "-- {|CG1006:(rest of implementation)|}\n")]
    [InlineData("/native/src/a.rs", "// {|CG1007:As an AI language model|}, I cannot compile this\n")]
    public Task ElidedCodeAndAssistantPhrases_FireInComments(string path, string markup) => TextFileVerifier.VerifyAsync(path, markup);

    [Theory]
    [InlineData("/src/app.js", "{|CG1007:```javascript|}\nconst a = 1;\n{|CG1007:```|}\n")]
    [InlineData("/scripts/a.py", "{|CG1007:```python|}\nimport os\n{|CG1007:```|}\n")]
    [InlineData("/native/src/a.rs", "{|CG1007:```rust|}\nfn f() {}\n{|CG1007:```|}\n")]
    public Task MarkdownFence_InCode_Fires(string path, string markup) => TextFileVerifier.VerifyAsync(path, markup);

    [Theory]
    [InlineData("/scripts/a.py", "def f():\n    \"\"\"Example:\n\n    ```python\n    f()\n    ```\n    \"\"\"\n")]
    [InlineData("/src/a.js", "/**\n * ```js\n * f()\n * ```\n */\nfunction f() {}\n")]
    [InlineData("/native/src/a.rs", "/// ```\n/// let x = 1;\n/// ```\nfn f() {}\n")]
    public Task MarkdownFence_InCommentOrString_DoesNotFire(string path, string markup) => TextFileVerifier.VerifyAsync(path, markup);

    [Theory]
    [InlineData("/src/empty.js")]
    [InlineData("/scripts/empty.py")]
    [InlineData("/db/empty.sql")]
    [InlineData("/native/src/empty.rs")]
    public Task EmptyFile_NoDiagnostics(string path) => TextFileVerifier.VerifyAsync(path, string.Empty);

    [Fact]
    public Task UnknownExtension_IsNotScanned() => TextFileVerifier.VerifyAsync("/docs/notes.txt", "// TODO: not code\n");

    [Theory]
    [InlineData("/node_modules/pkg/index.js")]
    [InlineData("/src/bin/out.js")]
    [InlineData("/web/app.min.js")]
    [InlineData("/py/__pycache__/m.py")]
    [InlineData("/native/target/debug/build.rs")]
    public Task GeneratedAndVendoredFiles_AreSkipped(string path) => TextFileVerifier.VerifyAsync(path, "// TODO: vendored\n# TODO: vendored\n");
}

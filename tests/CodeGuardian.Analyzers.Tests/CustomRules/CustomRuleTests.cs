using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Configuration.CustomRules;
using CodeGuardian.Analyzers.Tests.Documentation;
using CodeGuardian.Analyzers.Tests.Robustness;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Tests.CustomRules;

public sealed class CustomRuleTests
{
    private const string RulesPath = "/repo/codeguardian.rules.json";

    private static HarnessResult Run(string rules, params (string Path, string Text)[] files)
    {
        var additional = new List<AdditionalText> { new MemoryAdditionalText(RulesPath, rules) };
        additional.AddRange(files.Select(f => new MemoryAdditionalText(f.Path, f.Text)));
        var result = AnalyzerHarness.RunText(additional);
        result.AssertNoCrash("custom rules");
        return result;
    }

    private static string Rule(string fields) => "{ \"rules\": [ { \"id\": \"ACME1\", \"name\": \"No foo\", \"message\": \"use bar\", " + fields + " } ] }";

    private static Diagnostic[] Custom(HarnessResult result) => result.Diagnostics.Where(d => d.Id == "CG9100").OrderBy(d => d.Location.SourceSpan.Start).ToArray();

    [Fact]
    public void Reports_matches_in_code_with_id_name_message_span_and_property()
    {
        var source = "const a = foo(1);\n// foo in a comment\nconst s = 'foo in a string';\nfoo();\n";
        var result = Run(Rule("\"pattern\": \"\\\\bfoo\\\\b\", \"languages\": [\"js\"], \"severity\": \"error\""), ("/repo/src/app.js", source));
        var found = Custom(result);
        Assert.Equal(2, found.Length);
        Assert.Equal(source.IndexOf("foo", System.StringComparison.Ordinal), found[0].Location.SourceSpan.Start);
        Assert.Equal(3, found[0].Location.SourceSpan.Length);
        Assert.Equal(3, found[1].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal("ACME1 No foo: use bar", found[0].GetMessage());
        Assert.Equal(DiagnosticSeverity.Error, found[0].Severity);
        Assert.Equal("ACME1", found[0].Properties["customRuleId"]);
    }

    [Theory]
    [InlineData("comment", 1)]
    [InlineData("string", 2)]
    [InlineData("any", 0)]
    public void Scope_selects_token_kinds(string scope, int expectedLine)
    {
        var source = "x = foo\n# foo here\ny = \"foo\"\n";
        var result = Run(Rule($"\"pattern\": \"foo\", \"scope\": \"{scope}\""), ("/repo/a.py", source));
        var found = Custom(result);
        if (scope == "any")
        {
            Assert.Equal(3, found.Length);
        }
        else
        {
            Assert.Equal(expectedLine, Assert.Single(found).Location.GetLineSpan().StartLinePosition.Line);
        }
    }

    [Fact]
    public void Languages_and_files_restrict_where_rules_run()
    {
        var rules = Rule("\"pattern\": \"foo\", \"languages\": [\"py\", \"sql\"], \"files\": [\"src/**\"]");
        var result = Run(rules, ("/repo/src/a.py", "foo\n"), ("/repo/tools/b.py", "foo\n"), ("/repo/src/c.js", "foo;\n"), ("/repo/src/d.sql", "SELECT foo FROM t;\n"));
        Assert.Equal(new[] { "/repo/src/a.py", "/repo/src/d.sql" }, Custom(result).Select(d => d.Location.GetLineSpan().Path).OrderBy(p => p));
    }

    [Fact]
    public void Config_files_are_matched_whatever_the_scope()
    {
        var result = Run(Rule("\"pattern\": \"http://\\\\w+\", \"languages\": [\"cfg\"], \"scope\": \"comment\""), ("/repo/appsettings.json", "{ \"Url\": \"http://api\" }\n"));
        Assert.Single(Custom(result));
    }

    [Fact]
    public void Disabled_rules_and_none_severity_do_not_report()
    {
        var rules = "{ \"rules\": [ { \"id\": \"A\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"foo\", \"enabled\": false },"
            + " { \"id\": \"B\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"foo\", \"severity\": \"none\" } ] }";
        Assert.Empty(Custom(Run(rules, ("/repo/a.js", "foo;\n"))));
    }

    [Fact]
    public void Default_severity_is_the_cg9100_one_and_sections_win_over_the_custom_severity()
    {
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(Custom(Run(Rule("\"pattern\": \"foo\""), ("/repo/a.js", "foo;\n")))).Severity);
        var result = Run(
            Rule("\"pattern\": \"foo\", \"severity\": \"error\""),
            ("/repo/a.js", "foo;\n"),
            ("/repo/legacy/b.js", "foo;\n"),
            ("/repo/.editorconfig", "root = true\n[legacy/**]\ndotnet_diagnostic.CG9100.severity = none\n"));
        Assert.Equal("/repo/a.js", Assert.Single(Custom(result)).Location.GetLineSpan().Path);
    }

    [Fact]
    public void Suppression_comments_apply()
    {
        var result = Run(Rule("\"pattern\": \"foo\""), ("/repo/a.js", "// codeguardian-disable-next-line CG9100\nfoo;\nfoo;\n"));
        Assert.Equal(2, Assert.Single(Custom(result)).Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\" }", "has no \"pattern\"")]
    [InlineData("{ \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a\" }", "has no \"id\"")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"(a\" }", "not a valid .NET regular expression")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a\", \"languages\": [\"cobol\"] }", "unknown language 'cobol'")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a\", \"languages\": [\"cs\"] }", "do not scan C# files")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a\", \"scope\": \"docs\" }", "\"scope\" must be")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a\", \"severity\": \"loud\" }", "\"severity\" must be")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a+b\", \"examples\": { \"match\": [\"ac\"] } }", "does not match its example \"ac\"")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"a+b\", \"examples\": { \"noMatch\": [\"aab\"] } }", "matches its counter-example \"aab\"")]
    [InlineData("{ \"id\": \"X\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"(a+)+$\", \"examples\": { \"noMatch\": [\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\"] } }", "longer than 100 ms")]
    public void Invalid_rules_are_reported_at_their_line_and_the_others_run(string invalid, string expected)
    {
        var rules = "{\n  \"rules\": [\n    { \"id\": \"OK\", \"name\": \"n\", \"message\": \"m\", \"pattern\": \"foo\" },\n    " + invalid + "\n  ]\n}\n";
        var result = Run(rules, ("/repo/a.js", "foo;\n"));
        var problem = Assert.Single(result.Diagnostics, d => d.Id == "CG9001");
        Assert.Contains(expected, problem.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(RulesPath, problem.Location.GetLineSpan().Path);
        Assert.Equal(3, problem.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Single(Custom(result));
    }

    [Theory]
    [InlineData("{ \"rules\": [ { \"id\": \"A\", ", 0, "unterminated object")]
    [InlineData("{\n  \"rules\": [\n    { \"id\": 'A' }\n  ]\n}", 2, "unexpected character")]
    [InlineData("[]", 0, "must be an object with a \"rules\" array")]
    [InlineData("", 0, "unexpected end of file")]
    public void Broken_json_is_reported_once_and_other_findings_stay(string json, int line, string expected)
    {
        var result = Run(json, ("/repo/a.js", "function f() {\n  debugger;\n}\n"));
        var problem = Assert.Single(result.Diagnostics, d => d.Id == "CG9001");
        Assert.Contains(expected, problem.GetMessage(), System.StringComparison.Ordinal);
        Assert.Equal(line, problem.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains(result.Diagnostics, d => d.Id == "CG2002");
    }

    [Fact]
    public void Reader_accepts_comments_trailing_commas_and_escapes()
    {
        var json = "// rules\n{ /* block\n */ \"rules\": [ { \"id\": \"A\\u0042\", \"name\": \"n\", \"message\": \"m\\\"q\", \"pattern\": \"x\", }, ], }\n";
        var set = CustomRuleSet.Load(RulesPath, json);
        Assert.Empty(set.Problems);
        Assert.Equal("AB", Assert.Single(set.Rules).Id);
        Assert.Equal("m\"q", set.Rules[0].Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_stack_overflow()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        var set = CustomRuleSet.Load(RulesPath, json);
        Assert.Contains("nesting is too deep", Assert.Single(set.Problems).Message, System.StringComparison.Ordinal);
    }

    /// <summary>The twelve documented detectors load without a problem and their examples hold (checked by the loader).</summary>
    [Fact]
    public void Documented_example_rules_are_valid()
    {
        var page = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "docs", "custom-rules.md"));
        var block = Regex.Match(page, "<!-- custom-rules-examples:begin -->\\s*```json\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var set = CustomRuleSet.Load(RulesPath, block);
        Assert.Empty(set.Problems.Select(p => p.Message));
        Assert.Equal(12, set.Rules.Length);
        Assert.Equal(12, Regex.Matches(block, "\"examples\"").Count);
    }

    [Fact]
    public void Documented_example_rules_fire_on_realistic_files()
    {
        var page = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "docs", "custom-rules.md"));
        var block = Regex.Match(page, "<!-- custom-rules-examples:begin -->\\s*```json\\n(.*?)```", RegexOptions.Singleline).Groups[1].Value;
        var python = "import requests\n\ndef fetch(url):\n    # verify=False would be wrong here\n    return requests.get(url, verify=False)\n";
        var result = Run(block, ("/repo/src/client.py", python));
        var found = Custom(result);
        Assert.Equal("EX012", Assert.Single(found).Properties["customRuleId"]);
        Assert.Equal(4, found[0].Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void Schema_is_shipped_in_docs_and_package()
    {
        var docs = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "docs", "codeguardian.rules.schema.json"));
        var package = File.ReadAllText(Path.Combine(RuleCatalog.RepoRoot, "nuget", "codeguardian.rules.schema.json"));
        Assert.Equal(docs, package);
        Assert.Empty(CustomRuleSet.Load(RulesPath, "{ \"rules\": [] }").Problems);
        Assert.NotNull(JsonReader.Parse(docs, out _, out _));
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Text.JavaScript;

/// <summary>The JavaScript/TypeScript examples of the rule pages do what the pages say.</summary>
public class JsDocsExamplesTests
{
    public static TheoryData<string> JsRules => new()
    {
        "CG1005", "CG2001", "CG2002", "CG2003", "CG2004", "CG3001", "CG4001", "CG4002", "CG4003", "CG4004", "CG4005", "CG4006",
        "CG4009", "CG4010", "CG4011", "CG4012", "CG5001",
    };

    [Theory]
    [MemberData(nameof(JsRules))]
    public void Fires_and_does_not_fire_examples_hold(string id)
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "rules", id + ".md"));
        var section = page.Substring(page.IndexOf("### JavaScript/TypeScript", StringComparison.Ordinal));
        section = section.Substring(0, NextHeading(section));
        var fires = Block(section, "Fires:");
        var quiet = Block(section, "Does not fire:");
        Assert.Contains(Run(fires), d => d.Id == id);
        Assert.DoesNotContain(Run(quiet), d => d.Id == id);
    }

    private static int NextHeading(string section)
    {
        var next = section.IndexOf("\n#", 1, StringComparison.Ordinal);
        return next < 0 ? section.Length : next;
    }

    private static string Block(string section, string label)
    {
        var at = section.IndexOf(label, StringComparison.Ordinal);
        var open = section.IndexOf("```", at, StringComparison.Ordinal);
        var start = section.IndexOf('\n', open) + 1;
        var close = section.IndexOf("```", start, StringComparison.Ordinal);
        return section.Substring(start, close - start);
    }

    private static List<Diagnostic> Run(string source)
    {
        var chars = source.ToCharArray();
        using var tokens = new TokenList();
        Lexers.JavaScript.Tokenize(source.AsSpan(), tokens, CancellationToken.None);
        var file = new ScannedFile("/src/app.jsx", TextLanguage.JavaScript, SourceText.From(source), chars, chars.Length, tokens);
        var diagnostics = new List<Diagnostic>();
        var context = new TextRuleContext(file, null, false, diagnostics, CancellationToken.None);
        foreach (var rule in TextRuleRegistry.For(TextLanguage.JavaScript))
        {
            rule.Analyze(context);
        }

        return diagnostics;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "docs", "rules")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("repository root not found");
    }
}

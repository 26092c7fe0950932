using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.CSharp.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace CodeGuardian.Analyzers.Tests.CSharp.Analysis;

/// <summary>
/// The text search that finds the identifiers some analyzers look at: every way C# can spell an identifier is found
/// (verbatim, Unicode escapes, any position), and nothing else (comments, strings, disabled code, longer names).
/// Each test lists the exact tokens found, by line and text as written.
/// </summary>
public sealed class IdentifierSearchTests
{
    [Fact]
    public void Finds_whole_identifiers_however_they_are_written()
    {
        var found = Find(
            """
            using static System.Diagnostics.Debugger;
            class C
            {
                void M()
                {
                    Break();
                    System.Diagnostics.Debugger.@Break();
                    System.Diagnostics.Debugger.Bre\u0061k();
                    \U00000042reak();
                    var s = $"{Break}";
                    Breakpoint(); MyBreak(); BREAK(); break_();
                    // Break();
                    var t = "Break()";
            #if NEVER
                    Break();
            #endif
                    /* Break */ Launch();
                }
            }
            """,
            IdentifierNames.Of("Break", "Launch"));

        Assert.Equal(
            new[] { "6:Break", "7:@Break", "8:Bre\\u0061k", "9:\\U00000042reak", "10:Break", "17:Launch" },
            found);
    }

    [Fact]
    public void Prefixes_find_each_token_once_even_when_escaped()
    {
        var found = Find(
            """
            class C
            {
                void M(System.IO.TextWriter w)
                {
                    w.WriteLine(); w.Write(1); w.Write\u004cine(); w.\u0057rite(2);
                    Rewrite(); write(); Writ();
                }
            }
            """,
            IdentifierNames.StartingWith("Write"));

        Assert.Equal(new[] { "5:WriteLine", "5:Write", "5:Write\\u004cine", "5:\\u0057rite" }, found);
    }

    [Fact]
    public void Names_prefixes_and_suffixes_together_find_each_token_once()
    {
        var found = Find(
            """
            class C
            {
                void M(dynamic db)
                {
                    db.ExecuteReaderAsync(); db.ToListAsync(); db.SaveChanges(); db.SaveChangesAsync(); db.Execute();
                    db.\u0054oListAsync(); db.Execute\u0052eader();
                    db.AsyncHelper(); db.ToListAsyncX(); db.SaveChangesNow(); db.ReExecute(); db.AsyncAsync();
                }
            }
            """,
            IdentifierNames.Create(["SaveChanges"], ["Execute"], ["Async"]));

        Assert.Equal(
            new[] { "5:ExecuteReaderAsync", "5:ToListAsync", "5:SaveChanges", "5:SaveChangesAsync", "5:Execute", "6:\\u0054oListAsync", "6:Execute\\u0052eader", "7:AsyncAsync" },
            found);
    }

    [Fact]
    public void Contextual_keywords_count_as_identifiers()
    {
        var found = Find(
            """
            class C
            {
                async void M() { System.Action a = async () => { }; var async = 1; }
                string S => "async";
            }
            """,
            IdentifierNames.Of("async"));

        Assert.Equal(new[] { "3:async", "3:async", "3:async" }, found);
    }

    [Fact]
    public void Only_tokens_that_start_in_the_span_are_found()
    {
        const string Source = "class C { void A() { Break(); } void B() { Break(); Bre\\u0061k(); } }";
        var from = Source.IndexOf("void B", StringComparison.Ordinal);
        var found = Find(Source, IdentifierNames.Of("Break"), TextSpan.FromBounds(from, Source.Length));

        Assert.Equal(new[] { "1:Break", "1:Bre\\u0061k" }, found);
    }

    [Fact]
    public void Empty_file_and_names_at_the_edges()
    {
        Assert.Empty(Find(string.Empty, IdentifierNames.Of("Break")));
        Assert.Equal(new[] { "1:Break" }, Find("Break", IdentifierNames.Of("Break")));
    }

    [Fact]
    public void String_literals_are_found_once_each_in_every_form()
    {
        const string Source = """"
            class C
            {
                // "in a comment"
                string a = "plain \" escaped", b = @"verbatim "" quoted", c = """
                    raw "quoted"
                    """;
                char q = '"';
                string d = $"interpolated {"hole"} text", e = """raw one line""";
                System.ReadOnlySpan<byte> u => "utf8"u8;
            #if NEVER
                string f = "disabled";
            #endif
            }
            """";
        var tree = CSharpSyntaxTree.ParseText(Source);
        var root = tree.GetRoot();
        var found = new List<string>();
        IdentifierSearch.ForEachStringLiteral(root, tree.GetText(), root.FullSpan, static (literal, found) => found.Add(literal.Token.ValueText), found, CancellationToken.None);

        Assert.Equal(new[] { "plain \" escaped", "verbatim \" quoted", "raw \"quoted\"", "hole", "raw one line" }, found);
    }

    [Fact]
    public void Tokens_containing_words_give_each_node_once_in_file_order()
    {
        const string Source = """
            class C
            {
                // select in a comment
                void Select(int update) { }
                string a = $"SELECT * FROM {a} WHERE x = 'Update'", b = "no match", c = @"delete from t", d = "sel" + "ect";
                string e = "DELETE";
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(Source);
        var root = tree.GetRoot();
        var nodes = IdentifierSearch.NodesOfTokensContaining(
            root,
            tree.GetText(),
            root.FullSpan,
            new[] { "select", "update", "delete" },
            static token => token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax { Parent: { } interpolated } ? interpolated : token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal ? literal : null,
            CancellationToken.None);

        Assert.NotNull(nodes);
        Assert.Equal(new[] { "$\"SELECT * FROM {a} WHERE x = 'Update'\"", "@\"delete from t\"", "\"DELETE\"" }, nodes!.ConvertAll(static node => node.ToString()));
        Assert.Null(IdentifierSearch.NodesOfTokensContaining(root, tree.GetText(), root.FullSpan, new[] { "merge" }, static token => token.Parent, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bre ak")]
    [InlineData("Brück")]
    public void Names_are_ascii_identifiers(string name) =>
        Assert.Throws<ArgumentException>(() => IdentifierNames.Of(name));

    /// <summary>The tokens found, in file order, as "line:text".</summary>
    private static List<string> Find(string source, IdentifierNames names, TextSpan? span = null)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var root = tree.GetRoot();
        var tokens = new List<SyntaxToken>();
        IdentifierSearch.ForEach(root, tree.GetText(), span ?? root.FullSpan, names, static (token, tokens) => tokens.Add(token), tokens, CancellationToken.None);
        tokens.Sort(static (a, b) => a.SpanStart.CompareTo(b.SpanStart));
        return tokens.ConvertAll(static token => token.GetLocation().GetLineSpan().StartLinePosition.Line + 1 + ":" + token.Text);
    }
}

using System.Collections.Generic;
using System.Linq;
using CodeGuardian.Analyzers.Comments;

namespace CodeGuardian.Analyzers.Tests.Comments;

/// <summary>The language-neutral comment reader: comment text in, findings with absolute spans out.</summary>
public class CommentScannerTests
{
    private static List<(string Id, string Text)> Scan(string comment, int offset = 100)
    {
        var findings = new List<CommentFinding>();
        CommentScanner.Scan(comment, offset, CommentScanSettings.Default, findings);
        return findings.Select(f => (f.Descriptor.Id, comment.Substring(f.Start - offset, f.Length))).ToList();
    }

    [Theory]
    [InlineData("// TODO: x", "CG1001", "TODO: x")]
    [InlineData("# todo: x", "CG1001", "todo: x")]
    [InlineData("-- Todo(ana) later", "CG1001", "Todo(ana) later")]
    [InlineData("/* fixme - leak */", "CG1002", "fixme - leak")]
    [InlineData("//! HACK around rustc bug", "CG1003", "HACK around rustc bug")]
    [InlineData("/// BUG(42): wrong total", "CG1004", "BUG(42): wrong total")]
    [InlineData("// keeps XXX until v2", "CG1004", "XXX until v2")]
    [InlineData("# @todo refactor", "CG1001", "todo refactor")]
    [InlineData("// - TODO: bullet item", "CG1001", "TODO: bullet item")]
    public void Tags_FireWithSpanFromTagToEndOfLine(string comment, string id, string span) =>
        Assert.Contains((id, span), Scan(comment));

    [Theory]
    [InlineData("// a todo list app")]
    [InlineData("# todoList holds items")]
    [InlineData("-- we fixed a bug: see the log")]
    [InlineData("// xxx placeholder")]
    [InlineData("/* mastodon, hackers, debug */")]
    [InlineData("// TODOS are tracked elsewhere")]
    public void Prose_DoesNotFire(string comment) => Assert.Empty(Scan(comment));

    [Fact]
    public void BlockComment_EachLineIsATagStart_AndCloserIsNotInSpan()
    {
        var findings = Scan("/*\n * first\n * todo: second */");
        Assert.Equal(new[] { ("CG1001", "todo: second") }, findings);
    }

    [Fact]
    public void OneFindingPerRulePerLine()
    {
        Assert.Single(Scan("// TODO: a TODO: b"));
    }

    [Fact]
    public void CrLfLines_AreSplit()
    {
        var findings = Scan("/* TODO: one\r\n   FIXME: two */");
        Assert.Equal(new[] { ("CG1001", "TODO: one"), ("CG1002", "FIXME: two") }, findings);
    }

    [Theory]
    [InlineData("// ... rest of the code ...")]
    [InlineData("# ... existing code ...")]
    [InlineData("-- your code here")]
    [InlineData("/* Add your logic here */")]
    [InlineData("// implementation goes here")]
    [InlineData("// (rest of implementation)")]
    [InlineData("// code omitted for brevity")]
    [InlineData("// … remaining methods unchanged")]
    [InlineData("// Rest of the file remains the same")]
    public void ElidedCode_Fires(string comment) => Assert.Contains(Scan(comment), f => f.Id == "CG1006");

    [Theory]
    [InlineData("// the rest of the code assumes sorted input")]
    [InlineData("// rest api")]
    [InlineData("// existing users keep their settings")]
    [InlineData("// your account settings")]
    [InlineData("// this code is here for compatibility with older clients that send dates as strings")]
    public void ElidedCode_OrdinaryComments_DoNotFire(string comment) => Assert.DoesNotContain(Scan(comment), f => f.Id == "CG1006");

    [Theory]
    [InlineData("// As an AI language model, I cannot", "As an AI language model")]
    [InlineData("# Here’s the updated code:", "Here’s the updated code")]
    [InlineData("/* Certainly! Here is the class */", "Certainly! Here")]
    [InlineData("-- I hope this helps", "I hope this helps")]
    public void AssistantPhrases_FireOnThePhrase(string comment, string span) =>
        Assert.Contains(("CG1007", span), Scan(comment));

    [Fact]
    public void AssistantPhrase_SpanningLinesOfABlockComment_MapsBackToOriginalOffsets()
    {
        var findings = Scan("/* Here is the\n * updated code */");
        var finding = Assert.Single(findings);
        Assert.Equal("CG1007", finding.Id);
        Assert.Equal("Here is the\n * updated code", finding.Text);
    }

    [Fact]
    public void ExtraTags_AreTreatedLikeTheRuleTag()
    {
        var findings = new List<CommentFinding>();
        var settings = new CommentScanSettings(new[] { "TBD" }, new[] { "BROKEN" }, System.Array.Empty<string>(), new[] { "DANGER" });
        CommentScanner.Scan("// TBD: size", 0, settings, findings);
        CommentScanner.Scan("// BROKEN on arm64", 0, settings, findings);
        CommentScanner.Scan("// DANGER: raw pointer", 0, settings, findings);
        CommentScanner.Scan("// it is tbd whether", 0, settings, findings);
        Assert.Equal(new[] { "CG1001", "CG1002", "CG1004" }, findings.Select(f => f.Descriptor.Id));
    }

    [Fact]
    public void PathologicalComments_AreLinear_AndDoNotThrow()
    {
        var longLine = "// " + new string('.', 200_000) + " rest of the code";
        Assert.Empty(Scan(longLine));
        var manyTags = "/*" + string.Concat(Enumerable.Repeat("\n TODO: x", 10_000)) + "*/";
        Assert.Equal(10_000, Scan(manyTags).Count);
        Assert.Empty(Scan(""));
        Assert.Empty(Scan("/*"));
        Assert.Empty(Scan("//"));
    }
}

using System.IO;
using CodeGuardian.Build.Enrichment;

namespace CodeGuardian.Build.Tests;

/// <summary>
/// Vectors derived from an independent arbitrary-precision re-implementation of the upload action's published
/// algorithm (rolling base-37 hash over 100 characters, spaces/tabs skipped, CR/CRLF as LF, U+FFFF at the end).
/// </summary>
public class LineHashTests
{
    private const string EndOfFileLine = "c129715d7a2bc9a3:1";

    [Fact]
    public void Empty_text_has_one_line_hashing_the_end_marker()
    {
        Assert.Equal(new[] { EndOfFileLine }, LineHash.Compute(""));
    }

    [Fact]
    public void Single_line_without_newline()
    {
        Assert.Equal(new[] { "872468d6b4240487:1" }, LineHash.Compute("hello"));
    }

    [Theory]
    [InlineData("a\nb\n")]
    [InlineData("a\r\nb\r\n")]
    [InlineData("a\rb\r")]
    public void Line_endings_are_normalized(string text)
    {
        Assert.Equal(new[] { "81b8d8db678b2bbe:1", "ade70578248be16f:1", EndOfFileLine }, LineHash.Compute(text));
    }

    [Fact]
    public void Spaces_and_tabs_are_ignored()
    {
        Assert.Equal(new[] { "882bbb3d8de7a640:1", EndOfFileLine }, LineHash.Compute("  a\tb \n"));
        Assert.Equal(LineHash.Compute("ab\n"), LineHash.Compute("  a\tb \n"));
    }

    [Fact]
    public void Hash_covers_the_next_lines_within_the_window()
    {
        Assert.Equal(new[] { "63f238fa9f4fc47d:1", "2ccea3f1ef5385f6:1", EndOfFileLine }, LineHash.Compute("x = 1;\nx = 1;\n"));
    }

    [Fact]
    public void Identical_windows_get_an_occurrence_suffix()
    {
        var line = new string('x', 120) + "\n";
        Assert.Equal(new[] { "52b56201ffb58620:1", "52b56201ffb58620:2", EndOfFileLine }, LineHash.Compute(line + line));
    }

    [Fact]
    public void Lines_longer_than_the_window()
    {
        var text = string.Concat(System.Linq.Enumerable.Repeat("0123456789", 15)) + "\nend\n";
        Assert.Equal(new[] { "ed0a226092525cfa:1", "fe2be582c6296f40:1", EndOfFileLine }, LineHash.Compute(text));
    }

    [Fact]
    public void Byte_order_mark_and_non_ascii_are_utf16_code_units()
    {
        Assert.Equal(new[] { "3cf45ed64fbb87aa:1", EndOfFileLine }, LineHash.Compute("\ufeffusing System;\n"));
        Assert.Equal(new[] { "fcec36af34628a1b:1", EndOfFileLine }, LineHash.Compute("é€😀\n"));
    }

    [Fact]
    public void Fixture_files_match_reference_values()
    {
        var data = Path.Combine(System.AppContext.BaseDirectory, "TestData", "src", "App");
        var js = LineHash.Compute(File.ReadAllText(Path.Combine(data, "web", "app.js")));
        Assert.Equal("ac67f9c9dc07101:1", js[1]);
        Assert.Equal("4e79f2d8101a056b:1", js[2]);
        Assert.Equal("2483f17d8af310b:1", js[7]);
        var cs = LineHash.Compute(File.ReadAllText(Path.Combine(data, "Program.cs")));
        Assert.Equal(33, cs.Count);
        Assert.Equal("34000f3c23e5a7a6:1", cs[7]);
        Assert.Equal("78bdbe3206b9298b:1", cs[13]);
        var sql = LineHash.Compute(File.ReadAllText(Path.Combine(data, "db", "report.sql")));
        Assert.Equal(new[] { "33bb0cc28e1c960a:1", "506917a067b70d5f:1", "c284bc7d9374d868:1", "250f182050c2b49e:1", EndOfFileLine }, sql);
    }
}

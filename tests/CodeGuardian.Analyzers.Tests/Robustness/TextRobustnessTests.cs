using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Tests.Robustness;

/// <summary>
/// The whole text analyzer (every text rule) on hostile input: it never throws (no AD0001),
/// is deterministic, and honours cancellation.
/// </summary>
public sealed class TextRobustnessTests
{
    // Big enough for the 10 MB line, so the pathological inputs are analyzed instead of skipped (CG9002).
    private static readonly Dictionary<string, string> LargeFiles = new() { ["codeguardian.max_file_size"] = "20000000" };

    private static readonly string[] Fragments =
    {
        "\"", "'", "`", "\\", "/*", "*/", "//", "#", "--", "{", "}", "(", ")", "[", "]", "${", "r#\"", "\"\"\"", "'''",
        "\n", "\r", "\r\n", "\u200B", "\u202E", "\u2066", "\uFEFF", "\uD800", "$$", "/", "<", ">", "</", "=", ";", "f\"", "b'",
        "TODO", "codeguardian-disable", "password=", "console.log(", "eval(", "SELECT * FROM t WHERE a = '", "unsafe {",
    };

    private static void AssertNoCrash(IEnumerable<AdditionalText> files, string what, Dictionary<string, string>? options = null) =>
        AnalyzerHarness.RunText(files, options ?? LargeFiles).AssertNoCrash(what);

    [Fact]
    public void Random_bytes_in_every_language()
    {
        var random = new Random(FuzzSettings.Seed);
        var files = new List<AdditionalText>();
        for (var i = 0; i < FuzzSettings.Iterations; i++)
        {
            var bytes = new byte[random.Next(0, 4096)];
            random.NextBytes(bytes);
            files.Add(new MemoryAdditionalText(Samples.LanguagePaths[i % Samples.LanguagePaths.Length].Replace("/p.", $"/r{i}.", StringComparison.Ordinal), bytes));
        }

        AssertNoCrash(files, "random bytes");
    }

    [Fact]
    public void Random_text_made_of_syntax_fragments()
    {
        var random = new Random(FuzzSettings.Seed + 1);
        var files = new List<AdditionalText>();
        for (var i = 0; i < FuzzSettings.Iterations; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 400);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Fragments[random.Next(Fragments.Length)]);
                if (random.Next(3) == 0)
                {
                    builder.Append((char)random.Next(32, 127));
                }
            }

            files.Add(new MemoryAdditionalText(Samples.LanguagePaths[i % Samples.LanguagePaths.Length].Replace("/p.", $"/f{i}.", StringComparison.Ordinal), builder.ToString()));
        }

        AssertNoCrash(files, "random fragments");
    }

    [Fact]
    public void Every_truncation_of_realistic_files()
    {
        foreach (var (path, text) in Samples.TextFiles)
        {
            var files = new List<AdditionalText>();
            var step = Math.Max(1, text.Length / (FuzzSettings.Iterations * 4));
            for (var cut = 0; cut <= text.Length; cut += step)
            {
                files.Add(new MemoryAdditionalText(Rename(path, "cut" + cut), text.Substring(0, cut)));
            }

            AssertNoCrash(files, "truncations of " + path);
        }
    }

    [Fact]
    public void Mutations_of_realistic_files()
    {
        var random = new Random(FuzzSettings.Seed + 2);
        foreach (var (path, text) in Samples.TextFiles)
        {
            var files = new List<AdditionalText>();
            for (var i = 0; i < FuzzSettings.Iterations; i++)
            {
                var builder = new StringBuilder(text);
                var edits = random.Next(1, 8);
                for (var e = 0; e < edits && builder.Length > 0; e++)
                {
                    var at = random.Next(builder.Length);
                    switch (random.Next(3))
                    {
                        case 0:
                            builder.Insert(at, Fragments[random.Next(Fragments.Length)]);
                            break;
                        case 1:
                            builder.Remove(at, Math.Min(builder.Length - at, random.Next(1, 20)));
                            break;
                        default:
                            builder[at] = (char)random.Next(0, 0x3000);
                            break;
                    }
                }

                files.Add(new MemoryAdditionalText(Rename(path, "m" + i), builder.ToString()));
            }

            AssertNoCrash(files, "mutations of " + path);
        }
    }

    [Fact]
    public void Encodings_boms_line_endings_and_invisible_characters()
    {
        var files = new List<AdditionalText>();
        var index = 0;
        foreach (var (path, text) in Samples.TextFiles)
        {
            var utf8 = Encoding.UTF8.GetBytes(text);
            files.Add(new MemoryAdditionalText(Rename(path, "bom" + index), new byte[] { 0xEF, 0xBB, 0xBF }.Concat(utf8).ToArray()));
            files.Add(new MemoryAdditionalText(Rename(path, "utf16" + index), Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(text)).ToArray()));
            var invalid = utf8.ToArray();
            for (var i = 7; i < invalid.Length; i += 13)
            {
                invalid[i] = (byte)(0x80 | (i & 0x3F));
            }

            files.Add(new MemoryAdditionalText(Rename(path, "badutf8" + index), invalid));
            files.Add(new MemoryAdditionalText(Rename(path, "cr" + index), text.Replace("\n", "\r", StringComparison.Ordinal)));
            files.Add(new MemoryAdditionalText(Rename(path, "mix" + index), MixLineEndings(text)));
            files.Add(new MemoryAdditionalText(Rename(path, "zw" + index), text.Replace(" ", " \u200B\u202E\u2066", StringComparison.Ordinal)));
            files.Add(new MemoryAdditionalText(Rename(path, "lone" + index), text.Replace("a", "\uD800", StringComparison.Ordinal).Replace("e", "\uDFFF", StringComparison.Ordinal)));
            index++;
        }

        AssertNoCrash(files, "encodings");
    }

    [Fact]
    public void Pathological_shapes_in_every_language()
    {
        var shapes = new (string Name, string Text)[]
        {
            ("line", "x" + new string('a', 10 * 1024 * 1024)),
            ("brackets", new string('(', 100_000) + new string('[', 100_000) + new string('{', 100_000)),
            ("closers", new string('}', 100_000) + new string(')', 100_000)),
            ("comments", string.Concat(Enumerable.Repeat("/* ", 100_000))),
            ("unterminated", "x = \"" + new string('a', 200_000)),
            ("unterminated-block", "/*" + new string('*', 200_000)),
            ("quotes", new string('"', 100_001) + new string('\'', 100_001) + new string('`', 100_001)),
            ("templates", string.Concat(Enumerable.Repeat("`${", 50_000))),
            ("backslashes", new string('\\', 200_001)),
            ("newlines", new string('\n', 200_000)),
        };
        foreach (var (name, text) in shapes)
        {
            var files = Samples.LanguagePaths.Select(p => (AdditionalText)new MemoryAdditionalText(Rename(p, name), text)).ToList();
            AssertNoCrash(files, name);
        }
    }

    [Fact]
    public void Same_input_gives_the_same_diagnostics_in_the_same_order()
    {
        var files = Samples.TextFiles.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)).ToList();
        var first = AnalyzerHarness.RunText(files);
        var second = AnalyzerHarness.RunText(files.AsEnumerable().Reverse());
        first.AssertNoCrash("determinism");
        Assert.NotEmpty(first.Diagnostics);
        Assert.Equal(Describe(first.Diagnostics), Describe(AnalyzerHarness.RunText(files).Diagnostics));

        // Another file order changes the order of files, not the findings of a file nor their order.
        foreach (var path in files.Select(f => f.Path))
        {
            Assert.Equal(
                Describe(first.Diagnostics.Where(d => d.Location.GetLineSpan().Path == path)),
                Describe(second.Diagnostics.Where(d => d.Location.GetLineSpan().Path == path)));
        }
    }

    [Fact]
    public void Malformed_configuration_never_hides_other_findings()
    {
        var files = Samples.TextFiles.Select(f => (AdditionalText)new MemoryAdditionalText(f.Path, f.Text)).ToList();
        var clean = Describe(AnalyzerHarness.RunText(files).Diagnostics);
        files.Add(new MemoryAdditionalText("/repo/.editorconfig", "[*\ncodeguardian.CG2001.severity = loud\n= =\n[*.js]\ncodeguardian.max_file_size = -1\n\u0000"));
        files.Add(new MemoryAdditionalText("/repo/codeguardian.rules.json", "{ \"rules\": [ { \"id\": \"A\", \"pattern\": \"(\" }, "));
        var broken = AnalyzerHarness.RunText(files);
        broken.AssertNoCrash("malformed configuration");
        Assert.NotEmpty(broken.Ids("CG9001"));
        Assert.Equal(clean, Describe(broken.Diagnostics.Where(d => d.Id != "CG9001")));
    }

    [Fact]
    public void Cancellation_stops_with_OperationCanceledException_only()
    {
        var big = string.Concat(Enumerable.Repeat(Samples.TextFiles[0].Text + "\n", 3000));
        var files = Samples.LanguagePaths.Select(p => (AdditionalText)new MemoryAdditionalText(p, big)).ToList();
        foreach (var delay in new[] { 0, 5, 50 })
        {
            using var source = new CancellationTokenSource();
            if (delay == 0)
            {
                source.Cancel();
            }
            else
            {
                source.CancelAfter(delay);
            }

            try
            {
                var result = AnalyzerHarness.RunText(files, LargeFiles, source.Token);

                // Finished before the token fired: then it must have finished cleanly.
                result.AssertNoCrash("cancellation");
                Assert.NotEqual(0, delay);
            }
            catch (OperationCanceledException)
            {
                // Expected: the analysis stopped.
            }
        }
    }

    private static string MixLineEndings(string text)
    {
        var builder = new StringBuilder();
        var i = 0;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                builder.Append((i++ % 3) switch { 0 => "\r\n", 1 => "\r", _ => "\n" });
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Rename(string path, string tag)
    {
        var slash = path.LastIndexOf('/');
        return path.Substring(0, slash + 1) + tag + "_" + path.Substring(slash + 1);
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.Severity} {d.GetMessage()}").ToArray();
}

using System;
using System.Numerics;
using System.Runtime.InteropServices;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG2004: string literals (not docstrings, not comments) naming a loopback or wildcard host
/// (<c>localhost</c>, <c>127.0.0.1</c>, <c>0.0.0.0</c>, <c>[::1]</c>) or a <c>staging.</c>/<c>dev.</c> host,
/// outside test files. The span is the host (with its port) inside the literal.
/// </summary>
public sealed class PyDevelopmentEndpointRule : PythonRule
{
    private static readonly string[] LoopbackHosts = { "localhost", "127.0.0.1", "0.0.0.0", "[::1]" };

    // What a literal may hold, from the pairs of characters it has: each loopback host (bit 1 << its index in
    // LoopbackHosts) starts with a pair of its own ("lo" in any case, "12", "0.", "[:"), a URL has ":/", and a
    // "staging." or "dev." label ends with "g." or "v." (any case). Most literals have none of them and skip every search.
    private const int SchemePair = 1 << 4;
    private const int LabelPair = 1 << 5;
    private const int AnyPair = (1 << 6) - 1;

    // For each ASCII character: the pairs it starts and the pairs it ends.
    private static readonly byte[] StartsPair = BuildPairTable(first: true);
    private static readonly byte[] EndsPair = BuildPairTable(first: false);

    // 0, 1, 2 … per lane: which lanes of a block lie inside the literal.
    private static readonly Vector<ushort> LaneIndexes = BuildLaneIndexes();

    private static readonly string[] FileExtensions = { "py", "json", "txt", "yaml", "yml", "cfg", "ini", "log", "csv", "xml", "html", "js", "toml", "env", "md", "sql", "conf" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.DevelopmentEndpoint;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        if (context.IsTestFile)
        {
            return;
        }

        var file = module.File;
        var tokens = module.Tokens;
        foreach (var i in module.Strings)
        {
            ref readonly var token = ref tokens[i];
            if (token.Has(TokenFlags.Documentation))
            {
                continue;
            }

            // A pair in the content is a pair in the whole token: most literals are turned down before their content
            // is found (their prefix letters and quotes hardly ever form a pair).
            var pairs = PairsIn(file.Text, token.Start, token.Length);
            if (pairs == 0)
            {
                continue;
            }

            var (start, length) = StringLiterals.ContentOf(file, token);
            var content = file.Slice(start, length);
            if (content.Length < 5)
            {
                continue;
            }

            pairs = PairsIn(file.Text, start, length);

            if (TryFindLoopback(content, pairs, out var at, out var hostLength) || TryFindStagingHost(content, pairs, out at, out hostLength))
            {
                var host = file.GetString(start + at, hostLength);
                context.Report(Descriptor, start + at, hostLength, host);
            }
        }
    }

    /// <summary>
    /// The pairs (see <see cref="StartsPair"/>) the text [<paramref name="start"/>, +<paramref name="length"/>) has;
    /// all of them when it has a non-ASCII character (a case-insensitive match may then be spelled with other characters).
    /// </summary>
    private static int PairsIn(ReadOnlySpan<char> text, int start, int length)
    {
        if (Vector.IsHardwareAccelerated && start + length + Vector<ushort>.Count <= text.Length && !MayHavePair(text, start, length))
        {
            return 0;
        }

        var pairs = 0;
        var started = 0;
        var allChars = 0;
        foreach (var c in text.Slice(start, length))
        {
            allChars |= c;
            var ascii = c & 0x7F;
            pairs |= started & EndsPair[ascii];
            started = StartsPair[ascii];
        }

        return allChars >= 0x80 ? AnyPair : pairs;
    }

    /// <summary>
    /// Whether the content may have one of the pairs or a non-ASCII character, a block of characters at a time against
    /// the block one character further. Blocks read past the content's end (the text has room for that); lanes there
    /// are masked out.
    /// </summary>
    private static bool MayHavePair(ReadOnlySpan<char> text, int start, int length)
    {
        var bytes = MemoryMarshal.AsBytes(text);
        var width = Vector<ushort>.Count;
        var lowerCase = new Vector<ushort>(0x20);
        for (var i = 0; i < length - 1; i += width)
        {
            var first = MemoryMarshal.Read<Vector<ushort>>(bytes.Slice((start + i) * sizeof(char)));
            var second = MemoryMarshal.Read<Vector<ushort>>(bytes.Slice((start + i + 1) * sizeof(char)));
            var firstFolded = first | lowerCase;
            var pairs = (Vector.Equals(firstFolded, new Vector<ushort>('l')) & Vector.Equals(second | lowerCase, new Vector<ushort>('o')))
                | (Vector.Equals(first, new Vector<ushort>('1')) & Vector.Equals(second, new Vector<ushort>('2')))
                | (Vector.Equals(first, new Vector<ushort>('0')) & Vector.Equals(second, new Vector<ushort>('.')))
                | (Vector.Equals(first, new Vector<ushort>('[')) & Vector.Equals(second, new Vector<ushort>(':')))
                | (Vector.Equals(first, new Vector<ushort>(':')) & Vector.Equals(second, new Vector<ushort>('/')))
                | ((Vector.Equals(firstFolded, new Vector<ushort>('g')) | Vector.Equals(firstFolded, new Vector<ushort>('v'))) & Vector.Equals(second, new Vector<ushort>('.')))
                | Vector.GreaterThan(first | second, new Vector<ushort>(0x7F));

            // Lane j holds the pair starting at content[i + j]: inside when i + j + 1 < length.
            var inside = Vector.LessThan(LaneIndexes, new Vector<ushort>((ushort)Math.Min(length - 1 - i, width)));
            if ((pairs & inside) != Vector<ushort>.Zero)
            {
                return true;
            }
        }

        return false;
    }

    private static Vector<ushort> BuildLaneIndexes()
    {
        var lanes = new ushort[Vector<ushort>.Count];
        for (var i = 0; i < lanes.Length; i++)
        {
            lanes[i] = (ushort)i;
        }

        return new Vector<ushort>(lanes);
    }

    private static byte[] BuildPairTable(bool first)
    {
        var table = new byte[128];
        for (var host = 0; host < LoopbackHosts.Length; host++)
        {
            var pair = first ? LoopbackHosts[host][0] : LoopbackHosts[host][1];
            table[pair] |= (byte)(1 << host);
            table[char.ToUpperInvariant(pair)] |= (byte)(1 << host);
        }

        table[first ? ':' : '/'] |= SchemePair;
        foreach (var labelEnd in first ? "gGvV" : ".")
        {
            table[labelEnd] |= LabelPair;
        }

        return table;
    }

    private static bool TryFindLoopback(ReadOnlySpan<char> content, int pairs, out int at, out int length)
    {
        for (var h = 0; h < LoopbackHosts.Length; h++)
        {
            if ((pairs & (1 << h)) == 0)
            {
                continue;
            }

            var host = LoopbackHosts[h];
            var from = 0;
            while (from < content.Length)
            {
                var index = content.Slice(from).IndexOf(host.AsSpan(), StringComparison.OrdinalIgnoreCase);
                if (index < 0)
                {
                    break;
                }

                index += from;
                var end = index + host.Length;
                if (IsBoundary(content, index - 1, host[0]) && IsBoundary(content, end, host[host.Length - 1])
                    && !(host[0] == '0' && end + 1 < content.Length && content[end] == '/' && char.IsDigit(content[end + 1])))
                {
                    at = index;
                    length = WithPort(content, end) - index;
                    return true;
                }

                from = end;
            }
        }

        at = length = 0;
        return false;
    }

    /// <summary>A host character next to the match would make it part of a longer name or number.</summary>
    private static bool IsBoundary(ReadOnlySpan<char> content, int position, char edge)
    {
        if (position < 0 || position >= content.Length)
        {
            return true;
        }

        var c = content[position];
        if (edge == '[' || edge == ']')
        {
            return true;
        }

        return !(char.IsLetterOrDigit(c) || c == '-' || c == '_' || (c == '.' && char.IsDigit(edge)));
    }

    private static int WithPort(ReadOnlySpan<char> content, int end)
    {
        if (end + 1 < content.Length && content[end] == ':' && char.IsDigit(content[end + 1]))
        {
            end++;
            while (end < content.Length && char.IsDigit(content[end]))
            {
                end++;
            }
        }

        return end;
    }

    /// <summary>A host with a <c>staging</c> or <c>dev</c> label: in a URL after <c>://</c> (or <c>@</c>), or the whole literal being a host name.</summary>
    private static bool TryFindStagingHost(ReadOnlySpan<char> content, int pairs, out int at, out int length)
    {
        at = length = 0;
        if ((pairs & LabelPair) == 0)
        {
            return false;
        }

        var from = 0;
        while ((pairs & SchemePair) != 0 && from < content.Length)
        {
            var scheme = content.Slice(from).IndexOf("://".AsSpan());
            if (scheme < 0)
            {
                break;
            }

            var hostStart = from + scheme + 3;
            var hostEnd = hostStart;
            while (hostEnd < content.Length && IsHostChar(content[hostEnd]))
            {
                hostEnd++;
            }

            // Skip user info: user:pass@host.
            if (hostEnd < content.Length && content[hostEnd] == '@')
            {
                hostStart = hostEnd + 1;
                hostEnd = hostStart;
                while (hostEnd < content.Length && IsHostChar(content[hostEnd]))
                {
                    hostEnd++;
                }
            }

            if (HasStagingLabel(content.Slice(hostStart, hostEnd - hostStart)))
            {
                at = hostStart;
                length = hostEnd - hostStart;
                return true;
            }

            from = hostEnd > from + scheme + 3 ? hostEnd : from + scheme + 3;
        }

        // The whole literal is a host name ("dev.example.com", "staging.example.com:8443").
        var whole = 0;
        while (whole < content.Length && IsHostChar(content[whole]))
        {
            whole++;
        }

        if (whole == content.Length && HasStagingLabel(content) && !EndsWithFileExtension(content))
        {
            at = 0;
            length = content.Length;
            return true;
        }

        return false;
    }

    private static bool IsHostChar(char c) => char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == ':' || c == '_';

    /// <summary>A label "staging" or "dev" that is followed by at least two more labels (a real domain).</summary>
    private static bool HasStagingLabel(ReadOnlySpan<char> host)
    {
        var colon = host.IndexOf(':');
        if (colon >= 0)
        {
            host = host.Slice(0, colon);
        }

        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                continue;
            }

            var label = host.Slice(labelStart, i - labelStart);
            if (i < host.Length
                && (label.Equals("staging".AsSpan(), StringComparison.OrdinalIgnoreCase) || label.Equals("dev".AsSpan(), StringComparison.OrdinalIgnoreCase))
                && host.Slice(i + 1).IndexOf('.') > 0)
            {
                return true;
            }

            labelStart = i + 1;
        }

        return false;
    }

    private static bool EndsWithFileExtension(ReadOnlySpan<char> content)
    {
        var dot = content.LastIndexOf('.');
        var extension = content.Slice(dot + 1);
        foreach (var candidate in FileExtensions)
        {
            if (extension.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

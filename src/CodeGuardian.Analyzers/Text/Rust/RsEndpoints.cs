using System;

namespace CodeGuardian.Analyzers.Text.Rust;

/// <summary>
/// Finds a development endpoint in the content of a string literal: a loopback or wildcard host (<c>localhost</c>,
/// <c>127.0.0.1</c>, <c>0.0.0.0</c>, <c>[::1]</c>) used as a host, or a host name with a <c>staging</c>/<c>dev</c> label.
/// "As a host" means after <c>://</c>, <c>@</c> or <c>=</c>, at the start of the string, or followed by a port —
/// so prose such as "could not reach localhost" does not count.
/// </summary>
internal static class RsEndpoints
{
    private static readonly string[] Loopbacks = { "localhost", "127.0.0.1", "0.0.0.0", "[::1]" };

    private static readonly string[] EnvironmentLabels = { "staging", "dev" };

    private static readonly string[] FileExtensions =
    {
        "json", "toml", "yaml", "yml", "env", "rs", "txt", "log", "cfg", "conf", "ini", "xml", "sql", "db", "sqlite", "md", "html", "csv", "lock",
    };

    // What a position needs to start a match: a loopback's first character (case-insensitively) at it, or one of the
    // characters a host follows ('/' of "://", '@', '=') just before it.
    private const string CandidateMarks = "lL10[/@=";

    /// <summary>The first endpoint in <paramref name="content"/>: offset and length of the host, or false.</summary>
    public static bool TryFind(ReadOnlySpan<char> content, out int offset, out int length)
    {
        // Only the start of the content and the positions marked by CandidateMarks can match: the search jumps from
        // one to the next (a position may be tried twice, "=l"; the positions stay in order, so the first match wins).
        var marks = CandidateMarks.AsSpan();
        var i = 0;
        while (i < content.Length)
        {
            if (TryAt(content, i, out offset, out length))
            {
                return true;
            }

            var from = content[i] is '/' or '@' or '=' ? i : i + 1;
            var next = from < content.Length ? content.Slice(from).IndexOfAny(marks) : -1;
            if (next < 0)
            {
                break;
            }

            var mark = from + next;
            i = content[mark] is '/' or '@' or '=' ? mark + 1 : mark;
        }

        offset = 0;
        length = 0;
        return false;
    }

    private static bool TryAt(ReadOnlySpan<char> content, int i, out int offset, out int length)
    {
        offset = i;
        if (content[i] is 'l' or 'L' or '1' or '0' or '[')
        {
            foreach (var loopback in Loopbacks)
            {
                if (MatchesAt(content, i, loopback) && IsHostPosition(content, i, i + loopback.Length, loopback[0] == '['))
                {
                    length = loopback.Length;
                    return true;
                }
            }
        }

        length = 0;
        return IsHostStart(content, i, out var url) && TryEnvironmentHost(content, i, url, out length);
    }

    private static bool MatchesAt(ReadOnlySpan<char> content, int i, string word) =>
        i + word.Length <= content.Length && content.Slice(i, word.Length).Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase);

    private static bool IsHostChar(char c) => char.IsLetterOrDigit(c) || c == '-' || c == '_' || c == '.';

    /// <summary>The match is a whole host, and sits where a host goes.</summary>
    private static bool IsHostPosition(ReadOnlySpan<char> content, int start, int end, bool bracketed)
    {
        if (!bracketed)
        {
            if (start > 0 && IsHostChar(content[start - 1]))
            {
                return false;
            }

            if (end < content.Length && IsHostChar(content[end]))
            {
                return false;
            }
        }

        var afterPort = end + 1 < content.Length && content[end] == ':' && char.IsDigit(content[end + 1]);
        return afterPort || IsHostStart(content, start, out _);
    }

    /// <summary>At the start of the content or right after <c>://</c>, <c>@</c> or <c>=</c>.</summary>
    private static bool IsHostStart(ReadOnlySpan<char> content, int i, out bool afterScheme)
    {
        afterScheme = i >= 3 && content[i - 1] == '/' && content[i - 2] == '/' && content[i - 3] == ':';
        if (afterScheme)
        {
            return true;
        }

        if (i == 0)
        {
            return true;
        }

        var previous = content[i - 1];
        if (previous == '@')
        {
            afterScheme = true;
            return true;
        }

        return previous == '=';
    }

    /// <summary>A dotted host name from <paramref name="start"/> whose non-final label is <c>staging</c> or <c>dev</c>.</summary>
    private static bool TryEnvironmentHost(ReadOnlySpan<char> content, int start, bool afterScheme, out int length)
    {
        length = 0;
        var end = start;
        while (end < content.Length && IsHostChar(content[end]))
        {
            end++;
        }

        var host = content.Slice(start, end - start);
        if (end < content.Length && !afterScheme && content[end] != ':' && content[end] != '/' && !char.IsWhiteSpace(content[end]))
        {
            return false;
        }

        var labels = 1;
        foreach (var c in host)
        {
            labels += c == '.' ? 1 : 0;
        }

        // Without a scheme, "dev.toml" is a file name: require three labels and no file extension.
        var lastDot = host.LastIndexOf('.');
        if (lastDot < 0 || (!afterScheme && (labels < 3 || IsFileExtension(host.Slice(lastDot + 1)))))
        {
            return false;
        }

        var labelStart = 0;
        for (var k = 0; k <= lastDot; k++)
        {
            if (host[k] != '.')
            {
                continue;
            }

            var label = host.Slice(labelStart, k - labelStart);
            foreach (var environment in EnvironmentLabels)
            {
                if (label.Equals(environment.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    length = host.Length;
                    return true;
                }
            }

            labelStart = k + 1;
        }

        return false;
    }

    private static bool IsFileExtension(ReadOnlySpan<char> label)
    {
        foreach (var extension in FileExtensions)
        {
            if (label.Equals(extension.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
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

            var (start, length) = StringLiterals.ContentOf(file, token);
            var content = file.Slice(start, length);
            if (content.Length < 5 || !MayHoldHost(content))
            {
                continue;
            }

            if (TryFindLoopback(content, out var at, out var hostLength) || TryFindStagingHost(content, out at, out hostLength))
            {
                var host = file.GetString(start + at, hostLength);
                context.Report(Descriptor, start + at, hostLength, host);
            }
        }
    }

    /// <summary>Cheap prefilter: the content has one of the characters every pattern needs.</summary>
    private static bool MayHoldHost(ReadOnlySpan<char> content) =>
        content.IndexOfAny('.', ':') >= 0
        || content.IndexOf("localhost".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;

    private static bool TryFindLoopback(ReadOnlySpan<char> content, out int at, out int length)
    {
        foreach (var host in LoopbackHosts)
        {
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
    private static bool TryFindStagingHost(ReadOnlySpan<char> content, out int at, out int length)
    {
        var from = 0;
        while (from < content.Length)
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

        at = length = 0;
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

using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG2004: a string literal holding a development host — <c>localhost</c>, <c>127.0.0.1</c>, <c>0.0.0.0</c>,
/// <c>[::1]</c>, or a host name with a <c>staging.</c>/<c>dev.</c> label — as the host of a URL (<c>scheme://host</c>)
/// or as the whole literal (<c>'localhost:5432'</c>). Prose that mentions localhost is not a host. Test files and
/// comments are not scanned.
/// </summary>
public sealed class JsDevelopmentEndpointRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.DevelopmentEndpoint;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        if (context.IsTestFile)
        {
            return;
        }

        var file = syntax.File;
        foreach (var i in syntax.Strings)
        {
            var (start, length) = StringLiterals.ContentOf(file, syntax[i]);

            // The shortest development host is five characters ("[::1]"): most literals are shorter words.
            if (length < MinimumHostLength)
            {
                continue;
            }

            var content = file.Slice(start, length);
            var foundUrl = false;
            var offset = 0;
            while (offset < content.Length)
            {
                var scheme = content.Slice(offset).IndexOf("://".AsSpan());
                if (scheme < 0)
                {
                    break;
                }

                foundUrl = true;
                var hostStart = offset + scheme + 3;
                var hostEnd = hostStart;
                while (hostEnd < content.Length && !EndsHost(content[hostEnd]))
                {
                    hostEnd++;
                }

                Check(context, content, start, hostStart, hostEnd);
                offset = hostEnd;
            }

            if (!foundUrl && length <= 260 && IsHostLike(content))
            {
                Check(context, content, start, 0, content.Length);
            }
        }
    }

    private void Check(TextRuleContext context, ReadOnlySpan<char> content, int contentStart, int hostStart, int hostEnd)
    {
        // Drop user info: user:pass@host.
        var authority = content.Slice(hostStart, hostEnd - hostStart);
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            hostStart += at + 1;
            authority = authority.Slice(at + 1);
        }

        if (authority.Length == 0)
        {
            return;
        }

        ReadOnlySpan<char> hostName;
        if (authority[0] == '[')
        {
            var close = authority.IndexOf(']');
            hostName = close < 0 ? authority : authority.Slice(0, close + 1);
        }
        else
        {
            var colon = authority.IndexOf(':');
            hostName = colon < 0 ? authority : authority.Slice(0, colon);
        }

        if (IsDevelopmentHost(hostName))
        {
            context.Report(Descriptor, contentStart + hostStart, authority.Length, authority.ToString());
        }
    }

    private static bool IsDevelopmentHost(ReadOnlySpan<char> host)
    {
        if (host.Equals("localhost".AsSpan(), StringComparison.OrdinalIgnoreCase) || host.SequenceEqual("127.0.0.1".AsSpan())
            || host.SequenceEqual("0.0.0.0".AsSpan()) || host.SequenceEqual("[::1]".AsSpan()))
        {
            return true;
        }

        // A "staging" or "dev" label followed by a registered domain: staging.example.com, api.dev.corp.net (not dev.to).
        var labelStart = 0;
        for (var i = 0; i < host.Length; i++)
        {
            if (host[i] != '.')
            {
                continue;
            }

            var label = host.Slice(labelStart, i - labelStart);
            if (label.Equals("staging".AsSpan(), StringComparison.OrdinalIgnoreCase) || label.Equals("dev".AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return host.Slice(i + 1).IndexOf('.') > 0;
            }

            labelStart = i + 1;
        }

        return false;
    }

    private static bool EndsHost(char c) =>
        c is '/' or '?' or '#' or '\\' or '"' or '\'' or '`' or '$' or '{' or '}' or ',' or ';' or ')' || char.IsWhiteSpace(c);

    /// <summary>
    /// The whole literal is a host (with optional port): letters, digits, dots, dashes, colons, brackets; and one that
    /// <see cref="IsDevelopmentHost"/> can accept: without a dot or a bracket only "localhost" can, so it needs nine
    /// characters or more.
    /// </summary>
    private static bool IsHostLike(ReadOnlySpan<char> content)
    {
        var dotOrBracket = false;
        foreach (var c in content)
        {
            if (c < 128)
            {
                var hostChar = HostChars[c];
                if (hostChar == NotHost)
                {
                    return false;
                }

                dotOrBracket |= hostChar == DotOrBracket;
            }
            else if (!char.IsLetterOrDigit(c))
            {
                return false;
            }
        }

        return dotOrBracket || content.Length >= "localhost".Length;
    }

    private const int MinimumHostLength = 5;

    private const byte NotHost = 0;

    private const byte DotOrBracket = 2;

    /// <summary>ASCII host characters: 1 for letters, digits, '-', ':', '_', '@'; 2 for '.', '[' and ']'.</summary>
    private static readonly byte[] HostChars = BuildHostChars();

    private static byte[] BuildHostChars()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            var ch = (char)c;
            table[c] = ch is '.' or '[' or ']' ? DotOrBracket : char.IsLetterOrDigit(ch) || ch is '-' or ':' or '_' or '@' ? (byte)1 : NotHost;
        }

        return table;
    }
}

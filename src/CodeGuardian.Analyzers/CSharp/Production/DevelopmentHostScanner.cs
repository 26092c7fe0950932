using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.CSharp.Production;

/// <summary>
/// Finds development endpoints inside the source text of one string literal: <c>localhost</c> (as any host
/// label), <c>127.0.0.1</c>, <c>0.0.0.0</c> in a URL or host:port, <c>[::1]</c>, and host names with a
/// <c>dev</c>/<c>staging</c> label. Works on maximal runs of host characters so "devops", "developer" or
/// "my_localhost" never match, skips e-mail addresses (<c>ops@dev.example.com</c>), version numbers
/// (<c>0.0.0.0</c> alone) and file names (<c>appsettings.dev.json</c>). Linear, allocation-free.
/// </summary>
internal static class DevelopmentHostScanner
{
    /// <summary>Public hosts whose first label is "dev" but which are production services.</summary>
    private static readonly string[] PublicDevHosts =
    {
        "dev.azure.com", "dev.to", "dev.mysql.com", "dev.w3.org", "dev.twitch.tv", "dev.office.com", "dev.java",
    };

    /// <summary>Last labels that make a dotted name a file name rather than a host.</summary>
    private static readonly string[] FileExtensions =
    {
        "json", "xml", "config", "yml", "yaml", "txt", "cs", "js", "ts", "dll", "exe", "ps", "sh", "md", "log", "csv",
        "env", "ini", "toml", "props", "targets", "csproj", "sln", "pfx", "pem", "crt", "key", "html", "css", "png", "svg",
    };

    /// <summary>
    /// Scans <paramref name="text"/>[<paramref name="start"/>, <paramref name="end"/>) and returns the next match at or
    /// after <paramref name="from"/> as (matchStart, matchLength); length 0 when there is none.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static (int Start, int Length) FindNext(string text, int start, int end, int from)
    {
        var i = from;
        while (i < end)
        {
            var c = text[i];
            if (c == '[' && Matches(text, i, end, "[::1]") && (i == start || !IsHostChar(text[i - 1])))
            {
                return (i, WithPort(text, i + 5, end) - i);
            }

            if (!IsHostChar(c))
            {
                i++;
                continue;
            }

            var runStart = i;
            while (i < end && IsHostChar(text[i]))
            {
                i++;
            }

            var hostEnd = i;
            while (hostEnd > runStart && (text[hostEnd - 1] == '.' || text[hostEnd - 1] == '-'))
            {
                hostEnd--;
            }

            if (hostEnd > runStart && IsDevelopmentHost(text, start, runStart, hostEnd, end))
            {
                var matchEnd = hostEnd == i ? WithPort(text, hostEnd, end) : hostEnd;
                return (runStart, matchEnd - runStart);
            }
        }

        return (end, 0);
    }

    private static bool IsDevelopmentHost(string text, int literalStart, int hostStart, int hostEnd, int literalEnd)
    {
        var inUrl = IsUrlHost(text, literalStart, hostStart);
        if (!inUrl && hostStart > literalStart && text[hostStart - 1] == '@')
        {
            // An e-mail address, not an endpoint.
            return false;
        }

        var length = hostEnd - hostStart;
        if (Equals(text, hostStart, length, "127.0.0.1"))
        {
            return true;
        }

        if (Equals(text, hostStart, length, "0.0.0.0"))
        {
            // Alone it is usually a version number; as a URL host or host:port it is a bind-all address.
            return inUrl || (hostEnd + 1 < literalEnd && text[hostEnd] == ':' && IsDigit(text[hostEnd + 1]));
        }

        var labelCount = 0;
        var devLabelIndex = -1;
        var lastLabelStart = hostStart;
        var labelStart = hostStart;
        for (var i = hostStart; i <= hostEnd; i++)
        {
            if (i < hostEnd && text[i] != '.')
            {
                continue;
            }

            var labelLength = i - labelStart;
            if (EqualsIgnoreCase(text, labelStart, labelLength, "localhost"))
            {
                return true;
            }

            if (devLabelIndex < 0 && i < hostEnd
                && (inUrl ? EqualsIgnoreCase(text, labelStart, labelLength, "dev") || EqualsIgnoreCase(text, labelStart, labelLength, "staging")
                          : Equals(text, labelStart, labelLength, "dev") || Equals(text, labelStart, labelLength, "staging")))
            {
                devLabelIndex = labelCount;
            }

            lastLabelStart = labelStart;
            labelCount++;
            labelStart = i + 1;
        }

        if (devLabelIndex < 0)
        {
            return false;
        }

        if (inUrl)
        {
            return !IsPublicDevHost(text, hostStart, length);
        }

        // Without a scheme, demand a real-looking host name: two labels after dev/staging, a lower-case
        // alphabetic top-level label that is not a file extension.
        var lastLabelLength = hostEnd - lastLabelStart;
        return labelCount - devLabelIndex >= 3
            && lastLabelLength >= 2
            && IsLowerAlphabetic(text, lastLabelStart, lastLabelLength)
            && !IsFileExtension(text, lastLabelStart, lastLabelLength)
            && !IsPublicDevHost(text, hostStart, length);
    }

    /// <summary>True after <c>//</c> (a URL authority) or after <c>user:pass@</c> that follows <c>://</c>.</summary>
    private static bool IsUrlHost(string text, int literalStart, int hostStart)
    {
        if (hostStart - 2 >= literalStart && text[hostStart - 1] == '/' && text[hostStart - 2] == '/')
        {
            return true;
        }

        if (hostStart - 1 < literalStart || text[hostStart - 1] != '@')
        {
            return false;
        }

        // Walk back over the user-info to the authority start.
        for (var i = hostStart - 2; i >= literalStart; i--)
        {
            var c = text[i];
            if (c == '/')
            {
                return i > literalStart && text[i - 1] == '/';
            }

            if (c is ' ' or '"' or '\t' or '\n' or '\r' or '@')
            {
                return false;
            }
        }

        return false;
    }

    private static int WithPort(string text, int hostEnd, int end)
    {
        if (hostEnd + 1 < end && text[hostEnd] == ':' && IsDigit(text[hostEnd + 1]))
        {
            var i = hostEnd + 1;
            while (i < end && IsDigit(text[i]))
            {
                i++;
            }

            return i;
        }

        return hostEnd;
    }

    private static bool IsPublicDevHost(string text, int start, int length)
    {
        foreach (var host in PublicDevHosts)
        {
            if (EqualsIgnoreCase(text, start, length, host))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsFileExtension(string text, int start, int length)
    {
        foreach (var extension in FileExtensions)
        {
            if (Equals(text, start, length, extension))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsHostChar(char c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '.' || c == '-' || c == '_';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsLowerAlphabetic(string text, int start, int length)
    {
        for (var i = start; i < start + length; i++)
        {
            if (text[i] < 'a' || text[i] > 'z')
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(string text, int index, int end, string value) =>
        index + value.Length <= end && string.CompareOrdinal(text, index, value, 0, value.Length) == 0;

    private static bool Equals(string text, int start, int length, string value) =>
        length == value.Length && string.CompareOrdinal(text, start, value, 0, length) == 0;

    private static bool EqualsIgnoreCase(string text, int start, int length, string value) =>
        length == value.Length && string.Compare(text, start, value, 0, length, StringComparison.OrdinalIgnoreCase) == 0;
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace CodeGuardian.Build.Enrichment;

/// <summary>Source files read once per report: their text (for hashes) and size.</summary>
internal sealed class SourceFiles
{
    /// <summary>Files larger than this are counted but not hashed.</summary>
    public const long MaxHashedBytes = 16L * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);

    /// <summary>The file's text, decoded as UTF-8 with a byte-order mark kept as a character (as GitHub reads it); null when unreadable or too large.</summary>
    public SourceText? Get(string absolutePath)
    {
        if (_texts.TryGetValue(absolutePath, out var cached))
        {
            return cached;
        }

        SourceText? text = null;
        try
        {
            var info = new FileInfo(absolutePath);
            if (info.Exists && info.Length <= MaxHashedBytes)
            {
                text = new SourceText(Utf8.GetString(File.ReadAllBytes(absolutePath)));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            text = null;
        }

        _texts[absolutePath] = text;
        return text;
    }

    /// <summary>Size and line count of a file without keeping it; null when it cannot be read.</summary>
    public static (long Bytes, long Lines)? Measure(string absolutePath)
    {
        try
        {
            using var stream = new FileStream(absolutePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var buffer = new byte[64 * 1024];
            long bytes = 0;
            long lines = 0;
            var last = (byte)'\n';
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        lines++;
                    }
                }

                bytes += read;
                last = buffer[read - 1];
            }

            if (bytes > 0 && last != (byte)'\n')
            {
                lines++;
            }

            return (bytes, lines);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}

/// <summary>A file's text with lazily computed lines and GitHub line hashes.</summary>
internal sealed class SourceText
{
    private List<string>? _lineHashes;
    private List<int>? _lineStarts;

    public SourceText(string text)
    {
        Text = text;
    }

    public string Text { get; }

    /// <summary>Hash of a 1-based line, or null past the end.</summary>
    public string? LineHashOf(int line)
    {
        _lineHashes ??= LineHash.Compute(Text);
        return line >= 1 && line <= _lineHashes.Count && _lineHashes[line - 1].Length > 0 ? _lineHashes[line - 1] : null;
    }

    /// <summary>The text of a 1-based line without its line break; null past the end.</summary>
    public string? LineText(int line)
    {
        if (_lineStarts is null)
        {
            _lineStarts = new List<int> { 0 };
            for (var i = 0; i < Text.Length; i++)
            {
                if (Text[i] == '\n' || (Text[i] == '\r' && (i + 1 >= Text.Length || Text[i + 1] != '\n')))
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        if (line < 1 || line > _lineStarts.Count)
        {
            return null;
        }

        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Count ? _lineStarts[line] : Text.Length;
        return Text.Substring(start, end - start).TrimEnd('\r', '\n');
    }
}

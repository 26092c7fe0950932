using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Suppression;

/// <summary>
/// Suppression comments in a text file: <c>codeguardian-disable-next-line IDs</c>, <c>codeguardian-disable-line IDs</c>,
/// <c>codeguardian-disable IDs</c> … <c>codeguardian-enable IDs</c> and <c>codeguardian-disable-file IDs</c>, each
/// with an optional <c>-- reason</c>. No IDs means every rule. Built lazily, only for files with findings, from
/// comment tokens only (a directive inside a string does nothing).
/// </summary>
public sealed class SuppressionIndex
{
    private const string Marker = "codeguardian-";
    private const string AllRules = "*";

    private readonly HashSet<string> _fileWide = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, List<string>> _byLine = new();
    private readonly List<(int StartLine, int EndLine, string Id)> _ranges = new();

    public static readonly SuppressionIndex Empty = new();

    public bool IsEmpty => _fileWide.Count == 0 && _byLine.Count == 0 && _ranges.Count == 0;

    public static SuppressionIndex Build(ScannedFile file)
    {
        // Only the comments are searched (the lexer lists them): most files have no directive, and their code, usually
        // most of the text, is never read here.
        SuppressionIndex? index = null;
        Dictionary<string, int>? open = null;
        var tokens = file.Tokens.AsSpan();
        foreach (var comment in file.Tokens.CommentIndices)
        {
            ref readonly var token = ref tokens[comment];
            var text = file.TextOf(token);
            var at = text.IndexOf(Marker.AsSpan(), StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                index ??= new SuppressionIndex();
                open ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var rest = text.Slice(at + Marker.Length);
                var consumed = index.ReadDirective(file, token.Start + at, rest, open);
                text = rest.Slice(consumed);
                at = text.IndexOf(Marker.AsSpan(), StringComparison.OrdinalIgnoreCase);
            }
        }

        if (index is null || open is null)
        {
            return Empty;
        }

        // An unclosed "disable" runs to the end of the file.
        foreach (var pair in open)
        {
            index._ranges.Add((pair.Value, int.MaxValue, pair.Key));
        }

        return index;
    }

    public bool IsSuppressed(string id, int line)
    {
        if (_fileWide.Contains(id) || _fileWide.Contains(AllRules))
        {
            return true;
        }

        if (_byLine.TryGetValue(line, out var ids))
        {
            foreach (var candidate in ids)
            {
                if (candidate == AllRules || string.Equals(candidate, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        foreach (var (start, end, rangeId) in _ranges)
        {
            if (line >= start && line <= end && (rangeId == AllRules || string.Equals(rangeId, id, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads one directive after the marker; returns how many characters it consumed.</summary>
    private int ReadDirective(ScannedFile file, int markerPosition, ReadOnlySpan<char> rest, Dictionary<string, int> open)
    {
        var verbLength = 0;
        while (verbLength < rest.Length && (char.IsLetter(rest[verbLength]) || rest[verbLength] == '-'))
        {
            verbLength++;
        }

        var verb = rest.Slice(0, verbLength);
        var ids = ReadIds(rest.Slice(verbLength), out var idsLength);
        var line = file.LineOf(markerPosition);
        if (verb.Equals("disable-next-line".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            AddLine(line + 1, ids);
        }
        else if (verb.Equals("disable-line".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            AddLine(line, ids);
        }
        else if (verb.Equals("disable-file".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            foreach (var id in ids)
            {
                _fileWide.Add(id);
            }
        }
        else if (verb.Equals("disable".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            foreach (var id in ids)
            {
                if (!open.ContainsKey(id))
                {
                    open[id] = line;
                }
            }
        }
        else if (verb.Equals("enable".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            foreach (var id in ids)
            {
                if (id == AllRules)
                {
                    foreach (var pair in open)
                    {
                        _ranges.Add((pair.Value, line, pair.Key));
                    }

                    open.Clear();
                }
                else if (open.TryGetValue(id, out var startLine))
                {
                    _ranges.Add((startLine, line, id));
                    open.Remove(id);
                }
            }
        }

        return verbLength + idsLength;
    }

    private void AddLine(int line, List<string> ids)
    {
        if (!_byLine.TryGetValue(line, out var list))
        {
            _byLine[line] = list = new List<string>();
        }

        list.AddRange(ids);
    }

    /// <summary>Rule IDs (CGnnnn, comma or space separated) up to a "--" reason or the end of the line.</summary>
    private static List<string> ReadIds(ReadOnlySpan<char> text, out int consumed)
    {
        var ids = new List<string>();
        var i = 0;
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            var c = text[i];
            if (c == ' ' || c == '\t' || c == ',')
            {
                i++;
                continue;
            }

            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                break;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i == start)
            {
                break;
            }

            var word = text.Slice(start, i - start);
            if (word.Length >= 3 && (word[0] == 'C' || word[0] == 'c') && (word[1] == 'G' || word[1] == 'g') && char.IsDigit(word[2]))
            {
                ids.Add(word.ToString().ToUpperInvariant());
            }
            else
            {
                break;
            }
        }

        consumed = i;
        if (ids.Count == 0)
        {
            ids.Add(AllRules);
        }

        return ids;
    }
}

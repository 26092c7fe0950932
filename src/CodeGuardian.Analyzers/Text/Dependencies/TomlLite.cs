using System;
using System.Collections.Generic;
using System.Text;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// The subset of TOML (and INI-like files) manifests need: <c>[table]</c>/<c>[[array.table]]</c> headers
/// (quoted parts such as <c>[target.'cfg(unix)'.dependencies]</c> kept whole), <c>key = value</c> entries with dotted
/// keys, and values spanning lines until their brackets close (arrays, inline tables). Values are kept raw; helpers
/// pull strings and inline-table fields out of them. Linear; never throws.
/// </summary>
public static class TomlLite
{
    private const int MaxValueLength = 64 * 1024;

    public readonly struct Entry
    {
        public Entry(string table, string key, string value)
        {
            Table = table;
            Key = key;
            Value = value;
        }

        /// <summary>The header the entry is under, e.g. "project.optional-dependencies" (quotes removed).</summary>
        public string Table { get; }

        /// <summary>The key, dotted parts joined with '.', quotes removed.</summary>
        public string Key { get; }

        /// <summary>The raw value text (may span lines).</summary>
        public string Value { get; }
    }

    public static List<Entry> Parse(string text)
    {
        var entries = new List<Entry>();
        var table = string.Empty;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] == '[')
            {
                table = Unquote(line.Trim('[', ']', ' '));
                continue;
            }

            var equals = IndexOutsideQuotes(line, '=');
            if (equals <= 0)
            {
                continue;
            }

            var key = Unquote(line.Substring(0, equals).Trim());
            var value = new StringBuilder(line.Substring(equals + 1).Trim());

            // Arrays and inline tables continue until their brackets balance.
            while (Depth(value) > 0 && i + 1 < lines.Length && value.Length < MaxValueLength)
            {
                value.Append('\n').Append(StripComment(lines[++i]).Trim());
            }

            entries.Add(new Entry(table, key, value.ToString()));
        }

        return entries;
    }

    /// <summary>Every quoted string in a raw value: <c>["a>=1", 'b']</c> → a&gt;=1, b.</summary>
    public static List<string> Strings(string value)
    {
        var strings = new List<string>();
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            if (c is '"' or '\'')
            {
                var end = value.IndexOf(c, i + 1);
                if (end < 0)
                {
                    break;
                }

                strings.Add(value.Substring(i + 1, end - i - 1));
                i = end + 1;
                continue;
            }

            i++;
        }

        return strings;
    }

    /// <summary>The string value of <paramref name="field"/> in an inline table: <c>{ package = "x" }</c> → x.</summary>
    public static string? InlineField(string value, string field)
    {
        var at = 0;
        while ((at = value.IndexOf(field, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 ? ' ' : value[at - 1];
            var after = at + field.Length;
            while (after < value.Length && value[after] == ' ')
            {
                after++;
            }

            if ((before is '{' or ',' or ' ') && after < value.Length && value[after] == '=')
            {
                var strings = Strings(value.Substring(after + 1));
                return strings.Count > 0 ? strings[0] : null;
            }

            at += field.Length;
        }

        return null;
    }

    /// <summary>Removes quotes around key parts: <c>target.'cfg(unix)'.dependencies</c> → target.cfg(unix).dependencies.</summary>
    public static string Unquote(string key) => key.Replace("\"", string.Empty).Replace("'", string.Empty).Replace(" ", string.Empty);

    private static string StripComment(string line)
    {
        var hash = IndexOutsideQuotes(line, '#');
        return (hash < 0 ? line : line.Substring(0, hash)).TrimEnd('\r');
    }

    private static int IndexOutsideQuotes(string line, char target)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == target)
            {
                return i;
            }
        }

        return -1;
    }

    private static int Depth(StringBuilder value)
    {
        var depth = 0;
        var quote = '\0';
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '[' or '{')
            {
                depth++;
            }
            else if (c is ']' or '}')
            {
                depth--;
            }
        }

        return depth;
    }
}

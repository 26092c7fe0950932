using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Configuration.EditorConfig;

/// <summary>
/// One parsed <c>.editorconfig</c>: whether it is a root, and its sections with the diagnostic severities they set.
/// Only what the text rules need is kept (<c>dotnet_diagnostic.*.severity</c> and
/// <c>dotnet_analyzer_diagnostic.*</c> keys), because the compiler hides those keys from analyzers for
/// AdditionalFiles. Parsing is line based and never throws; malformed lines are ignored like the compiler does.
/// </summary>
public sealed class EditorConfigFile
{
    private EditorConfigFile(string directory, bool isRoot, List<EditorConfigSection> sections, List<EditorConfigEntry> entries)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
        Entries = entries;
    }

    /// <summary>
    /// Every <c>codeguardian.*</c> and <c>dotnet_diagnostic.*</c> key of the file with its line, in file order,
    /// so configuration mistakes can be reported where they are (CG9001).
    /// </summary>
    public IReadOnlyList<EditorConfigEntry> Entries { get; }

    /// <summary>The folder of the file, normalized with '/' and a trailing '/'.</summary>
    public string Directory { get; }

    public bool IsRoot { get; }

    public IReadOnlyList<EditorConfigSection> Sections { get; }

    public static EditorConfigFile Parse(string path, SourceText text)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var directory = slash < 0 ? "/" : normalized.Substring(0, slash + 1);
        var sections = new List<EditorConfigSection>();
        var isRoot = false;
        var entries = new List<EditorConfigEntry>();
        EditorConfigSection? current = null;
        foreach (var line in text.Lines)
        {
            var content = line.ToString().Trim();
            if (content.Length == 0 || content[0] == '#' || content[0] == ';')
            {
                continue;
            }

            if (content[0] == '[')
            {
                var close = content.LastIndexOf(']');
                current = close > 1 ? new EditorConfigSection(content.Substring(1, close - 1), directory) : null;
                if (current is not null)
                {
                    sections.Add(current);
                }

                continue;
            }

            var equals = content.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = content.Substring(0, equals).Trim().ToLowerInvariant();
            var value = StripComment(content.Substring(equals + 1)).Trim();
            if (key.StartsWith("codeguardian.", StringComparison.Ordinal) || key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal))
            {
                entries.Add(new EditorConfigEntry(key, value, line.LineNumber, line.Span));
            }

            if (current is null)
            {
                if (key == "root" && value.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    isRoot = true;
                }

                continue;
            }

            if (key.StartsWith("dotnet_diagnostic.", StringComparison.Ordinal) || key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.Ordinal))
            {
                current.Properties[key] = value;
            }
        }

        return new EditorConfigFile(directory, isRoot, sections, entries);
    }

    private static string StripComment(string value)
    {
        // Trailing " # comment" / " ; comment" like the compiler accepts.
        for (var i = 1; i < value.Length; i++)
        {
            if ((value[i] == '#' || value[i] == ';') && char.IsWhiteSpace(value[i - 1]))
            {
                return value.Substring(0, i);
            }
        }

        return value;
    }
}

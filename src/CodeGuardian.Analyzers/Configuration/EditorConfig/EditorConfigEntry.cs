using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Configuration.EditorConfig;

/// <summary>One <c>key = value</c> line of an <c>.editorconfig</c> (key lower-cased, value trimmed), with its 0-based line.</summary>
public sealed class EditorConfigEntry
{
    public EditorConfigEntry(string key, string value, int line, TextSpan span)
    {
        Key = key;
        Value = value;
        Line = line;
        Span = span;
    }

    public string Key { get; }

    public string Value { get; }

    public int Line { get; }

    /// <summary>The whole line in the file.</summary>
    public TextSpan Span { get; }
}

using System;
using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Configuration.CustomRules;

public enum JsonKind
{
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

/// <summary>A parsed JSON value with the 0-based line it starts on (for error locations).</summary>
public sealed class JsonValue
{
    private JsonValue(JsonKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public JsonKind Kind { get; }

    public int Line { get; }

    /// <summary>The text of a string, or the literal text of a number or boolean.</summary>
    public string Text { get; private set; } = string.Empty;

    public List<JsonValue> Items { get; } = new();

    public List<KeyValuePair<string, JsonValue>> Properties { get; } = new();

    public static JsonValue Scalar(JsonKind kind, string text, int line) => new(kind, line) { Text = text };

    public static JsonValue Container(JsonKind kind, int line) => new(kind, line);

    /// <summary>The value of the first property named <paramref name="name"/> (case-sensitive), or null.</summary>
    public JsonValue? Get(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Key.Equals(name, StringComparison.Ordinal))
            {
                return property.Value;
            }
        }

        return null;
    }
}

using System;
using System.Collections.Generic;
using System.Text;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// A small JSON reader for manifests: objects become <see cref="Dictionary{TKey, TValue}"/>, arrays <see cref="List{T}"/>,
/// strings <see cref="string"/>, everything else null. Tolerates what tsconfig.json allows (comments, trailing
/// commas) and never throws: malformed input yields what could be read. Depth is bounded.
/// </summary>
public sealed class TolerantJson
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;

    private TolerantJson(string text) => _text = text;

    public static object? Parse(string text)
    {
        var reader = new TolerantJson(text);
        return reader.ReadValue(0);
    }

    /// <summary>The object under <paramref name="key"/> of <paramref name="node"/>, if it is an object.</summary>
    public static Dictionary<string, object?>? ObjectAt(object? node, string key) =>
        node is Dictionary<string, object?> map && map.TryGetValue(key, out var value) ? value as Dictionary<string, object?> : null;

    public static string? StringAt(object? node, string key) =>
        node is Dictionary<string, object?> map && map.TryGetValue(key, out var value) ? value as string : null;

    private object? ReadValue(int depth)
    {
        SkipTrivia();
        if (_position >= _text.Length || depth > MaxDepth)
        {
            return null;
        }

        switch (_text[_position])
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
            case '\'':
                return ReadString();
            default:
                // Numbers, true/false/null: skip the word.
                while (_position < _text.Length && _text[_position] is not (',' or '}' or ']' or ':') && !char.IsWhiteSpace(_text[_position]))
                {
                    _position++;
                }

                return null;
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        _position++;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return map;
            }

            var c = _text[_position];
            if (c == '}')
            {
                _position++;
                return map;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            var start = _position;
            var key = c is '"' or '\'' ? ReadString() : ReadBareWord();
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ':')
            {
                _position++;
                var value = ReadValue(depth + 1);
                map[key] = value;
            }

            if (_position == start)
            {
                _position++;
            }
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var list = new List<object?>();
        _position++;
        while (true)
        {
            SkipTrivia();
            if (_position >= _text.Length)
            {
                return list;
            }

            var c = _text[_position];
            if (c == ']')
            {
                _position++;
                return list;
            }

            if (c == ',')
            {
                _position++;
                continue;
            }

            var start = _position;
            list.Add(ReadValue(depth + 1));
            if (_position == start)
            {
                _position++;
            }
        }
    }

    private string ReadString()
    {
        var quote = _text[_position++];
        var builder = new StringBuilder();
        while (_position < _text.Length && _text[_position] != quote)
        {
            var c = _text[_position++];
            if (c == '\\' && _position < _text.Length)
            {
                c = _text[_position++];
            }

            builder.Append(c);
        }

        _position++;
        return builder.ToString();
    }

    private string ReadBareWord()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '$'))
        {
            _position++;
        }

        return _text.Substring(start, _position - start);
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                var end = _text.IndexOf('\n', _position);
                _position = end < 0 ? _text.Length : end + 1;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                _position = end < 0 ? _text.Length : end + 2;
            }
            else
            {
                return;
            }
        }
    }
}

using System.Globalization;
using System.Text;

namespace CodeGuardian.Analyzers.Configuration.CustomRules;

/// <summary>
/// A small tolerant JSON reader for <c>codeguardian.rules.json</c>: standard JSON plus <c>//</c> and
/// <c>/* */</c> comments and trailing commas. Never throws: a syntax error yields null and an error with its line.
/// Nesting is limited so hostile input cannot exhaust the stack.
/// </summary>
public sealed class JsonReader
{
    private const int MaxDepth = 64;

    private readonly string _text;
    private int _position;
    private int _line;

    private JsonReader(string text) => _text = text;

    public string? Error { get; private set; }

    public int ErrorLine { get; private set; }

    public static JsonValue? Parse(string text, out string? error, out int errorLine)
    {
        var reader = new JsonReader(text);
        if (reader._text.Length > 0 && reader._text[0] == '\uFEFF')
        {
            reader._position = 1;
        }

        var value = reader.ReadValue(0);
        if (value is not null)
        {
            reader.SkipTrivia();
            if (reader.Error is null && reader._position < reader._text.Length)
            {
                reader.Fail("unexpected text after the end of the JSON document");
                value = null;
            }
        }

        error = reader.Error;
        errorLine = reader.ErrorLine;
        return reader.Error is null ? value : null;
    }

    private JsonValue? ReadValue(int depth)
    {
        SkipTrivia();
        if (Error is not null)
        {
            return null;
        }

        if (_position >= _text.Length)
        {
            return Fail("unexpected end of file");
        }

        if (depth > MaxDepth)
        {
            return Fail("nesting is too deep");
        }

        var c = _text[_position];
        switch (c)
        {
            case '{':
                return ReadObject(depth);
            case '[':
                return ReadArray(depth);
            case '"':
                var line = _line;
                var text = ReadString();
                return text is null ? null : JsonValue.Scalar(JsonKind.String, text, line);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                if (TryWord("true") || TryWord("false"))
                {
                    return JsonValue.Scalar(JsonKind.Boolean, c == 't' ? "true" : "false", _line);
                }

                if (TryWord("null"))
                {
                    return JsonValue.Scalar(JsonKind.Null, "null", _line);
                }

                return Fail($"unexpected character '{c}'");
        }
    }

    private JsonValue? ReadObject(int depth)
    {
        var result = JsonValue.Container(JsonKind.Object, _line);
        _position++;
        while (true)
        {
            SkipTrivia();
            if (Error is not null)
            {
                return null;
            }

            if (_position >= _text.Length)
            {
                return Fail("unterminated object: '}' expected");
            }

            if (_text[_position] == '}')
            {
                _position++;
                return result;
            }

            if (_text[_position] != '"')
            {
                return Fail("a property name in double quotes expected");
            }

            var name = ReadString();
            if (name is null)
            {
                return null;
            }

            SkipTrivia();
            if (_position >= _text.Length || _text[_position] != ':')
            {
                return Fail($"':' expected after property \"{name}\"");
            }

            _position++;
            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            result.Properties.Add(new System.Collections.Generic.KeyValuePair<string, JsonValue>(name, value));
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
            }
            else if (_position < _text.Length && _text[_position] != '}')
            {
                return Fail("',' or '}' expected");
            }
        }
    }

    private JsonValue? ReadArray(int depth)
    {
        var result = JsonValue.Container(JsonKind.Array, _line);
        _position++;
        while (true)
        {
            SkipTrivia();
            if (Error is not null)
            {
                return null;
            }

            if (_position >= _text.Length)
            {
                return Fail("unterminated array: ']' expected");
            }

            if (_text[_position] == ']')
            {
                _position++;
                return result;
            }

            var value = ReadValue(depth + 1);
            if (value is null)
            {
                return null;
            }

            result.Items.Add(value);
            SkipTrivia();
            if (_position < _text.Length && _text[_position] == ',')
            {
                _position++;
            }
            else if (_position < _text.Length && _text[_position] != ']')
            {
                return Fail("',' or ']' expected");
            }
        }
    }

    private string? ReadString()
    {
        var builder = new StringBuilder();
        _position++;
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c == '\n')
            {
                Fail("unterminated string");
                return null;
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            if (_position >= _text.Length)
            {
                break;
            }

            var escape = _text[_position++];
            switch (escape)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'u':
                    if (_position + 4 <= _text.Length
                        && int.TryParse(_text.Substring(_position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                    {
                        builder.Append((char)code);
                        _position += 4;
                        break;
                    }

                    Fail("invalid \\u escape");
                    return null;
                default:
                    // \" \\ \/ and, tolerantly, any other escaped character stand for themselves.
                    builder.Append(escape);
                    break;
            }
        }

        Fail("unterminated string");
        return null;
    }

    private JsonValue? ReadNumber()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsDigit(_text[_position]) || _text[_position] is '-' or '+' or '.' or 'e' or 'E'))
        {
            _position++;
        }

        var text = _text.Substring(start, _position - start);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? JsonValue.Scalar(JsonKind.Number, text, _line)
            : Fail($"invalid number '{text}'");
    }

    private bool TryWord(string word)
    {
        if (string.CompareOrdinal(_text, _position, word, 0, word.Length) != 0)
        {
            return false;
        }

        _position += word.Length;
        return true;
    }

    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (c == '\n')
            {
                _line++;
                _position++;
            }
            else if (c is ' ' or '\t' or '\r' or '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var startLine = _line;
                _position += 2;
                while (_position < _text.Length && !(_text[_position] == '*' && _position + 1 < _text.Length && _text[_position + 1] == '/'))
                {
                    if (_text[_position] == '\n')
                    {
                        _line++;
                    }

                    _position++;
                }

                if (_position >= _text.Length)
                {
                    _line = startLine;
                    Fail("unterminated comment");
                    return;
                }

                _position += 2;
            }
            else
            {
                return;
            }
        }
    }

    private JsonValue? Fail(string message)
    {
        if (Error is null)
        {
            Error = message;
            ErrorLine = _line;
        }

        return null;
    }
}

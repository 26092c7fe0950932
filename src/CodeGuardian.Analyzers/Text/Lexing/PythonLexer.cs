using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// Lexer for Python. One linear pass; emits <see cref="TokenKind.Newline"/> at the end of every logical line
/// that holds code (not inside brackets, not after a backslash continuation, not for blank or comment-only
/// lines; a zero-length one at end of file) and marks the first code token of each logical line with
/// <see cref="TokenFlags.LineStart"/>, so block structure can be read from the indentation before it.
/// Strings are one token each, prefixes included; f-strings are scanned with their replacement fields
/// (nested quotes of any kind, nested braces, format specs) and flagged <see cref="TokenFlags.Interpolated"/>
/// when they have a real <c>{expression}</c>. A logical line made only of strings is a docstring/expression
/// statement and its strings get <see cref="TokenFlags.Documentation"/>. Names, brackets, <c>=</c>, <c>:</c>, <c>.</c>
/// and line ends carry a <see cref="PyTag"/> in <see cref="Token.Tag"/> for the Python layer.
/// </summary>
public sealed class PythonLexer : ILexer
{
    /// <summary>Nested f-strings deeper than this are scanned as plain strings (bounded recursion).</summary>
    private const int MaxFStringNesting = 16;

    private const int CancellationInterval = 4096;

    // The characters that can end or change a plain string body, by its quote and form.
    private const string DoubleQuotedStops = "\"\\\n\r";
    private const string SingleQuotedStops = "'\\\n\r";
    private const string TripleDoubleQuotedStops = "\"\\";
    private const string TripleSingleQuotedStops = "'\\";

    public void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken)
    {
        // The buffer of pending string tokens (module docstrings: nearly every file) goes to the thread's next file.
        var scanner = new Scanner(text, tokens, ThreadSpare<Token[]>.Take());
        scanner.Run(cancellationToken);
        ThreadSpare<Token[]>.Give(scanner.PendingBuffer);
    }

    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly TokenList _tokens;
        private int _depth;
        private bool _lineHasCode;

        // Tokens of the current logical line while it holds only strings (and comments): they become
        // docstrings if the line ends without any other token.
        private Token[]? _pending;
        private int _pendingCount;

        public readonly Token[]? PendingBuffer => _pending;
        private bool _lineOnlyStrings;

        // Error recovery for an unclosed bracket: the last line break seen inside brackets, and whether no
        // token has followed it yet. A statement keyword there cannot be inside an expression.
        private bool _atBracketLineStart;
        private int _breakStart;
        private int _breakLength;

        public Scanner(ReadOnlySpan<char> text, TokenList tokens, Token[]? pendingBuffer)
        {
            _text = text;
            _tokens = tokens;
            _depth = 0;
            _lineHasCode = false;
            _pending = pendingBuffer;
            _pendingCount = 0;
            _lineOnlyStrings = true;
            _atBracketLineStart = false;
            _breakStart = 0;
            _breakLength = 0;
        }

        public void Run(CancellationToken cancellationToken)
        {
            var text = _text;
            var i = 0;
            var nextCheck = CancellationInterval;

            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                _tokens.Add(0, 1, TokenKind.Text);
                i = 1;
            }

            if (i + 1 < text.Length && text[i] == '#' && text[i + 1] == '!')
            {
                var end = LineEnd(i);
                _tokens.Add(i, end - i, TokenKind.Text);
                i = end;
            }

            while (i < text.Length)
            {
                if (i >= nextCheck)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    nextCheck = i + CancellationInterval;
                }

                var c = text[i];

                // One table read classifies ASCII, so the dispatch is one jump; other characters are names or operators.
                var charClass = c < 128 ? AsciiClasses[c] : IsUnicodeIdentifierChar(c) ? NameClass : OperatorClass;
                switch (charClass)
                {
                    case NameClass:
                    {
                        var end = NameEnd(text, i + 1);
                        if (end < text.Length && (text[end] == '"' || text[end] == '\'') && TryParsePrefix(text.Slice(i, end - i), out var prefix))
                        {
                            i = ScanString(i, end, prefix);
                            continue;
                        }

                        if (_atBracketLineStart && _depth > 0 && IsStatementKeyword(text.Slice(i, end - i)))
                        {
                            // Half-typed code such as "print(" must not swallow the rest of the file's structure.
                            EndLogicalLine(_breakStart, _breakLength);
                        }

                        // The keyword or kind of name, for the layer's passes (Token.Tag).
                        Emit(i, end - i, TokenKind.Identifier, TokenFlags.None, PyTags.OfName(text.Slice(i, end - i)));

                        // The spaces after a name are skipped here: one dispatch less for "x = y", "if x", "import os".
                        i = SpacesEnd(text, end);
                        continue;
                    }

                    case SpaceClass:
                        // Indentation and alignment: a run of spaces in one tight loop.
                        do
                        {
                            i++;
                        }
                        while (i < text.Length && text[i] == ' ');

                        continue;
                    case BlankClass:
                        i++;
                        continue;
                    case LineBreakClass:
                    {
                        var length = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                        if (_depth == 0 && _lineHasCode)
                        {
                            EndLogicalLine(i, length);
                        }
                        else if (_depth > 0)
                        {
                            _atBracketLineStart = true;
                            _breakStart = i;
                            _breakLength = length;
                        }

                        // The next line's indentation too.
                        i = SpacesEnd(text, i + length);
                        continue;
                    }

                    case BackslashClass:
                    {
                        // Line continuation: the break after it does not end the logical line.
                        var next = i + 1;
                        if (next < text.Length && (text[next] == '\n' || text[next] == '\r'))
                        {
                            i = next + (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n' ? 2 : 1);
                            continue;
                        }

                        Emit(i, 1, TokenKind.Punctuation, TokenFlags.None);
                        i++;
                        continue;
                    }

                    case HashClass:
                    {
                        var end = LineEnd(i);
                        EmitComment(i, end - i);
                        i = end;
                        continue;
                    }

                    case QuoteClass:
                        i = ScanString(i, i, StringPrefix.None);
                        continue;
                    case OpenClass:
                        _depth++;
                        Emit(i, 1, TokenKind.Punctuation, TokenFlags.None, PyTags.OpenerOf(c));
                        i++;
                        continue;
                    case CloseClass:
                        if (_depth > 0)
                        {
                            _depth--;
                        }

                        Emit(i, 1, TokenKind.Punctuation, TokenFlags.None, PyTags.CloserOf(c));
                        i++;
                        continue;
                    case CommaClass:
                        Emit(i, 1, TokenKind.Punctuation, TokenFlags.None);
                        i = SpacesEnd(text, i + 1);
                        continue;
                    case DigitClass:
                        i = EmitNumber(i);
                        continue;
                    case DotClass:
                    {
                        // A member dot is one character; ".5" is a number; "..." an operator.
                        var next = i + 1 < text.Length ? text[i + 1] : '\0';
                        if (IsDigit(next))
                        {
                            i = EmitNumber(i);
                            continue;
                        }

                        if (next != '.')
                        {
                            Emit(i, 1, TokenKind.Punctuation, TokenFlags.None, PyTag.Dot);
                            i++;
                            continue;
                        }

                        break;
                    }

                    case ColonOrEqualsClass:
                        // ':' and '=' not followed by '=' are one character.
                        if (i + 1 >= text.Length || text[i + 1] != '=')
                        {
                            Emit(i, 1, TokenKind.Punctuation, TokenFlags.None, c == ':' ? PyTag.Colon : PyTag.Equals);
                            i = SpacesEnd(text, i + 1);
                            continue;
                        }

                        break;
                }

                var operatorLength = OperatorLength(i);

                // ".." is a dot and another dot (no other operator of one character carries a tag).
                Emit(i, operatorLength, TokenKind.Punctuation, TokenFlags.None, operatorLength == 1 && c == '.' ? PyTag.Dot : PyTag.Plain);
                i += operatorLength;
            }

            if (_lineHasCode)
            {
                EndLogicalLine(text.Length, 0);
            }

            FlushPending(false);
        }

        private int EmitNumber(int start)
        {
            var end = ScanNumber(start);
            Emit(start, end - start, TokenKind.Number, TokenFlags.None);
            return end;
        }

        private readonly int LineEnd(int from)
        {
            var end = _text.Slice(from).IndexOfAny('\n', '\r');
            return end < 0 ? _text.Length : from + end;
        }

        private void EndLogicalLine(int start, int length)
        {
            FlushPending(_lineOnlyStrings);
            _tokens.Add(start, length, TokenKind.Newline, TokenFlags.None, (byte)PyTag.Newline);
            _lineHasCode = false;
            _lineOnlyStrings = true;
            _depth = 0;
        }

        private void Emit(int start, int length, TokenKind kind, TokenFlags flags, PyTag tag = PyTag.Plain)
        {
            _atBracketLineStart = false;
            if (!_lineHasCode)
            {
                flags |= TokenFlags.LineStart;
                _lineHasCode = true;
            }

            if (_lineOnlyStrings)
            {
                if (kind == TokenKind.String && _depth == 0)
                {
                    AddPending(new Token(start, length, kind, flags));
                    return;
                }

                _lineOnlyStrings = false;
                FlushPending(false);
            }

            _tokens.Add(start, length, kind, flags, (byte)tag);
        }

        private void EmitComment(int start, int length)
        {
            if (_pendingCount > 0)
            {
                AddPending(new Token(start, length, TokenKind.Comment));
                return;
            }

            _tokens.Add(start, length, TokenKind.Comment);
        }

        private void AddPending(Token token)
        {
            _pending ??= new Token[4];
            if (_pendingCount == _pending.Length)
            {
                Array.Resize(ref _pending, _pending.Length * 2);
            }

            _pending[_pendingCount++] = token;
        }

        private void FlushPending(bool asDocumentation)
        {
            for (var k = 0; k < _pendingCount; k++)
            {
                var token = _pending![k];
                var flags = token.Flags;
                if (asDocumentation && token.Kind == TokenKind.String)
                {
                    flags |= TokenFlags.Documentation;
                }

                _tokens.Add(token.Start, token.Length, token.Kind, flags);
            }

            _pendingCount = 0;
        }

        /// <summary>Scans a string whose token starts at <paramref name="start"/> and whose quote is at <paramref name="quoteAt"/>.</summary>
        private int ScanString(int start, int quoteAt, StringPrefix prefix)
        {
            var flags = TokenFlags.None;
            if ((prefix & StringPrefix.Raw) != 0)
            {
                flags |= TokenFlags.Raw;
            }

            if ((prefix & StringPrefix.Bytes) != 0)
            {
                flags |= TokenFlags.Bytes;
            }

            var end = (prefix & StringPrefix.Formatted) != 0
                ? ScanFormattedBody(quoteAt, 0, ref flags)
                : ScanPlainBody(quoteAt, ref flags);
            Emit(start, end - start, TokenKind.String, flags);
            return end;
        }

        /// <summary>A string without replacement fields; returns the end (after the closing quotes).</summary>
        private readonly int ScanPlainBody(int quoteAt, ref TokenFlags flags)
        {
            var text = _text;
            var quote = text[quoteAt];
            var triple = IsTripleAt(quoteAt, quote);
            var i = quoteAt + (triple ? 3 : 1);
            if (triple)
            {
                flags |= TokenFlags.Triple;
            }

            var stops = triple ? (quote == '"' ? TripleDoubleQuotedStops : TripleSingleQuotedStops) : quote == '"' ? DoubleQuotedStops : SingleQuotedStops;
            while (i < text.Length)
            {
                // What lies between the stops (the quote, a backslash, a line break in a one-line string) changes
                // nothing: skipped in one vectorized search.
                var stop = text.Slice(i).IndexOfAny(stops.AsSpan());
                if (stop < 0)
                {
                    break;
                }

                i += stop;
                var c = text[i];
                if (c == '\\')
                {
                    // Also in raw strings a backslash keeps the next character (a quote or a line break) inside.
                    i = SkipEscaped(i);
                    continue;
                }

                if (c == quote)
                {
                    if (!triple)
                    {
                        return i + 1;
                    }

                    if (IsTripleAt(i, quote))
                    {
                        return i + 3;
                    }
                }
                else if (!triple && (c == '\n' || c == '\r'))
                {
                    flags |= TokenFlags.Unterminated;
                    return i;
                }

                i++;
            }

            flags |= TokenFlags.Unterminated;
            return text.Length;
        }

        /// <summary>
        /// An f-string body from its opening quote: literal text, <c>{{</c>/<c>}}</c> escapes, and replacement
        /// fields whose expressions may hold brackets and strings with any quotes (PEP 701), and whose format
        /// specs may hold nested fields (<c>{x:{width}}</c>).
        /// </summary>
        private readonly int ScanFormattedBody(int quoteAt, int nesting, ref TokenFlags flags)
        {
            var text = _text;
            var quote = text[quoteAt];
            var triple = IsTripleAt(quoteAt, quote);
            var i = quoteAt + (triple ? 3 : 1);
            if (triple)
            {
                flags |= TokenFlags.Triple;
            }

            // Open replacement fields (0 = literal text). Only the innermost field can be in its expression;
            // every enclosing one is in its format spec, which is where nested fields live.
            var fields = 0;
            var inSpec = false;

            // Brackets opened inside the innermost field's expression.
            var brackets = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (!triple && (c == '\n' || c == '\r'))
                {
                    flags |= TokenFlags.Unterminated;
                    return i;
                }

                if (fields == 0 || inSpec)
                {
                    switch (c)
                    {
                        case '\\':
                            i = SkipEscaped(i);
                            continue;
                        case '{':
                            if (fields == 0 && i + 1 < text.Length && text[i + 1] == '{')
                            {
                                i += 2;
                                continue;
                            }

                            fields++;
                            inSpec = false;
                            brackets = 0;
                            flags |= TokenFlags.Interpolated;
                            i++;
                            continue;
                        case '}':
                            if (fields == 0)
                            {
                                // '}}' is an escape; a lone '}' is an error Python reports, skip it.
                                i += i + 1 < text.Length && text[i + 1] == '}' ? 2 : 1;
                                continue;
                            }

                            // End of the field whose spec this is; the enclosing field (if any) is in its spec.
                            fields--;
                            inSpec = fields > 0;
                            i++;
                            continue;
                        default:
                            if (c == quote && (!triple || IsTripleAt(i, quote)))
                            {
                                return i + (triple ? 3 : 1);
                            }

                            i++;
                            continue;
                    }
                }

                // Inside the innermost field's expression.
                switch (c)
                {
                    case '\'':
                    case '"':
                        i = ScanNestedString(i, i, StringPrefix.None, nesting);
                        continue;
                    case '(':
                    case '[':
                    case '{':
                        brackets++;
                        i++;
                        continue;
                    case ')':
                    case ']':
                        if (brackets > 0)
                        {
                            brackets--;
                        }

                        i++;
                        continue;
                    case '}':
                        if (brackets > 0)
                        {
                            brackets--;
                        }
                        else
                        {
                            fields--;
                            inSpec = fields > 0;
                        }

                        i++;
                        continue;
                    case ':':
                        if (brackets == 0)
                        {
                            inSpec = true;
                        }

                        i++;
                        continue;
                }

                if (IsIdentifierStart(c))
                {
                    var end = NameEnd(text, i + 1);

                    if (end < text.Length && (text[end] == '"' || text[end] == '\'') && TryParsePrefix(text.Slice(i, end - i), out var prefix))
                    {
                        i = ScanNestedString(i, end, prefix, nesting);
                        continue;
                    }

                    i = end;
                    continue;
                }

                i++;
            }

            flags |= TokenFlags.Unterminated;
            return text.Length;
        }

        private readonly int ScanNestedString(int start, int quoteAt, StringPrefix prefix, int nesting)
        {
            var ignored = TokenFlags.None;
            return (prefix & StringPrefix.Formatted) != 0 && nesting < MaxFStringNesting
                ? ScanFormattedBody(quoteAt, nesting + 1, ref ignored)
                : ScanPlainBody(quoteAt, ref ignored);
        }

        private readonly int SkipEscaped(int backslashAt)
        {
            var text = _text;
            var next = backslashAt + 1;
            if (next >= text.Length)
            {
                return next;
            }

            if (text[next] == '\r' && next + 1 < text.Length && text[next + 1] == '\n')
            {
                return next + 2;
            }

            return next + 1;
        }

        private readonly bool IsTripleAt(int at, char quote) =>
            at + 2 < _text.Length && _text[at] == quote && _text[at + 1] == quote && _text[at + 2] == quote;

        private readonly int ScanNumber(int start)
        {
            var text = _text;
            var i = start;
            var hex = text[i] == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X');
            while (i < text.Length)
            {
                var c = text[i];
                if (IsDigit(c) || c == '_' || (c < 128 && char.IsLetter(c)))
                {
                    i++;
                }
                else if (c == '.' && !(i + 1 < text.Length && text[i + 1] == '.'))
                {
                    i++;
                }
                else if ((c == '+' || c == '-') && !hex && i > start && (text[i - 1] == 'e' || text[i - 1] == 'E')
                    && i + 1 < text.Length && IsDigit(text[i + 1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        private readonly int OperatorLength(int at)
        {
            var text = _text;
            var c = text[at];

            // Brackets and commas, the most frequent punctuation, never combine with what follows.
            if (c is '(' or ')' or '[' or ']' or '{' or '}' or ',')
            {
                return 1;
            }

            var c1 = at + 1 < text.Length ? text[at + 1] : '\0';
            var c2 = at + 2 < text.Length ? text[at + 2] : '\0';
            if (c == '.' && c1 == '.' && c2 == '.')
            {
                return 3;
            }

            if (((c == '*' && c1 == '*') || (c == '/' && c1 == '/') || (c == '>' && c1 == '>') || (c == '<' && c1 == '<')) && c2 == '=')
            {
                return 3;
            }

            switch (c)
            {
                case '*':
                case '/':
                case '<':
                case '>':
                    if (c1 == c || c1 == '=')
                    {
                        return 2;
                    }

                    return c == '<' && c1 == '>' ? 2 : 1;
                case '-':
                    return c1 == '>' || c1 == '=' ? 2 : 1;
                case '+':
                case '%':
                case '&':
                case '|':
                case '^':
                case '@':
                case '=':
                case '!':
                case ':':
                    return c1 == '=' ? 2 : 1;
                default:
                    // A surrogate pair that is not an identifier stays one token.
                    return char.IsHighSurrogate(c) && char.IsLowSurrogate(c1) ? 2 : 1;
            }
        }
    }

    [Flags]
    private enum StringPrefix
    {
        None = 0,
        Raw = 1,
        Bytes = 2,
        Formatted = 4,
    }

    /// <summary>r, u, b, f, t (template strings) and the two-letter combinations Python accepts, any case.</summary>
    private static bool TryParsePrefix(ReadOnlySpan<char> letters, out StringPrefix prefix)
    {
        prefix = StringPrefix.None;
        if (letters.Length == 0 || letters.Length > 2)
        {
            return false;
        }

        var seenU = false;
        for (var k = 0; k < letters.Length; k++)
        {
            StringPrefix bit;
            switch (letters[k])
            {
                case 'r':
                case 'R':
                    bit = StringPrefix.Raw;
                    break;
                case 'b':
                case 'B':
                    bit = StringPrefix.Bytes;
                    break;
                case 'f':
                case 'F':
                case 't':
                case 'T':
                    bit = StringPrefix.Formatted;
                    break;
                case 'u':
                case 'U':
                    if (letters.Length != 1)
                    {
                        return false;
                    }

                    seenU = true;
                    bit = StringPrefix.None;
                    break;
                default:
                    return false;
            }

            if ((prefix & bit) != 0)
            {
                return false;
            }

            prefix |= bit;
        }

        // Bytes and formatted do not combine; u stands alone.
        return seenU || (prefix & (StringPrefix.Bytes | StringPrefix.Formatted)) != (StringPrefix.Bytes | StringPrefix.Formatted);
    }

    /// <summary>Keywords that start a statement and can never appear inside an expression.</summary>
    private static bool IsStatementKeyword(ReadOnlySpan<char> word) => word.Length switch
    {
        3 => word.SequenceEqual("def".AsSpan()) || word.SequenceEqual("try".AsSpan()),
        4 => word.SequenceEqual("pass".AsSpan()) || word.SequenceEqual("with".AsSpan()) || word.SequenceEqual("elif".AsSpan()),
        5 => word.SequenceEqual("class".AsSpan()) || word.SequenceEqual("while".AsSpan()) || word.SequenceEqual("raise".AsSpan()),
        6 => word.SequenceEqual("import".AsSpan()) || word.SequenceEqual("return".AsSpan()) || word.SequenceEqual("except".AsSpan()),
        7 => word.SequenceEqual("finally".AsSpan()),
        _ => false,
    };

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SpacesEnd(ReadOnlySpan<char> text, int position)
    {
        while ((uint)position < (uint)text.Length && text[position] == ' ')
        {
            position++;
        }

        return position;
    }

    /// <summary>The end of a name whose rest starts at <paramref name="position"/>.</summary>
    private static int NameEnd(ReadOnlySpan<char> text, int position)
    {
        while ((uint)position < (uint)text.Length)
        {
            var c = text[position];
            if (c < 128 ? (uint)(AsciiClasses[c] - NameClass) > DigitClass - NameClass : !IsUnicodeIdentifierChar(c))
            {
                break;
            }

            position++;
        }

        return position;
    }

    // What an ASCII character starts, for the main loop's dispatch (AsciiClasses).
    private const byte OperatorClass = 0;
    private const byte NameClass = 1;
    private const byte DigitClass = 2;
    private const byte SpaceClass = 3;
    private const byte BlankClass = 4;
    private const byte LineBreakClass = 5;
    private const byte BackslashClass = 6;
    private const byte HashClass = 7;
    private const byte QuoteClass = 8;
    private const byte OpenClass = 9;
    private const byte CloseClass = 10;
    private const byte CommaClass = 11;
    private const byte DotClass = 12;
    private const byte ColonOrEqualsClass = 13;

    // Per ASCII character: 1 letters and '_', 2 digits, 3 space, 4 tab/VT/FF, 5 CR/LF, 6 backslash, 7 '#', 8 quotes,
    // 9 opening and 10 closing brackets, 11 ',', 12 '.', 13 ':' and '=', 0 the rest (operators). A constant table: no
    // static initialization check, no bounds check on lookups.
    private static ReadOnlySpan<byte> AsciiClasses => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 5, 4, 4, 5, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        3, 0, 8, 7, 0, 0, 0, 8, 9, 10, 0, 0, 11, 0, 12, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 13, 0, 0, 13, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 6, 10, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 9, 0, 10, 0, 0,
    };

    // Inlined into the scanning loops: ASCII is one or two compares ((c | 0x20) folds upper case onto lower case).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierStart(char c) =>
        c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_' : IsUnicodeIdentifierChar(c);

    private static bool IsUnicodeIdentifierChar(char c)
    {
        if (char.IsSurrogate(c))
        {
            // Supplementary-plane letters (rare); keeping both halves in the identifier is what matters.
            return true;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.DecimalDigitNumber:
            case UnicodeCategory.ConnectorPunctuation:
                return true;
            default:
                return false;
        }
    }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// Lexer for JavaScript and TypeScript (also JSX/TSX, whose markup is lexed as code). One linear pass:
/// <list type="bullet">
/// <item>A template literal is one <see cref="TokenKind.String"/> token with <see cref="TokenFlags.Template"/>
/// (and <see cref="TokenFlags.Interpolated"/> when it has a <c>${</c>). The code inside its holes is lexed
/// (strings, comments, regexes, nested templates, braces) but not emitted, so a <c>}</c> or a backtick inside a
/// hole cannot end the literal early. Nesting is tracked with an explicit stack, never by recursion.</item>
/// <item>A <c>/</c> starts a regex literal unless the previous significant token ends an expression
/// (identifier that is not an operator keyword, number, string, regex, <c>)</c>, <c>]</c>, <c>}</c>, postfix
/// <c>++</c>/<c>--</c>).</item>
/// <item>Quoted strings cannot span lines in JavaScript: an unterminated one ends at its line break with
/// <see cref="TokenFlags.Unterminated"/>, so one stray quote does not swallow the rest of the file. Block
/// comments and template literals run to the end of the file when unterminated.</item>
/// <item>A <c>#!</c> first line and a byte-order mark are <see cref="TokenKind.Text"/>.</item>
/// <item>A token that is the first on its physical line has <see cref="TokenFlags.LineStart"/> (a line break in the
/// white space before it), so consumers tell line breaks between tokens (automatic semicolon insertion) without
/// re-reading the text; only a multi-line block comment between two tokens needs a look inside.</item>
/// </list>
/// </summary>
public sealed class JavaScriptLexer : ILexer
{
    private const int CancellationInterval = 4096;

    public void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken)
    {
        // The template/brace stack (any file with a template literal) goes to the thread's next file: a finished run
        // leaves it empty, and a cancelled one never gives it back.
        var scanner = new Scanner(text, tokens, ThreadSpare<List<int>>.Take());
        scanner.Run(cancellationToken);
        ThreadSpare<List<int>>.Give(scanner.StackBuffer);
    }

    /// <summary>What the previous significant token says about a following <c>/</c>.</summary>
    private enum Previous : byte
    {
        /// <summary>Start of input, operator, opening bracket, keyword such as <c>return</c>: a regex may follow.</summary>
        RegexAllowed,

        /// <summary>An expression just ended: a <c>/</c> divides.</summary>
        ExpressionEnd,

        /// <summary>A <c>&lt;</c>: <c>&lt;/name</c> is a JSX closing tag, not a regex.</summary>
        LessThan,

        /// <summary>A <c>.</c> or <c>?.</c>: the next identifier is a property name even if it spells a keyword.</summary>
        MemberDot,

        /// <summary>
        /// A name (not a property name): it ends an expression unless it is a keyword such as <c>return</c>, which is
        /// looked up only when a <c>/</c> or <c>!</c> asks (see <see cref="Scanner.ResolvedPrevious"/>).
        /// </summary>
        Name,
    }

    private const string DoubleQuotedStops = "\"\\\r\n";
    private const string SingleQuotedStops = "'\\\r\n";
    private const string LineTerminators = "\n\r\u2028\u2029";

    private ref struct Scanner
    {
        // Stack entries: TemplateFrame while inside template text, otherwise the brace depth inside a ${ } hole.
        private const int TemplateFrame = -1;

        private readonly ReadOnlySpan<char> _text;
        private readonly TokenList _tokens;
        private List<int>? _stack;

        public readonly List<int>? StackBuffer => _stack;
        private int _position;
        private Previous _previous;
        private int _templateStart;

        // The name that set Previous.Name inside a template literal (elsewhere it is the last token of the list).
        private int _nameStart;
        private int _nameEnd;
        private TokenFlags _templateFlags;

        // A line terminator was skipped since the last token: the next one starts its line.
        private TokenFlags _lineStart;

        public Scanner(ReadOnlySpan<char> text, TokenList tokens, List<int>? stackBuffer)
        {
            _text = text;
            _tokens = tokens;
            _stack = stackBuffer;
            _position = 0;
            _previous = Previous.RegexAllowed;
            _templateStart = 0;
            _templateFlags = TokenFlags.None;
            _lineStart = TokenFlags.LineStart;
            _nameStart = 0;
            _nameEnd = 0;
        }

        private readonly bool InTemplate => _stack is { Count: > 0 };

        /// <summary><see cref="_previous"/> with a name resolved to what it says about a following <c>/</c>.</summary>
        private readonly Previous ResolvedPrevious =>
            _previous != Previous.Name ? _previous
            : AllowsRegexAfter(LastName()) ? Previous.RegexAllowed
            : Previous.ExpressionEnd;

        /// <summary>
        /// The name that set <see cref="Previous.Name"/>. Outside template literals every token goes into the list and
        /// only comments come after the name without changing <see cref="_previous"/>, so the main loop stores nothing
        /// per name; inside them (no tokens are listed) <see cref="ScanIdentifier"/> keeps it.
        /// </summary>
        private readonly ReadOnlySpan<char> LastName()
        {
            if (InTemplate)
            {
                return _text.Slice(_nameStart, _nameEnd - _nameStart);
            }

            var i = _tokens.Count - 1;
            while (i >= 0 && _tokens[i].Kind == TokenKind.Comment)
            {
                i--;
            }

            return i >= 0 ? _text.Slice(_tokens[i].Start, _tokens[i].Length) : default;
        }

        public void Run(CancellationToken cancellationToken)
        {
            var text = _text;
            var tokens = _tokens;
            var nextCheck = CancellationInterval;
            ScanPrologue();

            // The scanner's state in locals while the loop handles the most frequent tokens itself (names, white space,
            // brackets and separators, member dots outside template literals); written back around the calls that
            // handle the rest.
            var position = _position;
            var lineStart = _lineStart;
            var previous = _previous;
            var inTemplate = false;
            while ((uint)position < (uint)text.Length)
            {
                if (position >= nextCheck)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    nextCheck = position + CancellationInterval;
                }

                var c = text[position];
                if (c < 128 && !inTemplate)
                {
                    var classes = AsciiClasses[c];
                    if ((classes & WhiteSpaceClass) != 0)
                    {
                        // The whole run of ASCII white space at once (other white space goes through Step).
                        do
                        {
                            if (c is '\n' or '\r')
                            {
                                lineStart = TokenFlags.LineStart;
                            }

                            position++;
                        }
                        while ((uint)position < (uint)text.Length && (c = text[position]) < 128 && (AsciiClasses[c] & WhiteSpaceClass) != 0);

                        continue;
                    }

                    if ((classes & IdentifierStartClass) != 0)
                    {
                        var start = position;
                        position = IdentifierEnd(text, position + 1);
                        previous = previous == Previous.MemberDot ? Previous.ExpressionEnd : Previous.Name;
                        tokens.Add(start, position - start, TokenKind.Identifier, lineStart);
                        lineStart = TokenFlags.None;
                        continue;
                    }

                    // A one-character token: ( ) [ ] { } , ; : ~ always, '=' unless "==" or "=>" follows. Outside template
                    // literals braces are plain punctuation too; a closing bracket ends an expression.
                    if ((classes & SeparatorClass) != 0
                        && (c != '=' || !((uint)(position + 1) < (uint)text.Length && text[position + 1] is '=' or '>')))
                    {
                        previous = (Previous)((classes >> ClosingShift) & 1);
                        tokens.Add(position, 1, TokenKind.Punctuation, lineStart);
                        lineStart = TokenFlags.None;
                        position++;
                        continue;
                    }

                    // A member dot: not "..." and not a number ".5".
                    if (c == '.')
                    {
                        var next = (uint)(position + 1) < (uint)text.Length ? text[position + 1] : '\0';
                        if (next != '.' && !IsDigit(next))
                        {
                            previous = Previous.MemberDot;
                            tokens.Add(position, 1, TokenKind.Punctuation, lineStart);
                            lineStart = TokenFlags.None;
                            position++;
                            continue;
                        }
                    }

                    // Any other token of code (not white space, not template text): straight to its scan.
                    _position = position;
                    _lineStart = lineStart;
                    _previous = previous;
                    ScanCodeToken(c);
                    position = _position;
                    lineStart = _lineStart;
                    previous = _previous;
                    inTemplate = InTemplate;
                    continue;
                }

                _position = position;
                _lineStart = lineStart;
                _previous = previous;
                Step(c);
                position = _position;
                lineStart = _lineStart;
                previous = _previous;
                inTemplate = InTemplate;
            }

            if (InTemplate)
            {
                // The outermost template literal never closed.
                _tokens.Add(_templateStart, text.Length - _templateStart, TokenKind.String, _templateFlags | TokenFlags.Unterminated);
                _stack!.Clear();
            }
        }

        /// <summary>One token or white-space run from <see cref="_position"/>, whose character is <paramref name="c"/>; anything inside a template literal.</summary>
        private void Step(char c)
        {
            if (InTemplate && _stack![_stack.Count - 1] == TemplateFrame)
            {
                ScanTemplateText();
                return;
            }

            if (IsWhiteSpace(c))
            {
                var text = _text;
                var i = _position;
                do
                {
                    if (c is '\n' or '\r' or '\u2028' or '\u2029')
                    {
                        _lineStart = TokenFlags.LineStart;
                    }

                    i++;
                }
                while (i < text.Length && IsWhiteSpace(c = text[i]));

                _position = i;
                return;
            }

            ScanCodeToken(c);
        }

        private void ScanPrologue()
        {
            var text = _text;
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                _tokens.Add(0, 1, TokenKind.Text);
                _position = 1;
            }

            if (_position + 1 < text.Length && text[_position] == '#' && text[_position + 1] == '!')
            {
                var end = LineEnd(_position);
                _tokens.Add(_position, end - _position, TokenKind.Text);
                _position = end;
            }
        }

        /// <summary>Template text up to the closing backtick (pop) or a <c>${</c> (push a hole).</summary>
        private void ScanTemplateText()
        {
            var text = _text;
            var i = _position;
            while (i < text.Length)
            {
                // Plain template text holds none of \ ` $: skip it in one vectorized search.
                var special = text.Slice(i).IndexOfAny('\\', '`', '$');
                if (special < 0)
                {
                    break;
                }

                i += special;
                var c = text[i];
                if (c == '\\')
                {
                    i += 2;
                    continue;
                }

                if (c == '`')
                {
                    i++;
                    _stack!.RemoveAt(_stack.Count - 1);
                    _position = i;
                    _previous = Previous.ExpressionEnd;
                    _lineStart = TokenFlags.None;
                    if (_stack.Count == 0)
                    {
                        _tokens.Add(_templateStart, i - _templateStart, TokenKind.String, _templateFlags);
                    }

                    return;
                }

                if (c == '$' && i + 1 < text.Length && text[i + 1] == '{')
                {
                    _templateFlags |= TokenFlags.Interpolated;
                    _stack!.Add(0);
                    _position = i + 2;
                    _previous = Previous.RegexAllowed;
                    return;
                }

                i++;
            }

            _position = text.Length;
        }

        private void ScanCodeToken(char c)
        {
            var text = _text;
            var start = _position;
            var next = start + 1 < text.Length ? text[start + 1] : '\0';

            // One jump on the character; the frequent one-character operators are emitted without the operator table.
            switch (c)
            {
                case '(' or ')' or '[' or ']' or ';' or ',':
                    _previous = c is ')' or ']' ? Previous.ExpressionEnd : Previous.RegexAllowed;
                    Emit(start, start + 1, TokenKind.Punctuation, TokenFlags.None);
                    return;

                case ':':
                    EmitSingle(start, Previous.RegexAllowed);
                    return;

                case '=' when next != '=' && next != '>':
                    EmitSingle(start, Previous.RegexAllowed);
                    return;

                case '{' when !InTemplate:
                    EmitSingle(start, Previous.RegexAllowed);
                    return;

                case '}' when !InTemplate:
                    EmitSingle(start, Previous.ExpressionEnd);
                    return;

                case '.':
                    if (IsDigit(next))
                    {
                        ScanNumber(start);
                    }
                    else if (next != '.')
                    {
                        // A member dot (not "...").
                        EmitSingle(start, Previous.MemberDot);
                    }
                    else
                    {
                        ScanPunctuation(start, c);
                    }

                    return;

                case '"' or '\'':
                    ScanQuotedString(start, c);
                    _previous = Previous.ExpressionEnd;
                    return;

                case '`':
                    OpenTemplate(start);
                    return;

                case >= '0' and <= '9':
                    ScanNumber(start);
                    return;

                case '/':
                    ScanSlash(start, next);
                    return;

                case '#' when start + 1 < text.Length && IsIdentifierStart(next):
                    ScanIdentifier(start);
                    return;

                default:
                    if (IsIdentifierStart(c))
                    {
                        ScanIdentifier(start);
                        return;
                    }

                    ScanPunctuation(start, c);
                    return;
            }
        }

        /// <summary>A one-character operator that never starts a longer one here.</summary>
        private void EmitSingle(int start, Previous previous)
        {
            _previous = previous;
            Emit(start, start + 1, TokenKind.Punctuation, TokenFlags.None);
        }

        private void ScanNumber(int start)
        {
            var end = NumberEnd(_text, start);
            _previous = Previous.ExpressionEnd;
            Emit(start, end, TokenKind.Number, TokenFlags.None);
        }

        /// <summary>A '/': comment, JSX closing tag, regex or division.</summary>
        private void ScanSlash(int start, char next)
        {
            if (next == '/')
            {
                var end = LineEnd(start);
                Emit(start, end, TokenKind.Comment, TokenFlags.None);
                return;
            }

            if (next == '*')
            {
                ScanBlockComment(start);
                return;
            }

            if (_previous == Previous.LessThan && (next == '>' || IsIdentifierStart(next)))
            {
                // JSX closing tag "</name>": the slash is punctuation.
                _previous = Previous.RegexAllowed;
                Emit(start, start + 1, TokenKind.Punctuation, TokenFlags.None);
                return;
            }

            if (ResolvedPrevious != Previous.ExpressionEnd)
            {
                ScanRegex(start);
                _previous = Previous.ExpressionEnd;
                return;
            }

            ScanPunctuation(start, '/');
        }

        /// <summary>A name (or a <c>#private</c> name) from <paramref name="start"/>, whose first character is known to start one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void ScanIdentifier(int start)
        {
            var end = IdentifierEnd(_text, start + 1);
            _previous = AfterName(_previous, start, end);
            Emit(start, end, TokenKind.Identifier, TokenFlags.None);
        }

        /// <summary>
        /// The state after the name [<paramref name="start"/>, <paramref name="end"/>): a property name after a member dot
        /// ends an expression; any other name is kept, and whether it is a keyword after which a regex may start is asked
        /// only when a '/' or '!' follows (<see cref="ResolvedPrevious"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private Previous AfterName(Previous previous, int start, int end)
        {
            if (previous == Previous.MemberDot)
            {
                return Previous.ExpressionEnd;
            }

            _nameStart = start;
            _nameEnd = end;
            return Previous.Name;
        }

        private void OpenTemplate(int start)
        {
            _stack ??= new List<int>();
            if (_stack.Count == 0)
            {
                _templateStart = start;
                _templateFlags = TokenFlags.Template | _lineStart;
                _lineStart = TokenFlags.None;
            }

            _stack.Add(TemplateFrame);
            _position = start + 1;
        }

        private void ScanBlockComment(int start)
        {
            var text = _text;
            var flags = TokenFlags.BlockComment;
            if (start + 2 < text.Length && text[start + 2] == '*' && !(start + 3 < text.Length && text[start + 3] == '/'))
            {
                flags |= TokenFlags.Documentation;
            }

            var close = text.Slice(start + 2).IndexOf("*/".AsSpan());
            int end;
            if (close < 0)
            {
                end = text.Length;
                flags |= TokenFlags.Unterminated;
            }
            else
            {
                end = start + 2 + close + 2;
            }

            Emit(start, end, TokenKind.Comment, flags);
        }

        private void ScanQuotedString(int start, char quote)
        {
            var text = _text;
            var i = start + 1;
            var stops = quote == '"' ? DoubleQuotedStops : SingleQuotedStops;
            while (i < text.Length)
            {
                // String bodies hold none of the quote, \, CR, LF: skip them in one vectorized search.
                var stop = text.Slice(i).IndexOfAny(stops.AsSpan());
                if (stop < 0)
                {
                    i = text.Length;
                    break;
                }

                i += stop;
                var c = text[i];
                if (c == quote)
                {
                    Emit(start, i + 1, TokenKind.String, TokenFlags.None);
                    return;
                }

                if (c == '\\')
                {
                    // An escaped CR LF is one line continuation.
                    i += i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n' ? 3 : 2;
                    continue;
                }

                if (c == '\n' || c == '\r')
                {
                    break;
                }

                i++;
            }

            if (i > text.Length)
            {
                i = text.Length;
            }

            Emit(start, i, TokenKind.String, TokenFlags.Unterminated);
        }

        private void ScanRegex(int start)
        {
            var text = _text;
            var i = start + 1;
            var inClass = false;
            var flags = TokenFlags.Unterminated;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '\n' || c == '\r')
                {
                    break;
                }

                if (c == '\\')
                {
                    i = i + 1 < text.Length && text[i + 1] != '\n' && text[i + 1] != '\r' ? i + 2 : i + 1;
                    continue;
                }

                if (c == '[')
                {
                    inClass = true;
                }
                else if (c == ']')
                {
                    inClass = false;
                }
                else if (c == '/' && !inClass)
                {
                    i++;
                    flags = TokenFlags.None;
                    while (i < text.Length && IsIdentifierPart(text[i]))
                    {
                        i++;
                    }

                    break;
                }

                i++;
            }

            Emit(start, i, TokenKind.Regex, flags);
        }

        private void ScanPunctuation(int start, char c)
        {
            var text = _text;
            var length = PunctuationLength(text, start);
            var end = start + length;

            if (InTemplate)
            {
                // Braces inside a ${ } hole: only the hole's own closing brace returns to template text.
                var top = _stack!.Count - 1;
                if (c == '{')
                {
                    _stack[top]++;
                }
                else if (c == '}')
                {
                    if (_stack[top] == 0)
                    {
                        _stack.RemoveAt(top);
                        _position = end;
                        return;
                    }

                    _stack[top]--;
                }
            }

            // TypeScript non-null assertion "value!": a "!" glued to the end of an expression keeps it an expression.
            var nonNull = c == '!' && length == 1 && ResolvedPrevious == Previous.ExpressionEnd && start > 0 && !IsWhiteSpace(text[start - 1]);
            _previous = c switch
            {
                _ when nonNull => Previous.ExpressionEnd,
                ')' or ']' or '}' => Previous.ExpressionEnd,
                '+' or '-' when length == 2 && text[start + 1] == c => Previous.ExpressionEnd,
                '<' when length == 1 => Previous.LessThan,
                '.' when length == 1 => Previous.MemberDot,
                '?' when length == 2 && text[start + 1] == '.' => Previous.MemberDot,
                _ => Previous.RegexAllowed,
            };

            Emit(start, end, TokenKind.Punctuation, TokenFlags.None);
        }

        private void Emit(int start, int end, TokenKind kind, TokenFlags flags)
        {
            _position = end;
            if (!InTemplate)
            {
                _tokens.Add(start, end - start, kind, flags | _lineStart);
            }

            _lineStart = TokenFlags.None;
        }

        private readonly int LineEnd(int start)
        {
            var end = _text.Slice(start).IndexOfAny(LineTerminators.AsSpan());
            return end < 0 ? _text.Length : start + end;
        }
    }

    /// <summary>End of the number literal that starts at <paramref name="start"/>.</summary>
    private static int NumberEnd(ReadOnlySpan<char> text, int start)
    {
        var i = start;
        if (text[i] == '0' && i + 1 < text.Length && IsRadixPrefix(text[i + 1]))
        {
            i += 2;
            while (i < text.Length && (IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            return i;
        }

        var seenDot = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (IsDigit(c) || c == '_')
            {
                i++;
            }
            else if (c == '.' && !seenDot)
            {
                seenDot = true;
                i++;
            }
            else if ((c == 'e' || c == 'E') && i + 1 < text.Length && (IsDigit(text[i + 1]) || ((text[i + 1] == '+' || text[i + 1] == '-') && i + 2 < text.Length && IsDigit(text[i + 2]))))
            {
                i += 2;
                seenDot = true;
            }
            else if (IsAsciiLetterOrDigit(c))
            {
                // BigInt suffix "n" or a malformed literal: keep it one token.
                i++;
            }
            else
            {
                break;
            }
        }

        return i;
    }

    /// <summary>Length of the operator at <paramref name="start"/>: longest match of the JS operators.</summary>
    private static int PunctuationLength(ReadOnlySpan<char> text, int start)
    {
        var c = text[start];
        var c1 = start + 1 < text.Length ? text[start + 1] : '\0';
        var c2 = start + 2 < text.Length ? text[start + 2] : '\0';
        var c3 = start + 3 < text.Length ? text[start + 3] : '\0';
        switch (c)
        {
            case '.':
                return c1 == '.' && c2 == '.' ? 3 : 1;
            case '=':
                return c1 == '=' ? (c2 == '=' ? 3 : 2) : c1 == '>' ? 2 : 1;
            case '!':
                return c1 == '=' ? (c2 == '=' ? 3 : 2) : 1;
            case '*':
                return c1 == '*' ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '<':
                return c1 == '<' ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '>':
                if (c1 == '>')
                {
                    return c2 == '>' ? (c3 == '=' ? 4 : 3) : c2 == '=' ? 3 : 2;
                }

                return c1 == '=' ? 2 : 1;
            case '&':
            case '|':
                return c1 == c ? (c2 == '=' ? 3 : 2) : c1 == '=' ? 2 : 1;
            case '?':
                if (c1 == '?')
                {
                    return c2 == '=' ? 3 : 2;
                }

                // "?." is optional chaining unless a digit follows ("a?.5:b" is a conditional).
                return c1 == '.' && !IsDigit(c2) ? 2 : 1;
            case '+':
            case '-':
                return c1 == c || c1 == '=' ? 2 : 1;
            case '/':
            case '%':
            case '^':
                return c1 == '=' ? 2 : 1;
            default:
                return 1;
        }
    }

    /// <summary>The end of the name whose characters continue at <paramref name="position"/>.</summary>
    /// <remarks>
    /// Not inlined: in the main loop the position of this per-character loop went through the stack on every character.
    /// </remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int IdentifierEnd(ReadOnlySpan<char> text, int position)
    {
        while ((uint)position < (uint)text.Length && IsIdentifierPart(text[position]))
        {
            position++;
        }

        return position;
    }

    /// <summary>Keywords after which an expression (so a regex literal) starts.</summary>
    private static bool AllowsRegexAfter(ReadOnlySpan<char> word)
    {
        switch (word.Length)
        {
            case 2:
                return Is(word, "in") || Is(word, "do") || Is(word, "of");
            case 3:
                return Is(word, "new");
            case 4:
                return Is(word, "case") || Is(word, "else") || Is(word, "void");
            case 5:
                return Is(word, "throw") || Is(word, "yield") || Is(word, "await");
            case 6:
                return Is(word, "return") || Is(word, "typeof") || Is(word, "delete");
            case 7:
                return Is(word, "extends");
            case 10:
                return Is(word, "instanceof");
            default:
                return false;
        }
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => word.SequenceEqual(keyword.AsSpan());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWhiteSpace(char c) =>
        c < 128 ? (AsciiClasses[c] & WhiteSpaceClass) != 0 : char.IsWhiteSpace(c) || c == '\uFEFF';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c);

    private static bool IsRadixPrefix(char c) => c is 'x' or 'X' or 'b' or 'B' or 'o' or 'O';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentifierStart(char c) =>
        c < 128 ? (AsciiClasses[c] & IdentifierStartClass) != 0 : !char.IsWhiteSpace(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentifierPart(char c) =>
        c < 128 ? (AsciiClasses[c] & IdentifierPartClass) != 0 : !char.IsWhiteSpace(c);

    // ASCII character classes as bits, so the per-character tests of the hot loops are one table read.
    private const byte IdentifierStartClass = 1;
    private const byte IdentifierPartClass = 2;
    private const byte WhiteSpaceClass = 4;
    private const byte SeparatorClass = 8;
    private const byte DotClass = 16;

    // Set on the closing brackets ) ] }: shifted down, Previous.ExpressionEnd (1) rather than Previous.RegexAllowed (0).
    private const byte ClosingClass = 32;
    private const int ClosingShift = 5;

    // Bits per ASCII character: 1 identifier start (letters, _, $, backslash), 2 identifier part (also digits), 4 white
    // space (space, tab, LF, VT, FF, CR), 8 one-character token outside template literals: ( ) [ ] { } , ; : ~ and '='
    // (unless "==" or "=>" follows), 16 the dot, 32 closing bracket ) ] }. A constant table: no static initialization
    // check, no bounds check on lookups.
    private static ReadOnlySpan<byte> AsciiClasses => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        4, 0, 0, 0, 3, 0, 0, 0, 8, 40, 0, 0, 8, 0, 16, 0,
        2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 8, 8, 0, 8, 0, 0,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 3, 40, 0, 3,
        0, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3,
        3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 8, 0, 40, 8, 0,
    };
}

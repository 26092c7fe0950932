using System;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Text.Sql;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// Lexer for SQL across dialects (T-SQL, PostgreSQL, MySQL, Oracle, SQLite) in one linear pass. Keywords are
/// <see cref="TokenKind.Identifier"/>s; line ends are <see cref="TokenKind.Newline"/> tokens so that a <c>GO</c> alone on
/// its line can be recognised as a batch separator. Handles <c>--</c> and nested <c>/* */</c> comments,
/// <c>'it''s'</c>, <c>N'…'</c>/<c>E'…'</c>/<c>X'…'</c>/<c>B'…'</c>/<c>U&amp;'…'</c> strings, <c>[bracketed]</c>,
/// <c>"quoted"</c> and <c>`backtick`</c> identifiers, dollar quoting (<c>$$…$$</c>, <c>$tag$…$tag$</c>) and the
/// parameter forms <c>@var</c>, <c>@@global</c>, <c>:name</c>, <c>$1</c> (Identifiers) and <c>?</c> (Punctuation).
/// Each unquoted word carries its <see cref="SqlKeyword"/> in <see cref="Token.Tag"/>, the punctuation <c>( ) , ; . *</c>
/// a tag of its own (<see cref="OpenParenthesisTag"/> …), other tokens 0.
/// </summary>
public sealed class SqlLexer : ILexer
{
    /// <summary><see cref="Token.Tag"/> of the one-character punctuation <c>(</c>; the tags of punctuation are above every <see cref="SqlKeyword"/> value.</summary>
    public const byte OpenParenthesisTag = 250;

    public const byte CloseParenthesisTag = 251;

    public const byte CommaTag = 252;

    public const byte SemicolonTag = 253;

    public const byte DotTag = 254;

    public const byte StarTag = 255;

    private const int CancellationCheckInterval = 4096;

    public void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken) =>
        Tokenize(text, tokens, SqlLexerOptions.None, cancellationToken);

    public static void Tokenize(ReadOnlySpan<char> text, TokenList tokens, SqlLexerOptions options, CancellationToken cancellationToken)
    {
        var hostEscapes = (options & SqlLexerOptions.HostEscapes) != 0;
        var length = text.Length;
        var nextCheck = 0;

        // A '[' whose line has no closing ']' is punctuation; every later '[' before this position on the same
        // line has none either, so the search is not repeated (keeps a line full of '[' linear).
        var noCloseBracketBefore = -1;
        var i = 0;
        while (i < length)
        {
            if (i >= nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nextCheck = i + CancellationCheckInterval;
            }

            var c = text[i];

            // Names and keywords start most tokens, and an ASCII letter matches none of the cases below: tested first.
            if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
            {
                i = Word(text, i, hostEscapes, tokens);
                continue;
            }

            switch (c)
            {
                case '\n':
                    tokens.Add(i, 1, TokenKind.Newline);
                    i++;
                    continue;
                case '\r':
                    var newlineLength = i + 1 < length && text[i + 1] == '\n' ? 2 : 1;
                    tokens.Add(i, newlineLength, TokenKind.Newline);
                    i += newlineLength;
                    continue;
                case ' ':
                    // Indentation and alignment: a run of spaces in one tight loop.
                    do
                    {
                        i++;
                    }
                    while (i < length && text[i] == ' ');

                    continue;
                case '\t':
                case '\f':
                case '\v':
                case '\uFEFF':
                    i++;
                    continue;
                case '\\' when hostEscapes:
                    i += 2;
                    continue;
                case '-' when i + 1 < length && text[i + 1] == '-':
                    i = LineComment(text, i, tokens);
                    continue;
                case '#' when i + 1 >= length || text[i + 1] is ' ' or '\t' or '\r' or '\n':
                    // MySQL "# comment"; "#temp" (T-SQL temporary table) and "#>" (PostgreSQL operator) are not comments.
                    i = LineComment(text, i, tokens);
                    continue;
                case '#' when !IsIdentifierPart(text[i + 1]):
                    tokens.Add(i, 1, TokenKind.Punctuation);
                    i++;
                    continue;
                case '/' when i + 1 < length && text[i + 1] == '*':
                    i = BlockComment(text, i, tokens);
                    continue;
                case '\'':
                    i = QuotedString(text, i, i, backslashEscapes: false, hostEscapes, tokens);
                    continue;
                case '"':
                    i = QuotedIdentifier(text, i, '"', tokens);
                    continue;
                case '`':
                    i = QuotedIdentifier(text, i, '`', tokens);
                    continue;
                case '[':
                    i = Bracketed(text, i, tokens, ref noCloseBracketBefore);
                    continue;
                case '$':
                    i = Dollar(text, i, tokens);
                    continue;
                case '@':
                    i = Variable(text, i, tokens);
                    continue;
                case ':':
                    i = Colon(text, i, tokens);
                    continue;

                // Parentheses, commas, semicolons and dots (not of a number ".5"), the most frequent punctuation, are
                // one character each: emitted here rather than after the number, name and operator checks.
                // Tagged for the SQL layer, which acts on these (Token.Tag).
                case '(':
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, OpenParenthesisTag);
                    i++;
                    continue;
                case ')':
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, CloseParenthesisTag);
                    i++;
                    continue;
                case ',':
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, CommaTag);
                    i++;
                    continue;
                case ';':
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, SemicolonTag);
                    i++;
                    continue;
                case '.' when !(i + 1 < length && IsDigit(text[i + 1])):
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, DotTag);
                    i++;
                    continue;
                case '*':
                    tokens.Add(i, 1, TokenKind.Punctuation, TokenFlags.None, StarTag);
                    i++;
                    continue;
            }

            if (IsDigit(c) || (c == '.' && i + 1 < length && IsDigit(text[i + 1])))
            {
                i = NumberLiteral(text, i, tokens);
                continue;
            }

            if (IsIdentifierStart(c))
            {
                i = Word(text, i, hostEscapes, tokens);
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var operatorLength = OperatorLength(text, i);
            tokens.Add(i, operatorLength, TokenKind.Punctuation);
            i += operatorLength;
        }
    }

    private static int LineComment(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var end = start + 1;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        tokens.Add(start, end - start, TokenKind.Comment);
        return end;
    }

    /// <summary>PostgreSQL and T-SQL nest block comments; a lone <c>*/</c> inside one closes only one level.</summary>
    private static int BlockComment(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var depth = 1;
        var i = start + 2;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    tokens.Add(start, i - start, TokenKind.Comment, TokenFlags.BlockComment);
                    return i;
                }

                continue;
            }

            if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                depth++;
                i += 2;
                continue;
            }

            i++;
        }

        tokens.Add(start, text.Length - start, TokenKind.Comment, TokenFlags.BlockComment | TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary>A <c>'…'</c> string starting at <paramref name="quote"/>, its prefix (if any) at <paramref name="start"/>.</summary>
    private static int QuotedString(ReadOnlySpan<char> text, int start, int quote, bool backslashEscapes, bool hostEscapes, TokenList tokens)
    {
        var i = quote + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                if (i + 1 < text.Length && text[i + 1] == '\'')
                {
                    i += 2;
                    continue;
                }

                i++;
                tokens.Add(start, i - start, TokenKind.String);
                return i;
            }

            i += c == '\\' && (backslashEscapes || hostEscapes) ? 2 : 1;
        }

        tokens.Add(start, text.Length - start, TokenKind.String, TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary><c>"name"</c> or <c>`name`</c>; the delimiter doubled stands for itself.</summary>
    private static int QuotedIdentifier(ReadOnlySpan<char> text, int start, char delimiter, TokenList tokens)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == delimiter)
            {
                if (i + 1 < text.Length && text[i + 1] == delimiter)
                {
                    i += 2;
                    continue;
                }

                i++;
                tokens.Add(start, i - start, TokenKind.Identifier, TokenFlags.QuotedIdentifier);
                return i;
            }

            i++;
        }

        tokens.Add(start, text.Length - start, TokenKind.Identifier, TokenFlags.QuotedIdentifier | TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary>
    /// T-SQL <c>[name]</c> (<c>]]</c> stands for <c>]</c>). A <c>[</c> without a closing <c>]</c> on its line is
    /// punctuation (array subscripts, half-typed code), so one stray bracket cannot swallow the rest of the file.
    /// </summary>
    private static int Bracketed(ReadOnlySpan<char> text, int start, TokenList tokens, ref int noCloseBracketBefore)
    {
        if (start < noCloseBracketBefore)
        {
            tokens.Add(start, 1, TokenKind.Punctuation);
            return start + 1;
        }

        var i = start + 1;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == ']')
            {
                if (i + 1 < text.Length && text[i + 1] == ']')
                {
                    i += 2;
                    continue;
                }

                i++;
                tokens.Add(start, i - start, TokenKind.Identifier, TokenFlags.QuotedIdentifier);
                return i;
            }

            if (c == '\n' || c == '\r')
            {
                break;
            }

            i++;
        }

        noCloseBracketBefore = i;
        tokens.Add(start, 1, TokenKind.Punctuation);
        return start + 1;
    }

    /// <summary><c>$1</c> parameters, <c>$$…$$</c> and <c>$tag$…$tag$</c> strings; any other <c>$</c> is punctuation.</summary>
    private static int Dollar(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var i = start + 1;
        if (i < text.Length && IsDigit(text[i]))
        {
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }

            tokens.Add(start, i - start, TokenKind.Identifier);
            return i;
        }

        if (i < text.Length && (text[i] == '_' || char.IsLetter(text[i])))
        {
            while (i < text.Length && (text[i] == '_' || char.IsLetterOrDigit(text[i])))
            {
                i++;
            }
        }

        if (i >= text.Length || text[i] != '$')
        {
            tokens.Add(start, 1, TokenKind.Punctuation);
            return start + 1;
        }

        var delimiter = text.Slice(start, i + 1 - start);
        var bodyStart = i + 1;
        var close = text.Slice(bodyStart).IndexOf(delimiter);
        if (close < 0)
        {
            tokens.Add(start, text.Length - start, TokenKind.String, TokenFlags.DollarQuoted | TokenFlags.Unterminated);
            return text.Length;
        }

        var end = bodyStart + close + delimiter.Length;
        tokens.Add(start, end - start, TokenKind.String, TokenFlags.DollarQuoted);
        return end;
    }

    /// <summary><c>@name</c> and <c>@@name</c> are one Identifier; a lone <c>@</c> is punctuation.</summary>
    private static int Variable(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var i = start + 1;
        if (i < text.Length && text[i] == '@')
        {
            i++;
        }

        var nameStart = i;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        if (i == nameStart)
        {
            tokens.Add(start, 1, TokenKind.Punctuation);
            return start + 1;
        }

        tokens.Add(start, i - start, TokenKind.Identifier);
        return i;
    }

    /// <summary><c>::</c> (cast) and <c>:=</c> are operators; <c>:name</c> is a named parameter.</summary>
    private static int Colon(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var next = start + 1 < text.Length ? text[start + 1] : '\0';
        if (next == ':' || next == '=')
        {
            tokens.Add(start, 2, TokenKind.Punctuation);
            return start + 2;
        }

        if (next == '_' || char.IsLetter(next))
        {
            var i = start + 2;
            while (i < text.Length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            tokens.Add(start, i - start, TokenKind.Identifier);
            return i;
        }

        tokens.Add(start, 1, TokenKind.Punctuation);
        return start + 1;
    }

    private static int NumberLiteral(ReadOnlySpan<char> text, int start, TokenList tokens)
    {
        var i = start;
        if (text[i] == '0' && i + 1 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X'))
        {
            i += 2;
            while (i < text.Length && IsHexDigit(text[i]))
            {
                i++;
            }

            tokens.Add(start, i - start, TokenKind.Number);
            return i;
        }

        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            var exponent = i + 1;
            if (exponent < text.Length && (text[exponent] == '+' || text[exponent] == '-'))
            {
                exponent++;
            }

            if (exponent < text.Length && IsDigit(text[exponent]))
            {
                i = exponent;
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }
            }
        }

        tokens.Add(start, i - start, TokenKind.Number);
        return i;
    }

    /// <summary>A name or keyword, or a string with a letter prefix (<c>N'…'</c>, <c>E'…'</c>, <c>X'…'</c>, <c>B'…'</c>, <c>U&amp;'…'</c>).</summary>
    private static int Word(ReadOnlySpan<char> text, int start, bool hostEscapes, TokenList tokens)
    {
        var i = start + 1;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        // A string prefix is one letter before the quote (or "U&"): checked only after a one-letter word.
        if (i == start + 1 && i < text.Length)
        {
            var prefixed = StringAfterPrefix(text, start, hostEscapes, tokens);
            if (prefixed > 0)
            {
                return prefixed;
            }
        }

        // The keyword is classified here, with the word just read, for the SQL layer (Token.Tag).
        tokens.Add(start, i - start, TokenKind.Identifier, TokenFlags.None, (byte)SqlKeywords.OfWord(text, start, i - start));
        return i;
    }

    /// <summary>The end of the string a one-letter word at <paramref name="start"/> prefixes, or 0 when it prefixes none.</summary>
    private static int StringAfterPrefix(ReadOnlySpan<char> text, int start, bool hostEscapes, TokenList tokens)
    {
        var c = text[start];
        var next = text[start + 1];
        if (next == '\'')
        {
            switch (c)
            {
                case 'N' or 'n' or 'X' or 'x' or 'B' or 'b':
                    return QuotedString(text, start, start + 1, backslashEscapes: false, hostEscapes, tokens);
                case 'E' or 'e':
                    return QuotedString(text, start, start + 1, backslashEscapes: true, hostEscapes, tokens);
            }
        }

        if ((c == 'U' || c == 'u') && next == '&' && start + 2 < text.Length && text[start + 2] == '\'')
        {
            return QuotedString(text, start, start + 2, backslashEscapes: false, hostEscapes, tokens);
        }

        return 0;
    }

    private static int OperatorLength(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return 1;
        }

        var c = text[i];
        var next = text[i + 1];
        switch (c)
        {
            case '<' when next is '>' or '=':
            case '>' when next == '=':
            case '!' when next is '=' or '<' or '>':
            case '|' when next == '|':
            case '=' when next == '>':
                return 2;
            case '-' when next == '>':
                return i + 2 < text.Length && text[i + 2] == '>' ? 3 : 2;
            default:
                return char.IsHighSurrogate(c) && char.IsLowSurrogate(next) ? 2 : 1;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || c is >= 'a' and <= 'f' or >= 'A' and <= 'F';

    // ASCII name characters as bit masks over the code points 0-63 and 64-127 (a shift and a test, inlined into the
    // scanning loops; the shift count of a 64-bit value is taken modulo 64, so c selects its bit in either half).
    private const ulong Digits = 0x03FF_0000_0000_0000UL;        // '0'-'9'
    private const ulong HashSign = 1UL << '#';
    private const ulong DollarSign = 1UL << '$';
    private const ulong LettersAndUnderscore = 0x07FF_FFFE_87FF_FFFEUL; // 'A'-'Z', '_', 'a'-'z' (code points 64-127)
    private const ulong StartLow = HashSign;
    private const ulong PartLow = Digits | HashSign | DollarSign;

    /// <summary>Letters, <c>_</c>, and <c>#</c> (T-SQL temporary tables <c>#t</c>, <c>##t</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentifierStart(char c) =>
        c < 128 ? (((c < 64 ? StartLow : LettersAndUnderscore) >> c) & 1) != 0 : IsNonAsciiLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentifierPart(char c) =>
        c < 128 ? (((c < 64 ? PartLow : LettersAndUnderscore) >> c) & 1) != 0 : IsNonAsciiLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiLetter(char c) => char.IsLetter(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiLetterOrDigit(char c) => char.IsLetterOrDigit(c);
}

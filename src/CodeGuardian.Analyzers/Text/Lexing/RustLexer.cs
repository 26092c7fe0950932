using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// Lexer for Rust in one forward pass. Knows raw strings with any number of hashes (<c>r#"…"#</c>, <c>br##"…"##</c>,
/// <c>cr"…"</c>), byte and C strings, char literals versus lifetimes and labels (<c>'a'</c> versus <c>'a</c>),
/// nested block comments (a depth counter, so nesting costs nothing), doc comments, raw identifiers and a shebang
/// line. Keywords and macro names are Identifiers; a macro's <c>!</c> is its own Punctuation token.
/// The punctuation the Rust layer acts on (brackets, <c>;</c>, <c>#</c>) carries a <see cref="Token.Tag"/>
/// (<see cref="OpenParenTag"/> …), other tokens 0.
/// </summary>
public sealed class RustLexer : ILexer
{
    /// <summary><see cref="Token.Tag"/> of the one-character punctuation <c>(</c>.</summary>
    public const byte OpenParenTag = 1;

    public const byte OpenSquareTag = 2;

    public const byte OpenBraceTag = 3;

    public const byte CloseParenTag = 4;

    public const byte CloseSquareTag = 5;

    public const byte CloseBraceTag = 6;

    public const byte SemicolonTag = 7;

    public const byte HashTag = 8;

    private const int CancellationInterval = 4096;

    public void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken) =>
        Scan(text, tokens, cancellationToken);

    /// <summary>The whole pass, never inlined into a caller: a caller that inlined it ran out of its own inlining budget
    /// and left token additions of the loop as calls.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Scan(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken)
    {
        var length = text.Length;
        var i = 0;
        var nextCheck = CancellationInterval;

        if (length > 0 && text[0] == '\uFEFF')
        {
            tokens.Add(0, 1, TokenKind.Text);
            i = 1;
        }

        if (IsShebang(text, i))
        {
            var end = LineEnd(text, i);
            tokens.Add(i, end - i, TokenKind.Text);
            i = end;
        }

        while (i < length)
        {
            if (i >= nextCheck)
            {
                cancellationToken.ThrowIfCancellationRequested();
                nextCheck = i + CancellationInterval;
            }

            var c = text[i];
            var start = i;

            // Names are the most frequent tokens: tested first (no name starts with white space, a quote, a digit or '/').
            if (IsIdentifierStart(c))
            {
                i = IdentifierOrPrefixedLiteral(text, i, tokens);
                continue;
            }

            // Only these ranges hold white space: printable ASCII skips the call.
            if ((c <= ' ' || c >= '\u0085') && char.IsWhiteSpace(c))
            {
                // Indentation: a run of spaces in one tight loop.
                do
                {
                    i++;
                }
                while (i < length && text[i] == ' ');

                continue;
            }

            // Brackets, commas, semicolons and '#', the most frequent punctuation, never combine with what follows.
            if (IsSeparator(c))
            {
                tokens.Add(start, 1, TokenKind.Punctuation, TokenFlags.None, SeparatorTags[c]);
                i++;
                continue;
            }

            var next = i + 1 < length ? text[i + 1] : '\0';

            // Member access and paths ('.', '::'), the most frequent other punctuation, without the call.
            if (c == '.' && next != '.')
            {
                tokens.Add(start, 1, TokenKind.Punctuation);
                i++;
            }
            else if (c == ':')
            {
                i += next == ':' ? 2 : 1;
                tokens.Add(start, i - start, TokenKind.Punctuation);
            }
            else if (c == '/' && next == '/')
            {
                i = LineComment(text, i, tokens);
            }
            else if (c == '/' && next == '*')
            {
                i = BlockComment(text, i, tokens);
            }
            else if (c == '"')
            {
                i = QuotedString(text, i, i, TokenFlags.None, tokens);
            }
            else if (c == '\'')
            {
                i = CharOrLifetime(text, i, i + 1, TokenFlags.None, tokens);
            }
            else if (IsDigit(c))
            {
                i = Number(text, i);
                tokens.Add(start, i - start, TokenKind.Number);
            }
            else
            {
                i = Punctuation(text, i);
                tokens.Add(start, i - start, TokenKind.Punctuation);
            }
        }
    }

    /// <summary><c>#!</c> on the first line is a shebang unless it starts an inner attribute (<c>#![…]</c>).</summary>
    private static bool IsShebang(ReadOnlySpan<char> text, int i)
    {
        if (i + 1 >= text.Length || text[i] != '#' || text[i + 1] != '!')
        {
            return false;
        }

        var j = i + 2;
        while (j < text.Length && (text[j] == ' ' || text[j] == '\t'))
        {
            j++;
        }

        return j >= text.Length || text[j] != '[';
    }

    private static int LineEnd(ReadOnlySpan<char> text, int i)
    {
        var end = text.Slice(i).IndexOfAny('\n', '\r');
        return end < 0 ? text.Length : i + end;
    }

    private static int LineComment(ReadOnlySpan<char> text, int i, TokenList tokens)
    {
        var end = LineEnd(text, i);
        var third = i + 2 < text.Length ? text[i + 2] : '\0';
        var fourth = i + 3 < text.Length ? text[i + 3] : '\0';

        // "///" is documentation but "////" is not; "//!" is inner documentation.
        var doc = (third == '/' && fourth != '/') || third == '!';
        tokens.Add(i, end - i, TokenKind.Comment, doc ? TokenFlags.Documentation : TokenFlags.None);
        return end;
    }

    private static int BlockComment(ReadOnlySpan<char> text, int i, TokenList tokens)
    {
        var start = i;
        var third = i + 2 < text.Length ? text[i + 2] : '\0';
        var fourth = i + 3 < text.Length ? text[i + 3] : '\0';

        // "/**" is documentation unless it is "/**/" or "/***"; "/*!" is inner documentation.
        var doc = (third == '*' && fourth != '*' && fourth != '/') || third == '!';
        var flags = TokenFlags.BlockComment | (doc ? TokenFlags.Documentation : TokenFlags.None);

        i += 2;
        var depth = 1;
        while (i < text.Length)
        {
            // Only a '*' or a '/' can close or open a comment: what lies between is skipped in one vectorized search.
            var stop = text.Slice(i).IndexOfAny('*', '/');
            if (stop < 0)
            {
                break;
            }

            i += stop;
            var c = text[i];
            if (c == '*' && i + 1 < text.Length && text[i + 1] == '/')
            {
                i += 2;
                if (--depth == 0)
                {
                    tokens.Add(start, i - start, TokenKind.Comment, flags);
                    return i;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                i += 2;
                depth++;
            }
            else
            {
                i++;
            }
        }

        tokens.Add(start, text.Length - start, TokenKind.Comment, flags | TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary>A <c>"…"</c> string with escapes; <paramref name="quote"/> is the opening quote after any prefix.</summary>
    private static int QuotedString(ReadOnlySpan<char> text, int start, int quote, TokenFlags flags, TokenList tokens)
    {
        var i = quote + 1;
        while (i < text.Length)
        {
            // Only a quote or a backslash changes anything: what lies between is skipped in one vectorized search.
            var stop = text.Slice(i).IndexOfAny('"', '\\');
            if (stop < 0)
            {
                break;
            }

            i += stop;
            var c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                tokens.Add(start, i - start, TokenKind.String, flags);
                return i;
            }

            i++;
        }

        tokens.Add(start, text.Length - start, TokenKind.String, flags | TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary>
    /// A raw string: <paramref name="hashStart"/> is the first <c>#</c> (or the quote when there are none).
    /// Closes at a quote followed by as many hashes; each character is looked at a bounded number of times.
    /// </summary>
    private static int RawString(ReadOnlySpan<char> text, int start, int hashStart, TokenFlags flags, TokenList tokens)
    {
        var hashes = 0;
        var i = hashStart;
        while (i < text.Length && text[i] == '#')
        {
            hashes++;
            i++;
        }

        i++; // the opening quote
        while (i < text.Length)
        {
            // Only a quote can close it: the text up to the next one is skipped in one vectorized search.
            var quote = text.Slice(i).IndexOf('"');
            if (quote < 0)
            {
                break;
            }

            i += quote;
            var run = 0;
            var j = i + 1;
            while (run < hashes && j < text.Length && text[j] == '#')
            {
                run++;
                j++;
            }

            if (run == hashes)
            {
                tokens.Add(start, j - start, TokenKind.String, flags | TokenFlags.Raw);
                return j;
            }

            i = j;
        }

        tokens.Add(start, text.Length - start, TokenKind.String, flags | TokenFlags.Raw | TokenFlags.Unterminated);
        return text.Length;
    }

    /// <summary>
    /// After a <c>'</c> at <paramref name="quoteEnd"/> - 1: a char literal (<c>'a'</c>, <c>'\n'</c>, <c>'\u{1F600}'</c>,
    /// <c>'\''</c>) or, when no closing quote follows one character, a lifetime or label (<c>'a</c>, <c>'static</c>).
    /// </summary>
    private static int CharOrLifetime(ReadOnlySpan<char> text, int start, int quoteEnd, TokenFlags flags, TokenList tokens)
    {
        var i = quoteEnd;
        var length = text.Length;
        var charFlags = flags | TokenFlags.Char;
        if (i >= length)
        {
            tokens.Add(start, length - start, TokenKind.String, charFlags | TokenFlags.Unterminated);
            return length;
        }

        var c = text[i];
        if (c == '\\')
        {
            i = Escape(text, i);
            if (i < length && text[i] == '\'')
            {
                i++;
                tokens.Add(start, i - start, TokenKind.String, charFlags);
                return i;
            }

            tokens.Add(start, i - start, TokenKind.String, charFlags | TokenFlags.Unterminated);
            return i;
        }

        // One character (a surrogate pair counts as one) followed by the closing quote.
        var width = char.IsHighSurrogate(c) && i + 1 < length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
        if (c != '\n' && c != '\r' && i + width < length && text[i + width] == '\'')
        {
            i += width + 1;
            tokens.Add(start, i - start, TokenKind.String, charFlags);
            return i;
        }

        if (flags == TokenFlags.None && IsIdentifierStart(c))
        {
            // Lifetime or loop label: the quote and the name are one Identifier.
            i++;
            while (i < length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            tokens.Add(start, i - start, TokenKind.Identifier, TokenFlags.Lifetime);
            return i;
        }

        // A stray quote (half-typed code): an unterminated one-character literal.
        tokens.Add(start, quoteEnd - start, TokenKind.String, charFlags | TokenFlags.Unterminated);
        return quoteEnd;
    }

    /// <summary>Skips an escape starting at the backslash at <paramref name="i"/>; returns the position after it.</summary>
    private static int Escape(ReadOnlySpan<char> text, int i)
    {
        var length = text.Length;
        i++;
        if (i >= length)
        {
            return length;
        }

        var kind = text[i];
        i++;
        if (kind == 'u' && i < length && text[i] == '{')
        {
            // \u{…}: at most a few hex digits; stop at the brace or anything unexpected.
            var limit = Math.Min(length, i + 10);
            i++;
            while (i < limit && text[i] != '}' && text[i] != '\'' && text[i] != '\n')
            {
                i++;
            }

            if (i < length && text[i] == '}')
            {
                i++;
            }
        }
        else if (kind == 'x')
        {
            var limit = Math.Min(length, i + 2);
            while (i < limit && IsHexDigit(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static int Number(ReadOnlySpan<char> text, int i)
    {
        var length = text.Length;
        var radixPrefix = text[i] == '0' && i + 1 < length && (text[i + 1] == 'x' || text[i + 1] == 'o' || text[i + 1] == 'b');
        i = NumberPart(text, i, radixPrefix);

        // Fraction: "1.5" but not the range "1..2", a method "1.max(2)" or a tuple field chain.
        if (!radixPrefix && i + 1 < length && text[i] == '.' && IsDigit(text[i + 1]))
        {
            i = NumberPart(text, i + 1, hex: false);
        }

        return i;
    }

    /// <summary>Digits, underscores, suffix letters and a signed exponent (<c>1e-3</c>, <c>2.5E+10f64</c>).</summary>
    private static int NumberPart(ReadOnlySpan<char> text, int i, bool hex)
    {
        var length = text.Length;
        while (i < length)
        {
            var c = text[i];
            if (IsIdentifierPart(c))
            {
                i++;
                if (!hex && (c == 'e' || c == 'E') && i + 1 < length && (text[i] == '+' || text[i] == '-') && IsDigit(text[i + 1]))
                {
                    i++;
                }

                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>
    /// An identifier, a raw identifier (<c>r#type</c>), or a literal with a prefix: <c>b"…"</c>, <c>b'x'</c>,
    /// <c>c"…"</c>, <c>r"…"</c>, <c>r#"…"#</c>, <c>br#"…"#</c>, <c>cr"…"</c>.
    /// </summary>
    private static int IdentifierOrPrefixedLiteral(ReadOnlySpan<char> text, int i, TokenList tokens)
    {
        var start = i;
        var length = text.Length;
        var c = text[i];
        var next = i + 1 < length ? text[i + 1] : '\0';

        if (c == 'b' || c == 'c')
        {
            var flags = c == 'b' ? TokenFlags.Bytes : TokenFlags.None;
            if (next == '"')
            {
                return QuotedString(text, start, i + 1, flags, tokens);
            }

            if (c == 'b' && next == '\'')
            {
                return CharOrLifetime(text, start, i + 2, TokenFlags.Bytes, tokens);
            }

            if (next == 'r' && IsRawStringOpening(text, i + 2))
            {
                return RawString(text, start, i + 2, flags, tokens);
            }
        }
        else if (c == 'r')
        {
            if (IsRawStringOpening(text, i + 1))
            {
                return RawString(text, start, i + 1, TokenFlags.None, tokens);
            }

            if (next == '#' && i + 2 < length && IsIdentifierStart(text[i + 2]))
            {
                // Raw identifier: r#match is a name, not the keyword.
                i += 3;
                while (i < length && IsIdentifierPart(text[i]))
                {
                    i++;
                }

                tokens.Add(start, i - start, TokenKind.Identifier);
                return i;
            }
        }

        i++;
        while (i < length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        tokens.Add(start, i - start, TokenKind.Identifier);
        return i;
    }

    /// <summary>At <paramref name="i"/>: zero or more <c>#</c> then a quote.</summary>
    private static bool IsRawStringOpening(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && text[i] == '#')
        {
            i++;
        }

        return i < text.Length && text[i] == '"';
    }

    private static int Punctuation(ReadOnlySpan<char> text, int i)
    {
        var length = text.Length;
        var c = text[i];
        var n1 = i + 1 < length ? text[i + 1] : '\0';
        var n2 = i + 2 < length ? text[i + 2] : '\0';
        switch (c)
        {
            case ':':
                return n1 == ':' ? i + 2 : i + 1;
            case '-':
                return n1 is '>' or '=' ? i + 2 : i + 1;
            case '=':
                return n1 is '>' or '=' ? i + 2 : i + 1;
            case '.':
                if (n1 == '.')
                {
                    return n2 is '.' or '=' ? i + 3 : i + 2;
                }

                return i + 1;
            case '<':
            case '>':
                if (n1 == c)
                {
                    return n2 == '=' ? i + 3 : i + 2;
                }

                return n1 == '=' ? i + 2 : i + 1;
            case '&':
            case '|':
                return n1 == c || n1 == '=' ? i + 2 : i + 1;
            case '!':
            case '+':
            case '*':
            case '/':
            case '%':
            case '^':
                return n1 == '=' ? i + 2 : i + 1;
            default:
                // Brackets, '#', ',', ';', '?', '@', '$', '~' and anything unexpected: one character.
                return i + 1;
        }
    }

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsHexDigit(char c) => IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

    // ASCII name characters as bit masks over the code points 0-63 and 64-127 (a shift and a test, inlined into the
    // scanning loops; the shift count of a 64-bit value is taken modulo 64, so c selects its bit in either half).
    private const ulong Digits = 0x03FF_0000_0000_0000UL;                // '0'-'9'
    private const ulong LettersAndUnderscore = 0x07FF_FFFE_87FF_FFFEUL; // 'A'-'Z', '_', 'a'-'z' (code points 64-127)
    private const ulong SeparatorsLow = 0x0800_1308_0000_0000UL;         // '#', '(', ')', ',', ';'
    private const ulong SeparatorsHigh = 0x2800_0000_2800_0000UL;        // '[', ']', '{', '}' (code points 64-127)

    /// <summary>The <see cref="Token.Tag"/> of each separator (indexed by the ASCII character; ',' has none).</summary>
    private static ReadOnlySpan<byte> SeparatorTags => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, HashTag, 0, 0, 0, 0, OpenParenTag, CloseParenTag, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, SemicolonTag, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OpenSquareTag, 0, CloseSquareTag, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OpenBraceTag, 0, CloseBraceTag, 0, 0,
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(char c) =>
        c < 128 && (((c < 64 ? SeparatorsLow : SeparatorsHigh) >> c) & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierStart(char c) =>
        c < 128 ? c >= 64 && ((LettersAndUnderscore >> c) & 1) != 0 : IsNonAsciiLetter(c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierPart(char c) =>
        c < 128 ? (((c < 64 ? Digits : LettersAndUnderscore) >> c) & 1) != 0 : IsNonAsciiLetterOrDigit(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiLetter(char c) => char.IsLetter(c);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool IsNonAsciiLetterOrDigit(char c) => char.IsLetterOrDigit(c);
}

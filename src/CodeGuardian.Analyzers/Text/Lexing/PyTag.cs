using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// What the Python lexer puts in <see cref="Token.Tag"/>, found while it has the token in hand: the keyword a name
/// is, whether a name starts with something other than a lower-case ASCII letter, and the punctuation and line ends
/// the Python layer acts on. The layer's passes test this byte instead of reading every token's text.
/// </summary>
public enum PyTag : byte
{
    /// <summary>A name starting with a lower-case ASCII letter that is no keyword, and every token not listed below.</summary>
    Plain = 0,

    // Keywords (never a name), lower case.
    If,
    Elif,
    Else,
    For,
    While,
    Try,
    Except,
    Finally,
    With,
    Def,
    Class,
    Async,
    Import,
    From,
    Lambda,
    As,
    In,
    Is,
    Or,
    And,
    Not,
    Del,
    Pass,
    Await,
    Break,
    Raise,
    Yield,
    Assert,
    Global,
    Return,
    Continue,
    Nonlocal,

    // Keywords starting with an upper-case letter.
    NoneWord,
    TrueWord,
    FalseWord,

    /// <summary>A name that starts with anything but a lower-case ASCII letter and is no keyword.</summary>
    OtherName,

    // Soft keywords: names that start a statement only at the start of a line.
    Match,
    Case,

    // One-character punctuation: each closer is its opener + 3 (see PyTags.IsPair).
    OpenParenthesis,
    OpenBracket,
    OpenBrace,
    CloseParenthesis,
    CloseBracket,
    CloseBrace,
    Equals,
    Colon,
    Dot,

    /// <summary>The <see cref="TokenKind.Newline"/> ending a logical line.</summary>
    Newline,
}

/// <summary>Tests on <see cref="PyTag"/> values, and how the lexer finds a name's tag.</summary>
public static class PyTags
{
    // The spelling of each keyword tag (index = tag).
    private static readonly string[] Spellings = BuildSpellings();

    // A keyword tag by a hash of (first character, last character, length): no two keywords share a slot, so a name
    // is compared with one keyword at most.
    private static readonly byte[] KeywordByHash = BuildKeywordByHash();

    // Each keyword's length, and its first and last four characters (two for shorter words) as read from the text:
    // a candidate is compared in two integer compares.
    private static readonly byte[] Lengths = BuildLengths();
    private static readonly ulong[] Heads = BuildEnds(head: true);
    private static readonly ulong[] Tails = BuildEnds(head: false);

    /// <summary>A keyword that can never be a name (soft keywords such as <c>match</c> excluded).</summary>
    public static bool IsKeyword(byte tag) => (uint)(tag - (byte)PyTag.If) <= PyTag.FalseWord - PyTag.If;

    /// <summary>A name that does not start with a lower-case ASCII letter (<c>None</c>, <c>True</c>, <c>False</c> included).</summary>
    public static bool IsOtherName(byte tag) => (uint)(tag - (byte)PyTag.NoneWord) <= PyTag.OtherName - PyTag.NoneWord;

    /// <summary>The tag of an opening bracket for its character (<c>(</c>, <c>[</c> or <c>{</c>): bits 5-6 tell them apart.</summary>
    public static PyTag OpenerOf(char c) => (PyTag)((byte)PyTag.OpenParenthesis - 1 + (c >> 5));

    /// <summary>The tag of a closing bracket for its character (<c>)</c>, <c>]</c> or <c>}</c>).</summary>
    public static PyTag CloserOf(char c) => (PyTag)((byte)PyTag.CloseParenthesis - 1 + (c >> 5));

    /// <summary>Whether the closer tag matches the opener tag.</summary>
    public static bool IsPair(byte open, byte close) => close - open == PyTag.CloseParenthesis - PyTag.OpenParenthesis;

    /// <summary>
    /// The tag of the name <paramref name="word"/> (not empty). Inlined into the lexer's name path: most names are
    /// rejected by the hash slot of their length and first and last characters; the others are compared out of line.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PyTag OfName(ReadOnlySpan<char> word)
    {
        var first = word[0];
        if ((uint)(word.Length - 2) <= 6)
        {
            var candidate = KeywordByHash[KeywordHash(first, word[word.Length - 1], word.Length)];
            if (candidate != 0 && IsSpelled(word, candidate))
            {
                return (PyTag)candidate;
            }
        }

        return (uint)(first - 'a') <= 'z' - 'a' ? PyTag.Plain : PyTag.OtherName;
    }

    /// <summary>Whether <paramref name="word"/> (2 to 8 characters) is the keyword of <paramref name="tag"/>.</summary>
    private static bool IsSpelled(ReadOnlySpan<char> word, byte tag)
    {
        var length = word.Length;
        if (Lengths[tag] != length)
        {
            return false;
        }

        ReadEnds(word, out var head, out var tail);
        return head == Heads[tag] && tail == Tails[tag];
    }

    private static void ReadEnds(ReadOnlySpan<char> word, out ulong head, out ulong tail)
    {
        var bytes = MemoryMarshal.AsBytes(word);
        if (word.Length >= 4)
        {
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes.Slice((word.Length - 4) * sizeof(char)));
        }
        else
        {
            head = MemoryMarshal.Read<uint>(bytes);
            tail = MemoryMarshal.Read<uint>(bytes.Slice((word.Length - 2) * sizeof(char)));
        }
    }

    private static int KeywordHash(char first, char last, int length) => (first + (last * 11) + length) & 127;

    private static string[] BuildSpellings()
    {
        var spellings = new string[(int)PyTag.Case + 1];
        for (var tag = PyTag.If; tag <= PyTag.Case; tag++)
        {
            spellings[(int)tag] = tag switch
            {
                PyTag.NoneWord => "None",
                PyTag.TrueWord => "True",
                PyTag.FalseWord => "False",
                PyTag.OtherName => string.Empty,
#pragma warning disable CA1308 // The keywords are the enum names in lower case (ASCII).
                _ => tag.ToString().ToLowerInvariant(),
#pragma warning restore CA1308
            };
        }

        return spellings;
    }

    private static byte[] BuildKeywordByHash()
    {
        var table = new byte[128];
        var spellings = Spellings;
        for (var tag = 1; tag < spellings.Length; tag++)
        {
            var word = spellings[tag];
            if (word.Length > 0)
            {
                table[KeywordHash(word[0], word[word.Length - 1], word.Length)] = (byte)tag;
            }
        }

        return table;
    }

    private static byte[] BuildLengths()
    {
        var spellings = Spellings;
        var lengths = new byte[spellings.Length];
        for (var tag = 1; tag < spellings.Length; tag++)
        {
            lengths[tag] = (byte)spellings[tag].Length;
        }

        return lengths;
    }

    private static ulong[] BuildEnds(bool head)
    {
        var spellings = Spellings;
        var ends = new ulong[spellings.Length];
        for (var tag = 1; tag < spellings.Length; tag++)
        {
            if (spellings[tag].Length >= 2)
            {
                ReadEnds(spellings[tag].AsSpan(), out var first, out var last);
                ends[tag] = head ? first : last;
            }
        }

        return ends;
    }
}

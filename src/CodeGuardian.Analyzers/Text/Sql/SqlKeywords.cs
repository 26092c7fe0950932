using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// Classifies SQL words into <see cref="SqlKeyword"/> values: the same answer as comparing the token's text with each
/// keyword ignoring case (<see cref="StringComparison.OrdinalIgnoreCase"/>), for unquoted identifiers only, in one
/// hash probe per word. Non-ASCII words take the slow, exact path.
/// </summary>
public static class SqlKeywords
{
    private const int MaxKeywordLength = 20;

    private const int TableBits = 10;

    // In SqlKeyword order, starting at value 1.
    private static readonly string[] Words =
    {
        "ADMIN",
        "AFTER",
        "ALL",
        "ALTER",
        "AND",
        "AS",
        "BEFORE",
        "BEGIN",
        "BIGINT",
        "BREAK",
        "BY",
        "CALL",
        "CASCADE",
        "CASE",
        "CATCH",
        "CHAR",
        "CHR",
        "CLOSE",
        "COMMIT",
        "CONCAT",
        "CONCAT_WS",
        "CONTINUE",
        "CONVERSATION",
        "CREATE",
        "CURRENT_USER",
        "DEALLOCATE",
        "DECLARE",
        "DELETE",
        "DENY",
        "DIALOG",
        "DIGEST",
        "DISTINCT",
        "DISTINCTROW",
        "DISTRIBUTED",
        "DO",
        "DROP",
        "ELSE",
        "ELSEIF",
        "ELSIF",
        "END",
        "ENQUOTE_LITERAL",
        "ENQUOTE_NAME",
        "EXCEPT",
        "EXCEPTION",
        "EXEC",
        "EXECUTE",
        "EXISTS",
        "FALSE",
        "FETCH",
        "FOR",
        "FOREIGN",
        "FROM",
        "FUNCTION",
        "GO",
        "GOTO",
        "GRANT",
        "GROUP",
        "HASHBYTES",
        "HAVING",
        "HIGH_PRIORITY",
        "IF",
        "IMMEDIATE",
        "IN",
        "INSERT",
        "INSTEAD",
        "INT",
        "INTERSECT",
        "INTO",
        "IS",
        "JOIN",
        "KEY",
        "LANGUAGE",
        "LIKE",
        "LIMIT",
        "LOOP",
        "MAX",
        "MD2",
        "MD4",
        "MD5",
        "MERGE",
        "MINUS",
        "NCHAR",
        "NO",
        "NOT",
        "NTEXT",
        "NULL",
        "NVARCHAR",
        "OF",
        "ON",
        "OPEN",
        "OPTION",
        "OR",
        "ORDER",
        "OUTPUT",
        "PERCENT",
        "PERFORM",
        "PRINT",
        "PRIVILEGES",
        "PROCEDURE",
        "PUBLIC",
        "QUOTENAME",
        "QUOTE_IDENT",
        "QUOTE_LITERAL",
        "QUOTE_NULLABLE",
        "RAISE",
        "RAISERROR",
        "RECURSIVE",
        "REPLACE",
        "RESTRICT",
        "RETURN",
        "REVOKE",
        "ROLLBACK",
        "ROWS",
        "SELECT",
        "SET",
        "SHA",
        "SHA1",
        "SQL_BIG_RESULT",
        "SQL_BUFFER_RESULT",
        "SQL_CACHE",
        "SQL_CALC_FOUND_ROWS",
        "SQL_NO_CACHE",
        "SQL_SMALL_RESULT",
        "STATISTICS",
        "STRAIGHT_JOIN",
        "SYSNAME",
        "TABLE",
        "TEXT",
        "THEN",
        "THROW",
        "TIES",
        "TO",
        "TOP",
        "TRAN",
        "TRANSACTION",
        "TRUE",
        "TRUNCATE",
        "TRY",
        "UNION",
        "UPDATE",
        "UPSERT",
        "USE",
        "USING",
        "VARCHAR",
        "WAITFOR",
        "WHEN",
        "WHERE",
        "WHILE",
        "WINDOW",
        "WITH",
        "WORK",
    };

    private static readonly SqlKeyword[] StatementStarterWords = { SqlKeyword.Select, SqlKeyword.Insert, SqlKeyword.Update, SqlKeyword.Delete, SqlKeyword.Merge, SqlKeyword.Upsert, SqlKeyword.Replace, SqlKeyword.Create, SqlKeyword.Alter, SqlKeyword.Drop, SqlKeyword.Declare, SqlKeyword.If, SqlKeyword.Else, SqlKeyword.Elsif, SqlKeyword.Elseif, SqlKeyword.While, SqlKeyword.Begin, SqlKeyword.Return, SqlKeyword.Exec, SqlKeyword.Execute, SqlKeyword.Print, SqlKeyword.Truncate, SqlKeyword.Grant, SqlKeyword.Revoke, SqlKeyword.Deny, SqlKeyword.Commit, SqlKeyword.Rollback, SqlKeyword.Use, SqlKeyword.Open, SqlKeyword.Close, SqlKeyword.Fetch, SqlKeyword.Deallocate, SqlKeyword.Raiserror, SqlKeyword.Throw, SqlKeyword.Call, SqlKeyword.Loop, SqlKeyword.Exception, SqlKeyword.Perform, SqlKeyword.Raise, SqlKeyword.Goto, SqlKeyword.Waitfor, SqlKeyword.Break, SqlKeyword.Continue, SqlKeyword.Go };

    private static readonly SqlKeyword[] VerbWords = { SqlKeyword.Select, SqlKeyword.Insert, SqlKeyword.Update, SqlKeyword.Delete, SqlKeyword.With, SqlKeyword.Merge, SqlKeyword.Upsert, SqlKeyword.Replace };

    // Open addressing: keyword value per slot (0 = empty).
    private static readonly byte[] Table = BuildTable();

    private const int MaxShortLength = 8;

    // The bit of every character that is set for ASCII lower case, and the bits that are set only for non-ASCII.
    private const ulong CaseBits = 0x0020_0020_0020_0020UL;
    private const ulong NonAsciiBits = 0xFF80_FF80_FF80_FF80UL;

    // By keyword value, for keywords of at most MaxShortLength characters: the first and last four (or two) characters
    // in lower case, the case bits of their letters, and every keyword's length.
    private static readonly ulong[] Heads = new ulong[Words.Length + 1];
    private static readonly ulong[] Tails = new ulong[Words.Length + 1];
    private static readonly ulong[] HeadCase = new ulong[Words.Length + 1];
    private static readonly ulong[] TailCase = new ulong[Words.Length + 1];
    private static readonly int[] KeywordLengths = new int[Words.Length + 1];

    // Open addressing over the short keywords by their folded first and last characters: keyword value per slot (0 = empty).
    private static readonly byte[] ShortTable = BuildShortTable();

    // By word length and first letter (a–z): a bit per last character (its code modulo 64, both cases) of a keyword
    // with that length and first letter.
    private static readonly ulong[] LastCharacters = BuildLastCharacters();

    // By word length: a bit per first letter (a–z) of a keyword of that length.
    private static readonly uint[] FirstLetters = BuildFirstLetters();

    private static readonly bool[] StatementStarters = Flags(StatementStarterWords);

    private static readonly bool[] Verbs = Flags(VerbWords);

    /// <summary>Words that begin a statement or a control-flow step (see <see cref="SqlWords"/>).</summary>
    public static bool IsStatementStarter(SqlKeyword keyword) => StatementStarters[(int)keyword];

    /// <summary>The verbs a SQL statement in a string literal starts with.</summary>
    public static bool IsVerb(SqlKeyword keyword) => Verbs[(int)keyword];

    /// <summary>The keyword of every token (<see cref="SqlKeyword.None"/> for other tokens) into <paramref name="keywords"/>.</summary>
    public static void Classify(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, Span<byte> keywords)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            keywords[i] = (byte)Classify(text, tokens[i]);
        }
    }

    /// <summary>The keyword of one token: an unquoted identifier whose text is a keyword, else <see cref="SqlKeyword.None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static SqlKeyword Classify(ReadOnlySpan<char> text, in Token token)
    {
        if (token.Kind != TokenKind.Identifier || (token.Flags & TokenFlags.QuotedIdentifier) != 0)
        {
            return SqlKeyword.None;
        }

        return OfWord(text, token.Start, token.Length);
    }

    /// <summary>The keyword the unquoted word at <paramref name="start"/> is (what the lexer puts in <see cref="Token.Tag"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static SqlKeyword OfWord(ReadOnlySpan<char> text, int start, int length)
    {
        if (length > MaxKeywordLength || length < 2)
        {
            return SqlKeyword.None;
        }

        // Most names (tables, columns, variables) are rejected by their length and ASCII first and last characters
        // alone (a non-ASCII one may fold to a keyword's: those take the exact path).
        var first = text[start];
        var last = text[start + length - 1];
        if ((first | last) < 0x80)
        {
            var letter = (first | 0x20) - 'a';
            if ((uint)letter > 'z' - 'a' || ((LastCharacters[(length * 26) + letter] >> (last & 63)) & 1) == 0)
            {
                return SqlKeyword.None;
            }
        }

        var word = text.Slice(start, length);
        return length <= MaxShortLength ? OfShort(word) : Of(word);
    }

    /// <summary>
    /// <see cref="Of"/> for words of 2 to 8 characters, the most frequent keywords: the word is read as its first and
    /// last four (or two) characters and compared with the keyword's in two integer compares, case folded by a mask
    /// that sets the case bit at the keyword's letters only (digits compare exactly). Non-ASCII words take <see cref="Of"/>.
    /// </summary>
    private static SqlKeyword OfShort(ReadOnlySpan<char> word)
    {
        var length = word.Length;
        var bytes = MemoryMarshal.AsBytes(word);
        ulong head;
        ulong tail;
        if (length >= 4)
        {
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes.Slice((length - 4) * sizeof(char)));
        }
        else
        {
            head = MemoryMarshal.Read<uint>(bytes);
            tail = MemoryMarshal.Read<uint>(bytes.Slice((length - 2) * sizeof(char)));
        }

        if (((head | tail) & NonAsciiBits) != 0)
        {
            return Of(word);
        }

        const int mask = (1 << TableBits) - 1;
        for (var slot = ShortSlot(length, head | CaseBits, tail | CaseBits); ; slot = (slot + 1) & mask)
        {
            var value = ShortTable[slot];
            if (value == 0)
            {
                return SqlKeyword.None;
            }

            if ((head | HeadCase[value]) == Heads[value] && (tail | TailCase[value]) == Tails[value] && KeywordLengths[value] == length)
            {
                return (SqlKeyword)value;
            }
        }
    }

    /// <summary>The keyword <paramref name="word"/> is, ignoring case, or <see cref="SqlKeyword.None"/>.</summary>
    public static SqlKeyword Of(ReadOnlySpan<char> word)
    {
        if (word.Length > MaxKeywordLength || word.Length < 2)
        {
            return SqlKeyword.None;
        }

        // The hash reads the length, the first two and the last character only: one probe for any word length.
        var first = word[0];
        var second = word[1];
        var last = word[word.Length - 1];
        if ((first | second | last) >= 0x80)
        {
            return OfNonAscii(word);
        }

        // Most names (tables, columns, variables) are rejected by their length and ASCII first letter alone.
        var letter = (first | 0x20) - 'a';
        if ((uint)letter > 'z' - 'a' || (FirstLetters[word.Length] & (1u << letter)) == 0)
        {
            return SqlKeyword.None;
        }

        const int mask = (1 << TableBits) - 1;
        for (var slot = (int)(Hash(word.Length, first, second, last) & mask); ; slot = (slot + 1) & mask)
        {
            var value = Table[slot];
            if (value == 0)
            {
                return SqlKeyword.None;
            }

            var keyword = Words[value - 1];
            if (keyword.Length == word.Length)
            {
                var mismatch = FirstMismatch(word, keyword);
                if (mismatch < 0)
                {
                    return (SqlKeyword)value;
                }

                // A non-ASCII letter may still fold to the keyword's ('ı' to 'I', 'ſ' to 'S'): the exact path decides.
                if (word[mismatch] >= 0x80)
                {
                    return OfNonAscii(word);
                }
            }
        }
    }

    /// <summary>The keyword's text in upper case.</summary>
    public static string TextOf(SqlKeyword keyword) => keyword == SqlKeyword.None ? string.Empty : Words[(int)keyword - 1];

    private static SqlKeyword OfNonAscii(ReadOnlySpan<char> word)
    {
        for (var k = 0; k < Words.Length; k++)
        {
            var candidate = Words[k];
            if (candidate.Length == word.Length && word.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return (SqlKeyword)(k + 1);
            }
        }

        return SqlKeyword.None;
    }

    /// <summary>Index of the first character that differs from the upper-case keyword after ASCII folding, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FirstMismatch(ReadOnlySpan<char> word, string keyword)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (Fold(word[i]) != keyword[i])
            {
                return i;
            }
        }

        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(int length, char first, char second, char last) =>
        Mix((uint)length | (Fold(first) << 8) | (Fold(second) << 16) | (Fold(last) << 24));

    // ASCII upper case; keywords are stored in upper case.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fold(char c) => c is >= 'a' and <= 'z' ? (uint)(c - 32) : c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Mix(uint hash)
    {
        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return hash;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ShortSlot(int length, ulong foldedHead, ulong foldedTail) =>
        (int)((((foldedHead * 0x9E37_79B9_7F4A_7C15UL) ^ foldedTail) * 0xC2B2_AE3D_27D4_EB4FUL ^ (ulong)length) >> (64 - TableBits));

    private static byte[] BuildShortTable()
    {
        const int mask = (1 << TableBits) - 1;
        var table = new byte[1 << TableBits];
        for (var k = 0; k < Words.Length; k++)
        {
            var word = Words[k];
            var value = k + 1;
            KeywordLengths[value] = word.Length;
            if (word.Length > MaxShortLength)
            {
                continue;
            }

            var chunk = word.Length >= 4 ? 4 : 2;
            for (var c = 0; c < chunk; c++)
            {
                var headChar = word[c];
                var tailChar = word[word.Length - chunk + c];
                Heads[value] |= (ulong)(headChar | CaseBitOf(headChar)) << (16 * c);
                HeadCase[value] |= (ulong)CaseBitOf(headChar) << (16 * c);
                Tails[value] |= (ulong)(tailChar | CaseBitOf(tailChar)) << (16 * c);
                TailCase[value] |= (ulong)CaseBitOf(tailChar) << (16 * c);
            }

            // Folded for the slot like a word is: every character's case bit set.
            var slot = ShortSlot(word.Length, Heads[value] | CaseBits, Tails[value] | CaseBits);
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = (byte)value;
        }

        return table;
    }

    private static int CaseBitOf(char c) => c is >= 'A' and <= 'Z' ? 0x20 : 0;

    private static byte[] BuildTable()
    {
        const int mask = (1 << TableBits) - 1;
        var table = new byte[1 << TableBits];
        for (var k = 0; k < Words.Length; k++)
        {
            var word = Words[k];
            var slot = (int)(Hash(word.Length, word[0], word[1], word[word.Length - 1]) & mask);
            while (table[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = (byte)(k + 1);
        }

        return table;
    }

    private static ulong[] BuildLastCharacters()
    {
        var table = new ulong[(MaxKeywordLength + 1) * 26];
        foreach (var word in Words)
        {
            var last = word[word.Length - 1];
            var bits = (1UL << (last & 63)) | (last is >= 'A' and <= 'Z' ? 1UL << ((last | 0x20) & 63) : 0);
            table[(word.Length * 26) + (word[0] - 'A')] |= bits;
        }

        return table;
    }

    private static uint[] BuildFirstLetters()
    {
        var table = new uint[MaxKeywordLength + 1];
        foreach (var word in Words)
        {
            table[word.Length] |= 1u << (word[0] - 'A');
        }

        return table;
    }

    private static bool[] Flags(SqlKeyword[] keywords)
    {
        var flags = new bool[256];
        foreach (var keyword in keywords)
        {
            flags[(int)keyword] = true;
        }

        return flags;
    }
}

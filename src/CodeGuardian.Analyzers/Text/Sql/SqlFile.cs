using System;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// The SQL code units of a .sql file, built once per file and shared by the SQL rules: the file's own tokens, then the
/// code inside dollar-quoted bodies (<c>CREATE FUNCTION … AS $$ … $$</c>, <c>DO $$ … $$</c>, <c>$body$ … $body$
/// LANGUAGE plpgsql</c>), lexed once with tokens at file positions so the rules see the statements of PostgreSQL
/// functions (a dollar-quoted string used as a value, <c>SELECT $$text$$</c>, stays data). Every token's keyword is
/// classified once (<see cref="SqlKeywords"/>), and each unit knows which keywords and <c>*</c> it contains, so a rule
/// skips a unit without its words. Arrays come from the file's pool.
/// </summary>
public sealed class SqlFile
{
    /// <summary>
    /// Bodies inside bodies (a DO block that creates a function) are lexed too, down to this depth: each level re-lexes
    /// at most the text of the level above, so the work stays a small multiple of the file size.
    /// </summary>
    private const int MaxNesting = 3;

    private readonly ScannedFile _file;
    private Unit[] _units = Array.Empty<Unit>();
    private int _count;

    private SqlFile(ScannedFile file)
    {
        _file = file;
    }

    /// <summary>Number of code units: the file itself (unit 0) and its bodies.</summary>
    public int Count => _count;

    /// <summary>The SQL units of <paramref name="file"/>, built on first use.</summary>
    public static SqlFile Of(ScannedFile file, CancellationToken cancellationToken)
    {
        var layer = file.Layer(static f => new SqlFile(f));
        if (layer._count == 0)
        {
            layer.Build(cancellationToken);
        }

        return layer;
    }

    /// <summary>The code of unit <paramref name="index"/>, keywords classified.</summary>
    public SqlCode Code(int index)
    {
        ref readonly var unit = ref _units[index];
        var tokens = index == 0 ? _file.Tokens.AsSpan() : new ReadOnlySpan<Token>(unit.Tokens, 0, unit.Count);
        return new SqlCode(_file.Text, tokens, new ReadOnlySpan<byte>(unit.Keywords, 0, unit.Count));
    }

    /// <summary>Whether unit <paramref name="index"/> holds <paramref name="keyword"/> as a word.</summary>
    public bool Contains(int index, SqlKeyword keyword) => (_units[index].Presence.Get((int)keyword));

    /// <summary>Whether unit <paramref name="index"/> holds any of the words.</summary>
    public bool ContainsAny(int index, SqlKeyword first, SqlKeyword second) => Contains(index, first) || Contains(index, second);

    /// <summary>Whether unit <paramref name="index"/> holds a <c>*</c> punctuation token.</summary>
    public bool ContainsStar(int index) => _units[index].HasStar;

    private void Build(CancellationToken cancellationToken)
    {
        var text = _file.Text;
        AddUnit(Array.Empty<Token>(), _file.Tokens.Count);
        var levelStart = 0;
        for (var level = 1; level <= MaxNesting && levelStart < _count; level++)
        {
            var levelEnd = _count;
            for (var u = levelStart; u < levelEnd; u++)
            {
                AddBodies(text, u, cancellationToken);
            }

            levelStart = levelEnd;
        }
    }

    /// <summary>Adds a unit: the file's own tokens (not copied) when it is the first, else <paramref name="body"/>.</summary>
    private void AddUnit(Token[] body, int count)
    {
        var tokens = _count == 0 ? _file.Tokens.AsSpan() : new ReadOnlySpan<Token>(body, 0, count);
        var keywords = _file.Rent<byte>(count);
        var presence = default(Presence);
        var hasStar = false;
        var hasDollarQuoted = false;
        var text = _file.Text;
        for (var i = 0; i < count; i++)
        {
            ref readonly var token = ref tokens[i];
            var keyword = SqlKeywords.Classify(text, token);
            keywords[i] = (byte)keyword;
            if (keyword != SqlKeyword.None)
            {
                presence.Set((int)keyword);
            }
            else if (token.Kind == TokenKind.Punctuation && token.Length == 1 && text[token.Start] == '*')
            {
                hasStar = true;
            }
            else if (token.Kind == TokenKind.String && (token.Flags & TokenFlags.DollarQuoted) != 0)
            {
                hasDollarQuoted = true;
            }
        }

        if (_count == _units.Length)
        {
            Array.Resize(ref _units, Math.Max(4, _count * 2));
        }

        _units[_count++] = new Unit(body, count, keywords, presence, hasStar, hasDollarQuoted);
    }

    private void AddBodies(ReadOnlySpan<char> text, int unitIndex, CancellationToken cancellationToken)
    {
        // Bodies are dollar-quoted strings: a unit without one (most T-SQL, MySQL) needs no second walk.
        if (!_units[unitIndex].HasDollarQuoted)
        {
            return;
        }

        var code = Code(unitIndex);
        var tokens = code.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            if (token.Kind != TokenKind.String || !token.Has(TokenFlags.DollarQuoted) || !IsBody(code, i))
            {
                continue;
            }

            var tagLength = text.Slice(token.Start + 1, token.Length - 1).IndexOf('$') + 2;
            var contentStart = token.Start + tagLength;
            var contentLength = token.Length - tagLength - (token.Has(TokenFlags.Unterminated) ? 0 : tagLength);
            if (tagLength < 2 || contentLength <= 0)
            {
                continue;
            }

            using var lexed = new TokenList(Math.Max(16, contentLength / 6));
            SqlLexer.Tokenize(text.Slice(contentStart, contentLength), lexed, SqlLexerOptions.None, cancellationToken);
            var shifted = _file.Rent<Token>(lexed.Count);
            for (var t = 0; t < lexed.Count; t++)
            {
                ref readonly var inner = ref lexed[t];
                shifted[t] = new Token(inner.Start + contentStart, inner.Length, inner.Kind, inner.Flags);
            }

            AddUnit(shifted, lexed.Count);

            // The units array may have grown: the code of this unit is read again.
            code = Code(unitIndex);
            tokens = code.Tokens;
        }
    }

    /// <summary>A body follows <c>AS</c> or <c>DO</c>, or is followed by <c>LANGUAGE</c>.</summary>
    private static bool IsBody(SqlCode code, int index)
    {
        var previous = code.Previous(index);
        return code.IsWord(previous, SqlKeyword.As) || code.IsWord(previous, SqlKeyword.Do) || code.IsWord(code.Next(index), SqlKeyword.Language);
    }

    private readonly struct Unit
    {
        public Unit(Token[] tokens, int count, byte[] keywords, Presence presence, bool hasStar, bool hasDollarQuoted)
        {
            HasDollarQuoted = hasDollarQuoted;
            Tokens = tokens;
            Count = count;
            Keywords = keywords;
            Presence = presence;
            HasStar = hasStar;
        }

        public Token[] Tokens { get; }

        public int Count { get; }

        public byte[] Keywords { get; }

        public Presence Presence { get; }

        public bool HasStar { get; }

        public bool HasDollarQuoted { get; }
    }

    /// <summary>A bit per <see cref="SqlKeyword"/> value.</summary>
    private struct Presence
    {
        private ulong _bits0;
        private ulong _bits1;
        private ulong _bits2;
        private ulong _bits3;

        public readonly bool Get(int bit) => ((bit >> 6) switch { 0 => _bits0, 1 => _bits1, 2 => _bits2, _ => _bits3 } & (1UL << (bit & 63))) != 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Set(int bit)
        {
            var mask = 1UL << (bit & 63);
            switch (bit >> 6)
            {
                case 0: _bits0 |= mask; break;
                case 1: _bits1 |= mask; break;
                case 2: _bits2 |= mask; break;
                default: _bits3 |= mask; break;
            }
        }
    }
}

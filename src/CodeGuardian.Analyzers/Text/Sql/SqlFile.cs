using System;
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
        return new SqlCode(
            _file.Text,
            tokens,
            new ReadOnlySpan<byte>(unit.Keywords, 0, unit.Count),
            new ReadOnlySpan<int>(unit.WriteSteps, 0, unit.WriteStepCount),
            new ReadOnlySpan<int>(unit.SelectSteps, 0, unit.SelectStepCount));
    }

    /// <summary>Whether unit <paramref name="index"/> holds <paramref name="keyword"/> as a word (a vectorized search of its keyword bytes).</summary>
    public bool Contains(int index, SqlKeyword keyword)
    {
        ref readonly var unit = ref _units[index];
        return keyword != SqlKeyword.None && new ReadOnlySpan<byte>(unit.Keywords, 0, unit.Count).IndexOf((byte)keyword) >= 0;
    }

    /// <summary>Whether unit <paramref name="index"/> holds any of the words.</summary>
    public bool ContainsAny(int index, SqlKeyword first, SqlKeyword second) => Contains(index, first) || Contains(index, second);

    /// <summary>Whether unit <paramref name="index"/> holds a <c>*</c> punctuation token (one of the select walk's steps).</summary>
    public bool ContainsStar(int index)
    {
        ref readonly var unit = ref _units[index];
        var tokens = index == 0 ? _file.Tokens.AsSpan() : new ReadOnlySpan<Token>(unit.Tokens, 0, unit.Count);
        var steps = new ReadOnlySpan<int>(unit.SelectSteps, 0, unit.SelectStepCount);
        foreach (var step in steps)
        {
            if (tokens[step].Tag == SqlLexer.StarTag)
            {
                return true;
            }
        }

        return false;
    }

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
        var writeSteps = _file.Rent<int>(count + 1);
        var selectSteps = _file.Rent<int>(count + 1);
        var (writeStepCount, selectStepCount) = SqlTokenIndex.Build(tokens, keywords, writeSteps, selectSteps);
        _file.Append(ref _units, ref _count, new Unit(body, count, keywords, writeSteps, writeStepCount, selectSteps, selectStepCount));
    }

    /// <summary>Whether unit <paramref name="index"/> holds a dollar-quoted string (the file's own strings are listed by the lexer).</summary>
    private bool HasDollarQuoted(int index)
    {
        var tokens = index == 0 ? _file.Tokens.AsSpan() : new ReadOnlySpan<Token>(_units[index].Tokens, 0, _units[index].Count);
        if (index == 0)
        {
            foreach (var s in _file.Tokens.StringIndices)
            {
                if (tokens[s].Has(TokenFlags.DollarQuoted))
                {
                    return true;
                }
            }

            return false;
        }

        foreach (var token in tokens)
        {
            if (token.Kind == TokenKind.String && token.Has(TokenFlags.DollarQuoted))
            {
                return true;
            }
        }

        return false;
    }

    private void AddBodies(ReadOnlySpan<char> text, int unitIndex, CancellationToken cancellationToken)
    {
        // Bodies are dollar-quoted strings: a unit without one (most T-SQL, MySQL) needs no second walk.
        if (!HasDollarQuoted(unitIndex))
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
                shifted[t] = new Token(inner.Start + contentStart, inner.Length, inner.Kind, inner.Flags, inner.Tag);
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
        public Unit(Token[] tokens, int count, byte[] keywords, int[] writeSteps, int writeStepCount, int[] selectSteps, int selectStepCount)
        {
            Tokens = tokens;
            Count = count;
            Keywords = keywords;
            WriteSteps = writeSteps;
            WriteStepCount = writeStepCount;
            SelectSteps = selectSteps;
            SelectStepCount = selectStepCount;
        }

        public Token[] Tokens { get; }

        public int Count { get; }

        public byte[] Keywords { get; }

        public int[] WriteSteps { get; }

        public int WriteStepCount { get; }

        public int[] SelectSteps { get; }

        public int SelectStepCount { get; }
    }
}

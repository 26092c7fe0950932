using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// SQL tokens and the text they index: a whole .sql file, a dollar-quoted body (tokens at file positions), or the
/// content of a host-language string literal. Navigation helpers skip comments and line ends; words compare
/// case-insensitively and never match quoted identifiers (<c>[Update]</c> is a name, not a keyword).
/// </summary>
public readonly ref struct SqlCode
{
    public SqlCode(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens)
        : this(text, tokens, default)
    {
    }

    /// <summary>Code with the keyword of each token classified beforehand (<see cref="SqlKeywords.Classify(ReadOnlySpan{char}, ReadOnlySpan{Token}, Span{byte})"/>).</summary>
    public SqlCode(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> keywords)
    {
        Text = text;
        Tokens = tokens;
        Keywords = keywords.Length >= tokens.Length ? keywords.Slice(0, tokens.Length) : default;
        WriteSteps = default;
        SelectSteps = default;
        HasSteps = false;
    }

    /// <summary>Code with keywords classified and the steps of the statement walks listed (<see cref="SqlTokenIndex"/>).</summary>
    internal SqlCode(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, ReadOnlySpan<byte> keywords, ReadOnlySpan<int> writeSteps, ReadOnlySpan<int> selectSteps)
        : this(text, tokens, keywords)
    {
        WriteSteps = writeSteps;
        SelectSteps = selectSteps;
        HasSteps = Keywords.Length == tokens.Length;
    }

    public ReadOnlySpan<char> Text { get; }

    public ReadOnlySpan<Token> Tokens { get; }

    /// <summary>The keyword of each token, or empty (then <see cref="Keyword"/> classifies on demand).</summary>
    public ReadOnlySpan<byte> Keywords { get; }

    public int Count => Tokens.Length;

    /// <summary>Ascending indices of the tokens <see cref="SqlAnalysis.FindUnfilteredWrites"/> acts on (when <see cref="HasSteps"/>).</summary>
    internal ReadOnlySpan<int> WriteSteps { get; }

    /// <summary>Ascending indices of the tokens <see cref="SqlAnalysis.FindSelectStar"/> acts on (when <see cref="HasSteps"/>).</summary>
    internal ReadOnlySpan<int> SelectSteps { get; }

    /// <summary>Whether the step lists were made; without them the walks list the steps themselves.</summary>
    internal bool HasSteps { get; }

    /// <summary>The keyword an unquoted identifier is (ignoring case), or <see cref="SqlKeyword.None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SqlKeyword Keyword(int index)
    {
        var keywords = Keywords;
        if ((uint)index < (uint)keywords.Length)
        {
            return (SqlKeyword)keywords[index];
        }

        return ClassifyOnDemand(index);
    }

    /// <summary>An unquoted identifier equal to <paramref name="keyword"/> ignoring case.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsWord(int index, SqlKeyword keyword) => Keyword(index) == keyword;

    public ReadOnlySpan<char> TextOf(int index) => Text.Slice(Tokens[index].Start, Tokens[index].Length);

    /// <summary>An unquoted identifier equal to <paramref name="word"/> ignoring case.</summary>
    public bool IsWord(int index, string word)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref Tokens[index];
        return token.Kind == TokenKind.Identifier
            && token.Length == word.Length
            && !token.Has(TokenFlags.QuotedIdentifier)
            && Text.Slice(token.Start, token.Length).Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>An unquoted identifier that is not a variable or parameter (<c>@x</c>, <c>:x</c>, <c>$1</c>).</summary>
    public bool IsBareWord(int index)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref Tokens[index];
        if (token.Kind != TokenKind.Identifier || token.Has(TokenFlags.QuotedIdentifier))
        {
            return false;
        }

        var first = Text[token.Start];
        return first != '@' && first != ':' && first != '$';
    }

    /// <summary>A variable or parameter: <c>@x</c>, <c>@@x</c>, <c>:x</c>, <c>$1</c>.</summary>
    public bool IsVariable(int index)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref Tokens[index];
        if (token.Kind != TokenKind.Identifier || token.Has(TokenFlags.QuotedIdentifier))
        {
            return false;
        }

        var first = Text[token.Start];
        return first == '@' || first == ':' || first == '$';
    }

    /// <summary>The character of a one-character punctuation token, else <c>'\0'</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public char PunctuationChar(int index)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return '\0';
        }

        ref readonly var token = ref Tokens[index];
        return token.Kind == TokenKind.Punctuation && token.Length == 1 ? Text[token.Start] : '\0';
    }

    public bool IsPunctuation(int index, char c)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref Tokens[index];
        return token.Kind == TokenKind.Punctuation && token.Length == 1 && Text[token.Start] == c;
    }

    public bool IsPunctuation(int index, string op)
    {
        if ((uint)index >= (uint)Tokens.Length)
        {
            return false;
        }

        ref readonly var token = ref Tokens[index];
        return token.Kind == TokenKind.Punctuation && Text.Slice(token.Start, token.Length).SequenceEqual(op.AsSpan());
    }

    public bool IsKind(int index, TokenKind kind) => (uint)index < (uint)Tokens.Length && Tokens[index].Kind == kind;

    /// <summary>Index of the next token that is not a comment or line end after <paramref name="index"/>, or <see cref="Count"/>.</summary>
    public int Next(int index)
    {
        var i = index + 1;
        while (i < Tokens.Length && IsTrivia(Tokens[i].Kind))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index of the previous token that is not a comment or line end before <paramref name="index"/>, or -1.</summary>
    public int Previous(int index)
    {
        var i = index - 1;
        while (i >= 0 && IsTrivia(Tokens[i].Kind))
        {
            i--;
        }

        return i;
    }

    /// <summary>
    /// <c>GO</c> (optionally with a count and a comment) alone on its line: the T-SQL batch separator of sqlcmd and
    /// SSMS. A column named <c>go</c> inside a statement is not one.
    /// </summary>
    public bool IsBatchSeparator(int index)
    {
        if (!IsWord(index, SqlKeyword.Go))
        {
            return false;
        }

        var before = index - 1;
        while (before >= 0 && Tokens[before].Kind == TokenKind.Comment && Tokens[before].Has(TokenFlags.BlockComment))
        {
            before--;
        }

        if (before >= 0 && Tokens[before].Kind != TokenKind.Newline)
        {
            return false;
        }

        var after = index + 1;
        if (after < Tokens.Length && Tokens[after].Kind == TokenKind.Number)
        {
            after++;
        }

        if (after < Tokens.Length && Tokens[after].Kind == TokenKind.Comment)
        {
            after++;
        }

        return after >= Tokens.Length || Tokens[after].Kind == TokenKind.Newline;
    }

    // Without classified keywords (or out of range): the word is classified here.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SqlKeyword ClassifyOnDemand(int index) =>
        (uint)index < (uint)Tokens.Length && Keywords.Length == 0 ? SqlKeywords.Classify(Text, Tokens[index]) : SqlKeyword.None;

    private static bool IsTrivia(TokenKind kind) => kind is TokenKind.Comment or TokenKind.Newline;
}

using System;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// One AdditionalFile as the text rules see it: its characters (a pooled copy of the SourceText, valid for the
/// duration of the scan), its tokens from one lexer pass, and helpers to compare token text without allocating.
/// </summary>
public sealed class ScannedFile
{
    private readonly char[] _chars;

    internal ScannedFile(string path, TextLanguage language, SourceText text, char[] chars, int length, TokenList tokens)
    {
        Path = path;
        Language = language;
        SourceText = text;
        _chars = chars;
        Length = length;
        Tokens = tokens;
    }

    public string Path { get; }

    public TextLanguage Language { get; }

    public SourceText SourceText { get; }

    public int Length { get; }

    public TokenList Tokens { get; }

    /// <summary>The whole text.</summary>
    public ReadOnlySpan<char> Text => new(_chars, 0, Length);

    public ReadOnlySpan<char> TextOf(in Token token) => new(_chars, token.Start, token.Length);

    public ReadOnlySpan<char> Slice(int start, int length) => new(_chars, start, length);

    public char CharAt(int position) => position >= 0 && position < Length ? _chars[position] : '\0';

    /// <summary>Ordinal comparison of a token's text with <paramref name="value"/>.</summary>
    public bool Is(in Token token, string value) => TextOf(token).SequenceEqual(value.AsSpan());

    public bool IsIgnoreCase(in Token token, string value) =>
        TextOf(token).Equals(value.AsSpan(), StringComparison.OrdinalIgnoreCase);

    /// <summary>Allocates: use for messages and rare paths only.</summary>
    public string GetString(in Token token) => TextOf(token).ToString();

    public string GetString(int start, int length) => Slice(start, length).ToString();

    public Location GetLocation(int start, int length)
    {
        var span = new TextSpan(start, length);
        return Location.Create(Path, span, SourceText.Lines.GetLinePositionSpan(span));
    }

    /// <summary>0-based line number of a position.</summary>
    public int LineOf(int position) => SourceText.Lines.GetLineFromPosition(position).LineNumber;

    /// <summary>Index of the first token whose end is after <paramref name="position"/> (binary search).</summary>
    public int TokenIndexAt(int position)
    {
        var tokens = Tokens.AsSpan();
        int lo = 0, hi = tokens.Length - 1, found = tokens.Length;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (tokens[mid].End > position)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }
}

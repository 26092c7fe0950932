using System;
using System.Buffers;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// One AdditionalFile as the text rules see it: its characters (a pooled copy of the SourceText, valid for the
/// duration of the scan), its tokens from one lexer pass, and helpers to compare token text without allocating.
/// It also owns what the query layers build from the tokens: each layer is built once per file on first use
/// (<see cref="Layer{T}"/>) from arrays rented for the file (<see cref="Rent{T}"/>), which go back to the pool when
/// the scan ends (<see cref="Dispose"/>), so scanning a file allocates almost nothing in proportion to its size.
/// </summary>
public sealed class ScannedFile : IDisposable
{
    private readonly char[] _chars;
    private object? _layer0;
    private object? _layer1;
    private object? _layer2;
    private object? _layer3;
    private List<object>? _moreLayers;
    private int _layerCount;
    // The list of rented arrays is the largest per-file allocation of a small file (24 entries): taken over from the
    // previous file on the thread.
    private List<(Array Array, Action<Array> Return)>? _rented;

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

    /// <summary>
    /// The query layer of type <typeparamref name="T"/> for this file, created by <paramref name="create"/> on first
    /// use and shared by every rule afterwards.
    /// </summary>
    public T Layer<T>(Func<ScannedFile, T> create)
        where T : class
    {
        // A file has a handful of layers (language layer, token kinds, SQL literals, …): held in fields, so a small
        // file pays no list for them.
        for (var i = 0; i < _layerCount; i++)
        {
            if (LayerAt(i) is T existing)
            {
                return existing;
            }
        }

        var created = create(this);
        if (_layerCount == 0)
        {
            _layer0 = created;
        }
        else if (_layerCount == 1)
        {
            _layer1 = created;
        }
        else if (_layerCount == 2)
        {
            _layer2 = created;
        }
        else if (_layerCount == 3)
        {
            _layer3 = created;
        }
        else
        {
            (_moreLayers ??= new List<object>()).Add(created);
        }

        _layerCount++;
        return created;
    }

    private object? LayerAt(int index) => index switch
    {
        0 => _layer0,
        1 => _layer1,
        2 => _layer2,
        3 => _layer3,
        _ => _moreLayers![index - 4],
    };

    /// <summary>
    /// An array of at least <paramref name="length"/> elements for the lifetime of the scan; its contents are
    /// whatever the pool held (initialize what you read). Returned to the pool by <see cref="Dispose"/>.
    /// </summary>
    public T[] Rent<T>(int length)
    {
        if (length <= 0)
        {
            return Array.Empty<T>();
        }

        var array = ArrayPool<T>.Shared.Rent(length);
        _rented ??= ThreadSpare<List<(Array, Action<Array>)>>.Take() ?? new List<(Array, Action<Array>)>(24);

        _rented.Add((array, PoolReturn<T>.Return));
        return array;
    }

    /// <summary>A rented array twice as large (at least 16) holding the first <paramref name="used"/> elements of <paramref name="array"/>.</summary>
    public T[] Grow<T>(T[] array, int used)
    {
        var larger = Rent<T>(Math.Max(16, array.Length * 2));
        Array.Copy(array, larger, used);
        return larger;
    }

    /// <summary>
    /// Appends <paramref name="value"/> after the first <paramref name="count"/> elements of a rented array, which is
    /// replaced by a larger rented one when full.
    /// </summary>
    public void Append<T>(ref T[] array, ref int count, in T value)
    {
        if (count == array.Length)
        {
            array = Grow(array, count);
        }

        array[count++] = value;
    }

    /// <summary>Returns the rented arrays; the file's layers must not be used afterwards.</summary>
    public void Dispose()
    {
        _layer0 = _layer1 = _layer2 = _layer3 = null;
        _moreLayers = null;
        _layerCount = 0;
        if (_rented is null)
        {
            return;
        }

        foreach (var (array, giveBack) in _rented)
        {
            giveBack(array);
        }

        _rented.Clear();
        ThreadSpare<List<(Array, Action<Array>)>>.Give(_rented);
        _rented = null;
    }

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

    private static class PoolReturn<T>
    {
        public static readonly Action<Array> Return = static array => ArrayPool<T>.Shared.Return((T[])array);
    }
}

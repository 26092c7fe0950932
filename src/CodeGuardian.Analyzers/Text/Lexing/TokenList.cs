using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// A growable list of tokens backed by a pooled array. Lexers append; rules read by index.
/// Dispose returns the array to the pool.
/// </summary>
public sealed class TokenList : IDisposable
{
    private Token[] _items;

    public TokenList(int capacity = 256)
    {
        _items = ArrayPool<Token>.Shared.Rent(capacity < 16 ? 16 : capacity);
    }

    public int Count { get; private set; }

    public ref readonly Token this[int index] => ref _items[index];

    public ReadOnlySpan<Token> AsSpan() => new(_items, 0, Count);

    // Called for every token by every lexer: inlined, with the rare growth out of line.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int length, TokenKind kind, TokenFlags flags = TokenFlags.None)
    {
        if (Count == _items.Length)
        {
            Grow();
        }

        _items[Count++] = new Token(start, length, kind, flags);
    }

    private void Grow()
    {
        var bigger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
        Array.Copy(_items, bigger, Count);
        ArrayPool<Token>.Shared.Return(_items);
        _items = bigger;
    }

    public void Clear() => Count = 0;

    public void Dispose()
    {
        var items = _items;
        _items = Array.Empty<Token>();
        Count = 0;
        if (items.Length > 0)
        {
            ArrayPool<Token>.Shared.Return(items);
        }
    }
}

using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// A growable list of tokens backed by a pooled array. Lexers append; rules read by index.
/// It also notes, as tokens are added, which are strings and which are comments (<see cref="StringIndices"/>,
/// <see cref="CommentIndices"/>), so rules that read only those find them without another pass over the tokens.
/// Dispose returns the arrays to the pool.
/// </summary>
public sealed class TokenList : IDisposable
{
    private Token[] _items;

    // Indices of the string and of the comment tokens, ascending; rented on the first one.
    private int[] _strings = Array.Empty<int>();
    private int[] _comments = Array.Empty<int>();
    private int _stringCount;
    private int _commentCount;

    public TokenList(int capacity = 256)
    {
        _items = ArrayPool<Token>.Shared.Rent(capacity < 16 ? 16 : capacity);
    }

    public int Count { get; private set; }

    public ref readonly Token this[int index] => ref _items[index];

    public ReadOnlySpan<Token> AsSpan() => new(_items, 0, Count);

    /// <summary>Indices of the <see cref="TokenKind.String"/> tokens, ascending.</summary>
    public ReadOnlySpan<int> StringIndices => new(_strings, 0, _stringCount);

    /// <summary>Indices of the <see cref="TokenKind.Comment"/> tokens, ascending.</summary>
    public ReadOnlySpan<int> CommentIndices => new(_comments, 0, _commentCount);

    // Called for every token by every lexer: inlined, with the rare growth out of line. Where the kind is a constant
    // (most call sites) the string and comment checks fold away. The array in a local and the count tested against its
    // length once: that test is also the bounds check. The tag is the lexer's Token.Tag (0 when it says nothing).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int length, TokenKind kind, TokenFlags flags = TokenFlags.None, byte tag = 0)
    {
        var items = _items;
        var count = Count;
        if ((uint)count >= (uint)items.Length)
        {
            GrowAndAdd(start, length, kind, flags, tag);
            return;
        }

        if (kind == TokenKind.String)
        {
            AddIndex(ref _strings, ref _stringCount, count);
        }
        else if (kind == TokenKind.Comment)
        {
            AddIndex(ref _comments, ref _commentCount, count);
        }

        items[count] = new Token(start, length, kind, flags, tag);
        Count = count + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void GrowAndAdd(int start, int length, TokenKind kind, TokenFlags flags, byte tag)
    {
        Grow();
        Add(start, length, kind, flags, tag);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddIndex(ref int[] indices, ref int count, int index)
    {
        if (count == indices.Length)
        {
            indices = GrowIndices(indices, count);
        }

        indices[count++] = index;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var bigger = ArrayPool<Token>.Shared.Rent(_items.Length * 2);
        Array.Copy(_items, bigger, Count);
        ArrayPool<Token>.Shared.Return(_items);
        _items = bigger;
    }

    private static int[] GrowIndices(int[] indices, int count)
    {
        var bigger = ArrayPool<int>.Shared.Rent(Math.Max(64, indices.Length * 2));
        Array.Copy(indices, bigger, count);
        if (indices.Length > 0)
        {
            ArrayPool<int>.Shared.Return(indices);
        }

        return bigger;
    }

    public void Clear()
    {
        Count = 0;
        _stringCount = 0;
        _commentCount = 0;
    }

    public void Dispose()
    {
        var items = _items;
        _items = Array.Empty<Token>();
        Count = 0;
        if (items.Length > 0)
        {
            ArrayPool<Token>.Shared.Return(items);
        }

        ReturnIndices(ref _strings, ref _stringCount);
        ReturnIndices(ref _comments, ref _commentCount);
    }

    private static void ReturnIndices(ref int[] indices, ref int count)
    {
        var rented = indices;
        indices = Array.Empty<int>();
        count = 0;
        if (rented.Length > 0)
        {
            ArrayPool<int>.Shared.Return(rented);
        }
    }
}

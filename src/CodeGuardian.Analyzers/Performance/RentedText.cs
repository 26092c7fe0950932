using System;
using System.Buffers;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Performance;

/// <summary>
/// A file's text as one span of characters, copied into a pooled array for the length of a scan
/// (<c>using var copy = new RentedText(text);</c>). A <see cref="SourceText"/> may be held in chunks; vectorized
/// searches need the characters in one piece, and the pool spares an allocation the size of the file per scan.
/// </summary>
internal readonly struct RentedText : IDisposable
{
    private readonly char[] _chars;
    private readonly int _length;

    public RentedText(SourceText text)
    {
        _length = text.Length;
        _chars = ArrayPool<char>.Shared.Rent(Math.Max(1, _length));
        text.CopyTo(0, _chars, 0, _length);
    }

    public ReadOnlySpan<char> Chars => new(_chars, 0, _length);

    public void Dispose() => ArrayPool<char>.Shared.Return(_chars);
}

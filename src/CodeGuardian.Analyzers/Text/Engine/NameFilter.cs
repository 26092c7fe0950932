using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// The fixed set of names a language's rules look up, for a query layer that indexes only those: most identifiers of
/// a file are none of them, and <see cref="MayBe"/> tells so from two table reads, before any hashing. A layer that
/// filters its <see cref="NameIndex"/> this way must still answer names outside the set (by walking its tokens).
/// </summary>
public sealed class NameFilter
{
    // Names of this length or longer are never in the set.
    private const int MaxLength = 64;

    private readonly HashSet<string> _names;

    // For each name length: bit (c & 63) set when a name of that length starts (resp. ends) with c.
    private readonly ulong[] _first = new ulong[MaxLength];
    private readonly ulong[] _last = new ulong[MaxLength];

    public NameFilter(params string[] names)
    {
        _names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (name.Length == 0 || name.Length >= MaxLength)
            {
                throw new ArgumentException("Indexed names have 1 to " + (MaxLength - 1) + " characters: " + name, nameof(names));
            }

            _names.Add(name);
            _first[name.Length] |= 1UL << (name[0] & 63);
            _last[name.Length] |= 1UL << (name[name.Length - 1] & 63);
        }
    }

    /// <summary>Number of distinct names (an upper bound on the distinct names a filtered index holds).</summary>
    public int Count => _names.Count;

    /// <summary>Whether <paramref name="name"/> is one of the names (a layer's filtered index can answer it).</summary>
    public bool Contains(string name) => _names.Contains(name);

    /// <summary>
    /// Whether the text [<paramref name="start"/>, +<paramref name="length"/>) of <paramref name="text"/> may be one of
    /// the names: false means it is none of them; true may be a near miss (same length, first and last characters).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MayBe(ReadOnlySpan<char> text, int start, int length) =>
        (uint)(length - 1) < MaxLength - 1
        && (_first[length] & (1UL << (text[start] & 63))) != 0
        && (_last[length] & (1UL << (text[start + length - 1] & 63))) != 0;
}

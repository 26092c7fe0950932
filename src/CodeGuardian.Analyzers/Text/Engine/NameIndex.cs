using System;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// Where each name occurs in a file, built in one pass by a query layer so that a rule asks for its few names
/// (<c>eval</c>, <c>innerHTML</c>, <c>pickle</c>) and visits only their occurrences instead of walking every token.
/// Keys are spans of the file's text (no strings); ids are whatever the layer addresses tokens by (code index,
/// token index), added in ascending order and returned in that order. All arrays come from the file's pool.
/// </summary>
public sealed class NameIndex
{
    private readonly ScannedFile _file;

    // Open-addressing table of distinct names: hash, first and last occurrence (entry + 1; 0 = empty slot).
    private readonly int[] _slotHash;
    private readonly int[] _slotFirst;
    private readonly int[] _slotLast;
    private readonly int _mask;

    // Occurrences: id, text span, next occurrence of the same name (entry + 1; 0 = none).
    private readonly int[] _ids;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly int[] _next;
    private readonly int _capacity;
    private int _count;

    /// <summary>An index for at most <paramref name="capacity"/> occurrences in <paramref name="file"/>.</summary>
    public NameIndex(ScannedFile file, int capacity)
    {
        _file = file;
        _capacity = Math.Max(capacity, 0);
        var slots = 16;
        while (slots < _capacity * 2)
        {
            slots <<= 1;
        }

        _mask = slots - 1;
        _slotHash = file.Rent<int>(slots);
        _slotFirst = file.Rent<int>(slots);
        _slotLast = file.Rent<int>(slots);
        Array.Clear(_slotFirst, 0, slots);
        _ids = file.Rent<int>(_capacity);
        _starts = file.Rent<int>(_capacity);
        _lengths = file.Rent<int>(_capacity);
        _next = file.Rent<int>(_capacity);
    }

    /// <summary>Number of occurrences added.</summary>
    public int Count => _count;

    /// <summary>Records that the text [<paramref name="start"/>, +<paramref name="length"/>) is a name at <paramref name="id"/>.</summary>
    public void Add(int id, int start, int length)
    {
        if (_count >= _capacity || length <= 0)
        {
            return;
        }

        var text = _file.Slice(start, length);
        var hash = Hash(text);
        var entry = _count++;
        _ids[entry] = id;
        _starts[entry] = start;
        _lengths[entry] = length;
        _next[entry] = 0;
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var first = _slotFirst[slot];
            if (first == 0)
            {
                _slotHash[slot] = hash;
                _slotFirst[slot] = entry + 1;
                _slotLast[slot] = entry + 1;
                return;
            }

            if (_slotHash[slot] == hash && SameText(first - 1, text))
            {
                _next[_slotLast[slot] - 1] = entry + 1;
                _slotLast[slot] = entry + 1;
                return;
            }
        }
    }

    /// <summary>The ids where <paramref name="name"/> occurs, in ascending order.</summary>
    public Occurrences Find(string name)
    {
        var text = name.AsSpan();
        if (text.Length == 0 || _count == 0)
        {
            return new Occurrences(this, 0);
        }

        var hash = Hash(text);
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            var first = _slotFirst[slot];
            if (first == 0)
            {
                return new Occurrences(this, 0);
            }

            if (_slotHash[slot] == hash && SameText(first - 1, text))
            {
                return new Occurrences(this, first);
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> occurs at all (cheap pre-check for a rule).</summary>
    public bool Contains(string name) => Find(name).First >= 0;

    private bool SameText(int entry, ReadOnlySpan<char> text) =>
        _lengths[entry] == text.Length && _file.Slice(_starts[entry], _lengths[entry]).SequenceEqual(text);

    // FNV-1a over UTF-16 code units; names are short, so this is a handful of multiplies per occurrence.
    private static int Hash(ReadOnlySpan<char> text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    /// <summary>The occurrences of one name; a struct enumerator, so <c>foreach</c> does not allocate.</summary>
    public readonly struct Occurrences
    {
        private readonly NameIndex _index;
        private readonly int _first;

        internal Occurrences(NameIndex index, int first)
        {
            _index = index;
            _first = first;
        }

        /// <summary>The first id, or -1 when the name does not occur.</summary>
        public int First => _first == 0 ? -1 : _index._ids[_first - 1];

        public bool IsEmpty => _first == 0;

        public Enumerator GetEnumerator() => new(_index, _first);
    }

    public struct Enumerator
    {
        private readonly NameIndex _index;
        private int _nextEntry;

        internal Enumerator(NameIndex index, int first)
        {
            _index = index;
            _nextEntry = first;
            Current = -1;
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            if (_nextEntry == 0)
            {
                return false;
            }

            var entry = _nextEntry - 1;
            Current = _index._ids[entry];
            _nextEntry = _index._next[entry];
            return true;
        }
    }
}

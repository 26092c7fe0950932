using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// Where each name occurs in a file, built in one pass by a query layer so that a rule asks for its few names
/// (<c>eval</c>, <c>innerHTML</c>, <c>pickle</c>) and visits only their occurrences instead of walking every token.
/// Keys are spans of the file's text (no strings); ids are whatever the layer addresses tokens by (code index,
/// token index), added in ascending order and returned in that order. All arrays come from the file's pool.
/// </summary>
public sealed class NameIndex
{
    // A file has far fewer distinct names than occurrences: the table starts small and doubles when half full.
    private const int MaxInitialSlots = 1024;

    // Names up to this length are compared by their head and tail reads alone (see Hash).
    private const int MaxKeyedLength = 8;

    private readonly ScannedFile _file;

    // Open-addressing table of distinct names (First == 0: empty slot).
    private Slot[] _slots;
    private int _mask;
    private int _distinct;

    // Occurrences in the order added: id and the next occurrence of the same name (entry + 1; 0 = none).
    private readonly Entry[] _entries;
    private readonly int _capacity;
    private int _count;

    /// <summary>
    /// An index for at most <paramref name="capacity"/> occurrences in <paramref name="file"/>, of at most
    /// <paramref name="maxDistinct"/> distinct names when the layer knows (a filtered index: the table starts that small).
    /// </summary>
    public NameIndex(ScannedFile file, int capacity, int maxDistinct = int.MaxValue)
    {
        _file = file;
        _capacity = Math.Max(capacity, 0);
        var distinct = Math.Min(_capacity, maxDistinct);
        var slots = 16;
        while (slots < distinct * 2 && slots < MaxInitialSlots)
        {
            slots <<= 1;
        }

        _slots = NewTable(file, slots);
        _mask = slots - 1;
        _entries = file.Rent<Entry>(_capacity);
    }

    /// <summary>Number of occurrences added.</summary>
    public int Count => _count;

    /// <summary>Records that the text [<paramref name="start"/>, +<paramref name="length"/>) is a name at <paramref name="id"/>.</summary>
    [MethodImpl(HotPath.Optimize)]
    public void Add(int id, int start, int length)
    {
        if (_count >= _capacity || length <= 0)
        {
            return;
        }

        var text = _file.Slice(start, length);
        var hash = Hash(text, out var head, out var tail);
        var entry = _count++;
        ref var added = ref _entries[entry];
        added.Id = id;
        added.Next = 0;
        var slots = _slots;
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref var s = ref slots[slot];
            if (s.First == 0)
            {
                s.Hash = hash;
                s.Length = length;
                s.Start = start;
                s.Head = head;
                s.Tail = tail;
                s.First = entry + 1;
                s.Last = entry + 1;
                if (++_distinct * 2 > _mask + 1)
                {
                    Grow();
                }

                return;
            }

            if (s.Hash == hash && s.Length == length && s.Head == head && s.Tail == tail
                && (length <= MaxKeyedLength || _file.Slice(s.Start, length).SequenceEqual(text)))
            {
                _entries[s.Last - 1].Next = entry + 1;
                s.Last = entry + 1;
                return;
            }
        }
    }

    /// <summary>The ids where <paramref name="name"/> occurs, in ascending order.</summary>
    public Occurrences Find(string name) => Find(name.AsSpan());

    /// <summary>The ids where the name <paramref name="text"/> occurs, in ascending order.</summary>
    [MethodImpl(HotPath.Optimize)]
    public Occurrences Find(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || _count == 0)
        {
            return new Occurrences(this, 0);
        }

        var hash = Hash(text, out var head, out var tail);
        var slots = _slots;
        for (var slot = hash & _mask; ; slot = (slot + 1) & _mask)
        {
            ref readonly var s = ref slots[slot];
            if (s.First == 0)
            {
                return new Occurrences(this, 0);
            }

            if (s.Hash == hash && s.Length == text.Length && s.Head == head && s.Tail == tail
                && (text.Length <= MaxKeyedLength || _file.Slice(s.Start, s.Length).SequenceEqual(text)))
            {
                return new Occurrences(this, s.First);
            }
        }
    }

    /// <summary>Whether <paramref name="name"/> occurs at all (cheap pre-check for a rule).</summary>
    public bool Contains(string name) => Find(name).First >= 0;

    /// <summary>Whether the name <paramref name="text"/> occurs at all.</summary>
    public bool Contains(ReadOnlySpan<char> text) => Find(text).First >= 0;

    private static Slot[] NewTable(ScannedFile file, int slots)
    {
        var table = file.Rent<Slot>(slots);
        Array.Clear(table, 0, slots);
        return table;
    }

    [MethodImpl(HotPath.Optimize)]
    private void Grow()
    {
        var old = _slots;
        var oldLength = _mask + 1;
        var length = oldLength * 2;
        var table = NewTable(_file, length);
        var mask = length - 1;
        for (var i = 0; i < oldLength; i++)
        {
            ref readonly var s = ref old[i];
            if (s.First == 0)
            {
                continue;
            }

            var slot = s.Hash & mask;
            while (table[slot].First != 0)
            {
                slot = (slot + 1) & mask;
            }

            table[slot] = s;
        }

        _slots = table;
        _mask = mask;
    }

    // Head and tail: the first and last four characters as 64-bit reads (names shorter than four packed with their
    // length), so a name of up to eight characters is identified by length, head and tail without a text comparison.
    // The hash mixes them (and the middle four characters of a longer name); names that differ elsewhere merely share
    // a probe chain.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ReadOnlySpan<char> text, out ulong head, out ulong tail)
    {
        var length = text.Length;
        ulong hash;
        if (length >= 4)
        {
            var bytes = MemoryMarshal.AsBytes(text);
            head = MemoryMarshal.Read<ulong>(bytes);
            tail = MemoryMarshal.Read<ulong>(bytes.Slice((length - 4) * sizeof(char)));
            hash = (head * 0x9E3779B97F4A7C15UL) ^ ((tail + (ulong)length) * 0xC2B2AE3D27D4EB4FUL);
            if (length > MaxKeyedLength)
            {
                var middle = MemoryMarshal.Read<ulong>(bytes.Slice(((length / 2) - 2) * sizeof(char)));
                hash ^= middle * 0x165667B19E3779F9UL;
            }
        }
        else
        {
            head = (ulong)length;
            foreach (var c in text)
            {
                head = (head << 16) | c;
            }

            tail = 0;
            hash = head * 0x9E3779B97F4A7C15UL;
        }

        hash ^= hash >> 31;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 29;
        return (int)(hash & 0x7FFFFFFF);
    }

    private struct Slot
    {
        public int Hash;
        public int Length;
        public int Start;
        public int First;
        public int Last;
        public ulong Head;
        public ulong Tail;
    }

    private struct Entry
    {
        public int Id;
        public int Next;
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
        public int First => _first == 0 ? -1 : _index._entries[_first - 1].Id;

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

            ref readonly var entry = ref _index._entries[_nextEntry - 1];
            Current = entry.Id;
            _nextEntry = entry.Next;
            return true;
        }
    }
}

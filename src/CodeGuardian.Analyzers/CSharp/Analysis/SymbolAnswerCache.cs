using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// Answers about symbols (a type's base classification, whether it is a command type …) kept for one compilation in a
/// fixed table indexed by the symbol object's identity. Analyzers ask for the type of every invocation or object
/// creation, so a lookup must cost little more than one memory read: a concurrent dictionary's lookup (comparer calls,
/// bucket and node reads) was the largest part of those callbacks in a profiled real build. The compiler hands out one
/// object per symbol, so identity is enough; two symbols that share a slot evict each other and the answer is computed
/// again, never confused: each slot holds one immutable entry, replaced whole.
/// </summary>
internal sealed class SymbolAnswerCache<TAnswer>
{
    /// <summary>4,096 slots: more than the distinct types one compilation's invocations name in a large project.</summary>
    private const int SlotBits = 12;

    private readonly Entry?[] _slots = new Entry?[1 << SlotBits];

    public bool TryGet(ISymbol symbol, out TAnswer answer)
    {
        var entry = Volatile.Read(ref _slots[Slot(symbol)]);
        if (entry is not null && ReferenceEquals(entry.Symbol, symbol))
        {
            answer = entry.Answer;
            return true;
        }

        answer = default!;
        return false;
    }

    public void Set(ISymbol symbol, TAnswer answer) => Volatile.Write(ref _slots[Slot(symbol)], new Entry(symbol, answer));

    /// <summary>Fibonacci hashing of the identity hash code: spreads the runtime's sequential codes over the slots.</summary>
    private static int Slot(ISymbol symbol) => (int)(unchecked((uint)RuntimeHelpers.GetHashCode(symbol) * 2654435769u) >> (32 - SlotBits));

    private sealed class Entry
    {
        public Entry(ISymbol symbol, TAnswer answer)
        {
            Symbol = symbol;
            Answer = answer;
        }

        public ISymbol Symbol { get; }

        public TAnswer Answer { get; }
    }
}

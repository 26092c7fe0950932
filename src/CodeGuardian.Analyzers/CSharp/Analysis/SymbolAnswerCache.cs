using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Performance;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// An answer about a symbol (its base-type classification, whether it is a command type …) computed once per symbol
/// for one compilation. Analyzers ask for the type of every invocation or object creation, and in a profiled real
/// build the concurrent dictionary's lookup (comparer calls, bucket and node reads) was the largest part of those
/// callbacks; so a small table indexed by the symbol object's identity answers first, with one read, and the
/// dictionary only when the table's slot holds another symbol. Each slot holds one immutable entry, replaced whole:
/// concurrent readers see an old or a new entry, never a symbol paired with another symbol's answer.
/// </summary>
internal sealed class SymbolAnswerCache<TSymbol, TAnswer>
    where TSymbol : class, ISymbol
{
    /// <summary>1,024 slots (8 KB): most lookups of a compilation go to a few hundred types.</summary>
    private const int SlotBits = 10;

    private readonly Entry?[] _slots = new Entry?[1 << SlotBits];
    private readonly ConcurrentDictionary<TSymbol, TAnswer> _answers = new(ReferenceIdentity<TSymbol>.Instance);
    private readonly Func<TSymbol, TAnswer> _compute;

    public SymbolAnswerCache(Func<TSymbol, TAnswer> compute)
    {
        _compute = compute;
    }

    public TAnswer Get(TSymbol symbol)
    {
        ref var slot = ref _slots[Slot(symbol)];
        var entry = Volatile.Read(ref slot);
        if (entry is not null && ReferenceEquals(entry.Symbol, symbol))
        {
            return entry.Answer;
        }

        if (!_answers.TryGetValue(symbol, out var answer))
        {
            answer = _compute(symbol);
            _answers.TryAdd(symbol, answer);
        }

        Volatile.Write(ref slot, new Entry(symbol, answer));
        return answer;
    }

    /// <summary>Fibonacci hashing of the identity hash code spreads the runtime's codes over the slots.</summary>
    private static int Slot(TSymbol symbol) => (int)(unchecked((uint)RuntimeHelpers.GetHashCode(symbol) * 2654435769u) >> (32 - SlotBits));

    private sealed class Entry
    {
        public Entry(TSymbol symbol, TAnswer answer)
        {
            Symbol = symbol;
            Answer = answer;
        }

        public TSymbol Symbol { get; }

        public TAnswer Answer { get; }
    }
}

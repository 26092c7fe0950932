using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// Names the first of several base types a type derives from (<c>MD5</c>, <c>SHA1</c> …), answered once per type
/// definition for the compilation: analyzers ask it for the containing type of every invocation and the type of
/// every object creation, and walking base chains each time cost more than the rest of their checks.
/// </summary>
internal sealed class BaseTypeClassifier
{
    private readonly INamedTypeSymbol?[] _bases;
    private readonly string[] _names;
    private readonly ConcurrentDictionary<ITypeSymbol, string> _answers = new(SymbolIdentity.Instance);

    /// <summary>Base types (null when the compilation lacks one) and the name each stands for, tried in order.</summary>
    public BaseTypeClassifier(params (INamedTypeSymbol? Base, string Name)[] classes)
    {
        _bases = new INamedTypeSymbol?[classes.Length];
        _names = new string[classes.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            _bases[i] = classes[i].Base;
            _names[i] = classes[i].Name;
        }
    }

    /// <summary>The name of the first listed base <paramref name="type"/> derives from (or is), else null.</summary>
    public string? Classify(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var definition = type.OriginalDefinition;
        if (!_answers.TryGetValue(definition, out var name))
        {
            name = string.Empty;
            for (var i = 0; i < _bases.Length; i++)
            {
                if (SymbolFacts.DerivesFrom(definition, _bases[i]))
                {
                    name = _names[i];
                    break;
                }
            }

            _answers.TryAdd(definition, name);
        }

        return name.Length == 0 ? null : name;
    }
}

/// <summary>
/// Reference identity for symbols as cache keys: the compiler hands out one object per symbol of a compilation, so
/// this hashes a pointer instead of the symbol's name and containers. Two objects for one symbol would only cost a
/// second computation of the same answer, never a wrong one.
/// </summary>
internal sealed class SymbolIdentity : IEqualityComparer<ISymbol>
{
    public static readonly SymbolIdentity Instance = new();

    public bool Equals(ISymbol? x, ISymbol? y) => ReferenceEquals(x, y);

    public int GetHashCode(ISymbol obj) => RuntimeHelpers.GetHashCode(obj);
}

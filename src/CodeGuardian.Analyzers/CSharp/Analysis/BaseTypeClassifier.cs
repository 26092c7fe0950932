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
    private readonly SymbolAnswerCache<ITypeSymbol, string> _answers;

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

        _answers = new SymbolAnswerCache<ITypeSymbol, string>(ComputeName);
    }

    /// <summary>The name of the first listed base <paramref name="type"/> derives from (or is), else null.</summary>
    public string? Classify(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var name = _answers.Get(type.OriginalDefinition);
        return name.Length == 0 ? null : name;
    }

    /// <summary>The first listed base's name, or empty (the cache holds no nulls).</summary>
    private string ComputeName(ITypeSymbol definition)
    {
        for (var i = 0; i < _bases.Length; i++)
        {
            if (SymbolFacts.DerivesFrom(definition, _bases[i]))
            {
                return _names[i];
            }
        }

        return string.Empty;
    }
}

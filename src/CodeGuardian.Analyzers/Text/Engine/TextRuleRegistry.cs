using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// All text rules of the assembly, found once by reflection (so adding a rule is adding one file), ordered by
/// type name so the run order and therefore the diagnostic order are deterministic.
/// </summary>
public static class TextRuleRegistry
{
    private static readonly Lazy<ImmutableArray<TextRule>> LazyAll = new(Discover);

    public static ImmutableArray<TextRule> All => LazyAll.Value;

    public static ImmutableArray<TextRule> For(TextLanguage language)
    {
        var builder = ImmutableArray.CreateBuilder<TextRule>();
        foreach (var rule in All)
        {
            if (rule.AppliesTo(language))
            {
                builder.Add(rule);
            }
        }

        return builder.ToImmutable();
    }

    public static ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var rule in All)
        {
            foreach (var descriptor in rule.SupportedDiagnostics)
            {
                if (seen.Add(descriptor.Id))
                {
                    builder.Add(descriptor);
                }
            }
        }

        return builder.ToImmutable();
    }

    private static ImmutableArray<TextRule> Discover()
    {
        var rules = new List<TextRule>();
        foreach (var type in typeof(TextRule).GetTypeInfo().Assembly.GetTypes())
        {
            if (!type.IsAbstract && typeof(TextRule).IsAssignableFrom(type) && type.GetConstructor(Type.EmptyTypes) is { } ctor)
            {
                rules.Add((TextRule)ctor.Invoke(null));
            }
        }

        rules.Sort((a, b) => string.CompareOrdinal(a.GetType().FullName, b.GetType().FullName));
        return rules.ToImmutableArray();
    }
}

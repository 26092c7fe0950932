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

    private static readonly Lazy<ImmutableArray<TextRule>[]> LazyByLanguage = new(GroupByLanguage);

    public static ImmutableArray<TextRule> All => LazyAll.Value;

    /// <summary>The rules of one language, computed once: this runs for every file the analyzer sees.</summary>
    public static ImmutableArray<TextRule> For(TextLanguage language)
    {
        var index = (int)language;
        var byLanguage = LazyByLanguage.Value;
        return index >= 0 && index < byLanguage.Length ? byLanguage[index] : ImmutableArray<TextRule>.Empty;
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

    private static ImmutableArray<TextRule>[] GroupByLanguage()
    {
        var languages = (TextLanguage[])Enum.GetValues(typeof(TextLanguage));
        var groups = new ImmutableArray<TextRule>[languages.Length];
        foreach (var language in languages)
        {
            var builder = ImmutableArray.CreateBuilder<TextRule>();
            foreach (var rule in LazyAll.Value)
            {
                if (rule.AppliesTo(language))
                {
                    builder.Add(rule);
                }
            }

            groups[(int)language] = builder.ToImmutable();
        }

        return groups;
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

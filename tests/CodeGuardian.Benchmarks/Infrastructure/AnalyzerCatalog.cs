using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Reflection;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>The analyzers of the package, found by reflection so a new analyzer is benchmarked without edits here.</summary>
internal static class AnalyzerCatalog
{
    /// <summary>Every C# analyzer type, ordered by name; <paramref name="includeAdditionalFileAnalyzers"/> adds the text-file analyzers.</summary>
    public static IReadOnlyList<Type> AnalyzerTypes(bool includeAdditionalFileAnalyzers)
    {
        var types = new List<Type>();
        foreach (var type in typeof(TextFileAnalyzer).Assembly.GetTypes())
        {
            if (type.IsAbstract || !typeof(DiagnosticAnalyzer).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            {
                continue;
            }

            var attribute = type.GetCustomAttribute<DiagnosticAnalyzerAttribute>();
            if (attribute is null || Array.IndexOf(attribute.Languages, LanguageNames.CSharp) < 0)
            {
                continue;
            }

            if (!includeAdditionalFileAnalyzers && type.Namespace is { } ns && ns.StartsWith("CodeGuardian.Analyzers.Text", StringComparison.Ordinal))
            {
                continue;
            }

            types.Add(type);
        }

        types.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return types;
    }

    public static ImmutableArray<DiagnosticAnalyzer> Create(IEnumerable<Type> types)
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        foreach (var type in types)
        {
            builder.Add((DiagnosticAnalyzer)Activator.CreateInstance(type)!);
        }

        return builder.ToImmutable();
    }
}

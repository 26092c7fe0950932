using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Tests.Documentation;

/// <summary>
/// The descriptors of the package and the text generated from them (doc headers, README table, release rows).
/// The sync tests compare the repository with this; set CODEGUARDIAN_UPDATE_DOCS=1 to rewrite instead.
/// </summary>
internal static class RuleCatalog
{
    public static readonly IReadOnlyDictionary<string, string> LanguageNames = new Dictionary<string, string>
    {
        ["cs"] = "C#",
        ["js"] = "JavaScript/TypeScript",
        ["py"] = "Python",
        ["sql"] = "SQL",
        ["rs"] = "Rust",
        ["cfg"] = "Configuration files",
    };

    public static string RepoRoot { get; } = FindRepoRoot();

    public static bool UpdateMode => Environment.GetEnvironmentVariable("CODEGUARDIAN_UPDATE_DOCS") == "1";

    /// <summary>Every descriptor declared in <see cref="Descriptors"/>, by ID.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } = typeof(Descriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>IDs some analyzer of the package declares as supported.</summary>
    public static ISet<string> SupportedIds { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id)
        .ToHashSet(StringComparer.Ordinal);

    public static IEnumerable<string> Languages(DiagnosticDescriptor descriptor) =>
        descriptor.CustomTags.Where(LanguageNames.ContainsKey);

    public static IEnumerable<string> SecurityTags(DiagnosticDescriptor descriptor) =>
        descriptor.CustomTags.Where(t => t.StartsWith("CWE-", StringComparison.Ordinal) || t.StartsWith("OWASP-", StringComparison.Ordinal));

    public static string SeverityName(DiagnosticDescriptor descriptor) => !descriptor.IsEnabledByDefault
        ? "None"
        : descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "Error",
            DiagnosticSeverity.Warning => "Warning",
            DiagnosticSeverity.Info => "Info",
            _ => "Hidden",
        };

    /// <summary>The generated head of docs/rules/ID.md: title, property table and description.</summary>
    public static string DocHeader(DiagnosticDescriptor d)
    {
        var tags = string.Join(", ", SecurityTags(d));
        return $"""
            # {d.Id}: {d.Title}

            | Property | Value |
            |---|---|
            | ID | {d.Id} |
            | Category | {d.Category} |
            | Default severity | {SeverityName(d)} |
            | Languages | {string.Join(", ", Languages(d).Select(l => LanguageNames[l]))} |
            | Tags | {(tags.Length == 0 ? "—" : tags)} |

            {d.Description}
            """.Replace("\r\n", "\n");
    }

    public static string ReadmeRow(DiagnosticDescriptor d) =>
        $"| [{d.Id}](docs/rules/{d.Id}.md) | {d.Title} | {d.Category.Replace("CodeGuardian.", string.Empty)} | {SeverityName(d)} | {string.Join(" ", Languages(d))} |";

    public static string ReleaseRow(DiagnosticDescriptor d) =>
        $"{d.Id} | {d.Category} | {(d.IsEnabledByDefault ? SeverityName(d) : "Disabled")} | {d.Title}";

    public static string ReadmeTable() =>
        "| ID | Title | Category | Default severity | Languages |\n|---|---|---|---|---|\n"
        + string.Join("\n", AllDescriptors.Select(ReadmeRow)) + "\n";

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CodeGuardian.Analyzers.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}

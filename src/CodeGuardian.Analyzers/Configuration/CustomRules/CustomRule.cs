using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Configuration.CustomRules;

/// <summary>Where in a file a custom pattern may match, by the lexer's token kinds.</summary>
public enum CustomRuleScope
{
    /// <summary>Outside comments and strings.</summary>
    Code,
    Comment,
    String,
    Any,
}

/// <summary>One validated rule of <c>codeguardian.rules.json</c>.</summary>
public sealed class CustomRule
{
    public CustomRule(
        string id,
        string name,
        string message,
        Regex pattern,
        ImmutableArray<TextLanguage> languages,
        ImmutableArray<GlobPattern> files,
        CustomRuleScope scope,
        bool hasSeverity,
        DiagnosticSeverity? severity,
        string? category)
    {
        Id = id;
        Name = name;
        Message = message;
        Pattern = pattern;
        Languages = languages;
        Files = files;
        Scope = scope;
        HasSeverity = hasSeverity;
        Severity = severity;
        Category = category;
    }

    public string Id { get; }

    public string Name { get; }

    public string Message { get; }

    /// <summary>Compiled with a match timeout.</summary>
    public Regex Pattern { get; }

    /// <summary>Empty: every text language (unless <see cref="Files"/> restricts).</summary>
    public ImmutableArray<TextLanguage> Languages { get; }

    /// <summary>Globs relative to the folder of the rules file; empty: every file.</summary>
    public ImmutableArray<GlobPattern> Files { get; }

    public CustomRuleScope Scope { get; }

    /// <summary>Whether the rule sets its own severity (<see cref="Severity"/> null then means <c>none</c>).</summary>
    public bool HasSeverity { get; }

    public DiagnosticSeverity? Severity { get; }

    public string? Category { get; }
}

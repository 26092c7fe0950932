using System.Collections.Generic;

namespace CodeGuardian.Build.Model;

/// <summary>What the reports say about a rule: taken from the compiler log, completed by <see cref="RuleCatalog"/> and the rule docs.</summary>
internal sealed class RuleMetadata
{
    public string Id { get; set; } = "";

    /// <summary>The descriptor title (SARIF shortDescription).</summary>
    public string Title { get; set; } = "";

    /// <summary>The descriptor description (SARIF fullDescription).</summary>
    public string Description { get; set; } = "";

    public string? HelpUri { get; set; }

    public string? HelpText { get; set; }

    public string? HelpMarkdown { get; set; }

    public string Category { get; set; } = "";

    /// <summary>Default level when the log says it; null otherwise.</summary>
    public string? DefaultLevel { get; set; }

    public SortedSet<string> Tags { get; } = new(System.StringComparer.Ordinal);

    /// <summary>SARIF precision: very-high, high, medium or low.</summary>
    public string? Precision { get; set; }

    /// <summary>CVSS-like score as text ("8.8"); only for security rules.</summary>
    public string? SecuritySeverity { get; set; }

    /// <summary>Seconds the analyzer that owns the rule ran, as the compiler measured it; null when not reported.</summary>
    public double? ExecutionTimeSeconds { get; set; }

    /// <summary>Copies what this instance lacks from <paramref name="other"/>.</summary>
    public void Complete(RuleMetadata other)
    {
        if (Title.Length == 0)
        {
            Title = other.Title;
        }

        if (Description.Length == 0)
        {
            Description = other.Description;
        }

        HelpUri ??= other.HelpUri;
        HelpText ??= other.HelpText;
        HelpMarkdown ??= other.HelpMarkdown;
        if (Category.Length == 0)
        {
            Category = other.Category;
        }

        DefaultLevel ??= other.DefaultLevel;
        Precision ??= other.Precision;
        SecuritySeverity ??= other.SecuritySeverity;
        ExecutionTimeSeconds ??= other.ExecutionTimeSeconds;
        foreach (var tag in other.Tags)
        {
            Tags.Add(tag);
        }
    }
}

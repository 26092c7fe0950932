using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Rules;

/// <summary>The one way descriptors are made: severity, enablement, help link and tags derive from the inputs.</summary>
internal static class DescriptorFactory
{
    /// <summary>Where rule pages live; every helpLinkUri is this plus <c>ID.md</c>.</summary>
    public const string HelpLinkBase = "https://github.com/codeguardian-analyzers/CodeGuardian.Analyzers/blob/main/docs/rules/";

    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        RuleLevel level,
        string description,
        string languages,
        string? securityTags = null)
    {
        var tags = new List<string>();
        foreach (var language in languages.Split(' '))
        {
            if (language.Length > 0)
            {
                tags.Add(language);
            }
        }

        if (securityTags is not null)
        {
            foreach (var tag in securityTags.Split(' '))
            {
                if (tag.Length > 0)
                {
                    tags.Add(tag);
                }
            }
        }

        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            SeverityOf(level),
            isEnabledByDefault: level != RuleLevel.Disabled,
            description,
            helpLinkUri: HelpLinkBase + id + ".md",
            customTags: tags.ToArray());
    }

    public static DiagnosticSeverity SeverityOf(RuleLevel level) => level switch
    {
        RuleLevel.BuildError => DiagnosticSeverity.Error,
        RuleLevel.BuildWarning => DiagnosticSeverity.Warning,
        RuleLevel.IdeSuggestion => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Warning,
    };
}

using System;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>Per-file settings of the comment rules: extra task tags from options (<c>codeguardian.CG1001.tags = TBD, LATER</c>).</summary>
public sealed class CommentScanSettings
{
    public static readonly CommentScanSettings Default = new(Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>(), Array.Empty<string>());

    public CommentScanSettings(string[] todoTags, string[] fixmeTags, string[] hackTags, string[] bugTags)
    {
        TodoTags = todoTags;
        FixmeTags = fixmeTags;
        HackTags = hackTags;
        BugTags = bugTags;
        HasExtraTags = todoTags.Length + fixmeTags.Length + hackTags.Length + bugTags.Length > 0;
    }

    public string[] TodoTags { get; }

    public string[] FixmeTags { get; }

    public string[] HackTags { get; }

    public string[] BugTags { get; }

    public bool HasExtraTags { get; }

    public static CommentScanSettings From(RuleOptions options)
    {
        // Only the rule-specific key: a global "codeguardian.tags" would be ambiguous between the four rules.
        var todo = Specific(options, RuleIdentifiers.TodoComment);
        var fixme = Specific(options, RuleIdentifiers.FixmeComment);
        var hack = Specific(options, RuleIdentifiers.HackComment);
        var bug = Specific(options, RuleIdentifiers.BugComment);
        return todo.Length + fixme.Length + hack.Length + bug.Length == 0 ? Default : new CommentScanSettings(todo, fixme, hack, bug);
    }

    private static string[] Specific(RuleOptions options, string id)
    {
        if (options.Raw is null || !options.Raw.TryGetValue(RuleOptions.Prefix + id + ".tags", out var text) || string.IsNullOrWhiteSpace(text))
        {
            return Array.Empty<string>();
        }

        return text.Split(RuleOptions.ListSeparators, StringSplitOptions.RemoveEmptyEntries);
    }
}

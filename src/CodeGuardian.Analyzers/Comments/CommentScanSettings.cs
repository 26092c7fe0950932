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

    // Read for every file with comments: built once.
    private static readonly string TodoTagsKey = TagsKey(RuleIdentifiers.TodoComment);
    private static readonly string FixmeTagsKey = TagsKey(RuleIdentifiers.FixmeComment);
    private static readonly string HackTagsKey = TagsKey(RuleIdentifiers.HackComment);
    private static readonly string BugTagsKey = TagsKey(RuleIdentifiers.BugComment);

    public static CommentScanSettings From(RuleOptions options)
    {
        if (options.Raw is null)
        {
            return Default;
        }

        // Only the rule-specific key: a global "codeguardian.tags" would be ambiguous between the four rules.
        var todo = Specific(options, TodoTagsKey);
        var fixme = Specific(options, FixmeTagsKey);
        var hack = Specific(options, HackTagsKey);
        var bug = Specific(options, BugTagsKey);
        return todo.Length + fixme.Length + hack.Length + bug.Length == 0 ? Default : new CommentScanSettings(todo, fixme, hack, bug);
    }

    private static string TagsKey(string id) => RuleOptions.Prefix + id + ".tags";

    private static string[] Specific(RuleOptions options, string key)
    {
        if (options.Raw is null || !options.Raw.TryGetValue(key, out var text) || string.IsNullOrWhiteSpace(text))
        {
            return Array.Empty<string>();
        }

        return text.Split(RuleOptions.ListSeparators, StringSplitOptions.RemoveEmptyEntries);
    }
}

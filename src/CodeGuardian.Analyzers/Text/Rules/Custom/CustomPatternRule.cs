using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Configuration.CustomRules;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Custom;

/// <summary>
/// CG9100: the patterns of <c>codeguardian.rules.json</c>, run over text files and scoped by the lexer's tokens
/// (code / comment / string / any). Rules are loaded and validated once per compilation; invalid rules are
/// reported as CG9001 on the rules file by <see cref="TextFileAnalyzer"/> and skipped here.
/// </summary>
public sealed class CustomPatternRule : TextRule
{
    /// <summary>The diagnostic property holding the custom rule's own id.</summary>
    public const string CustomRuleIdProperty = "customRuleId";

    private const string CacheKeyPrefix = "custom-rules:";

    // Bounds the work per rule and file on pathological patterns and inputs.
    private const int MaxMatchesPerRule = 1000;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CustomRule);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Sql or TextLanguage.Rust or TextLanguage.Config;

    public override void Analyze(TextRuleContext context)
    {
        string? text = null;
        foreach (var path in RulesFiles(context.ProjectFiles))
        {
            var set = Load(context, path);
            foreach (var rule in set.Rules)
            {
                if (set.AppliesTo(rule, context.File.Path, context.File.Language))
                {
                    // The regex engine needs a string: made once per file, and only when a rule applies to it.
                    text ??= context.File.SourceText.ToString();
                    Run(context, rule, text);
                }
            }
        }
    }

    /// <summary>The rules files among the AdditionalFiles, found once per compilation (not once per scanned file).</summary>
    private static string[] RulesFiles(ProjectFiles projectFiles) =>
        projectFiles.Derived("custom-rules-files", static projectFiles =>
        {
            var found = new System.Collections.Generic.List<string>();
            foreach (var path in projectFiles.Paths)
            {
                if (CustomRuleSet.IsRulesFile(path))
                {
                    found.Add(path);
                }
            }

            return found.ToArray();
        });

    internal static CustomRuleSet Load(TextRuleContext context, string path) =>
        Load(context.ProjectFiles, path, context.CancellationToken);

    /// <summary>The rules of one rules file, parsed and validated once per compilation.</summary>
    internal static CustomRuleSet Load(ProjectFiles projectFiles, string path, System.Threading.CancellationToken cancellationToken) =>
        projectFiles.GetOrAdd(CacheKeyPrefix + ProjectFiles.Normalize(path), key =>
        {
            var rulesPath = key.Substring(CacheKeyPrefix.Length);
            var text = projectFiles.GetText(rulesPath, cancellationToken);
            return text is null ? CustomRuleSet.Empty : CustomRuleSet.Load(rulesPath, text.ToString());
        });

    private static void Run(TextRuleContext context, CustomRule rule, string text)
    {
        var file = context.File;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(CustomRuleIdProperty, rule.Id);
        var scope = file.Tokens.Count == 0 ? CustomRuleScope.Any : rule.Scope;
        var reported = 0;
        try
        {
            for (var match = rule.Pattern.Match(text); match.Success && reported < MaxMatchesPerRule; match = match.NextMatch())
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                if (!InScope(file, match.Index, scope))
                {
                    continue;
                }

                context.Report(Descriptors.CustomRule, match.Index, match.Length, rule.HasSeverity, rule.Severity, properties, rule.Id, rule.Name, rule.Message);
                reported++;
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern too slow for this file stops here; what it found so far stands.
        }
    }

    private static bool InScope(ScannedFile file, int position, CustomRuleScope scope)
    {
        if (scope == CustomRuleScope.Any)
        {
            return true;
        }

        var index = file.TokenIndexAt(position);
        var kind = TokenKind.None;
        if (index < file.Tokens.Count)
        {
            var token = file.Tokens[index];
            if (token.Start <= position)
            {
                kind = token.Kind;
            }
        }

        return scope switch
        {
            CustomRuleScope.Comment => kind == TokenKind.Comment,
            CustomRuleScope.String => kind == TokenKind.String,
            _ => kind != TokenKind.Comment && kind != TokenKind.String,
        };
    }
}

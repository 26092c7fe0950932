using System.Collections.Immutable;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// A rule over the tokens of text-language files. Concrete rules are sealed classes with a public
/// parameterless constructor, one per file under Text/Rules; <see cref="TextRuleRegistry"/> discovers them.
/// A rule must not throw and must not re-lex: it reads <see cref="TextRuleContext.File"/> tokens.
/// </summary>
public abstract class TextRule
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Whether the rule has anything to do for files of <paramref name="language"/>.</summary>
    public abstract bool AppliesTo(TextLanguage language);

    public abstract void Analyze(TextRuleContext context);
}

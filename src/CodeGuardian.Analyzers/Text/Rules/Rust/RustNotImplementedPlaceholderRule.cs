using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>CG1005 for Rust: <c>todo!()</c> and <c>unimplemented!()</c> invocations, with or without a message.</summary>
public sealed class RustNotImplementedPlaceholderRule : TextRule
{
    private static readonly string[] PlaceholderNames = { "todo", "unimplemented" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NotImplementedPlaceholder);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.NotImplementedPlaceholder))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(PlaceholderNames, withRenames: false);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (syntax.IsMacroCall(i, "todo") || syntax.IsMacroCall(i, "unimplemented"))
            {
                var (start, length) = syntax.SpanOf(i, i + 2);
                context.Report(Descriptors.NotImplementedPlaceholder, start, length, syntax.File.GetString(start, length) + "()");
            }
        }
    }
}

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
        for (var i = 0; i < syntax.Count; i++)
        {
            if (syntax.IsMacroCall(i, "todo") || syntax.IsMacroCall(i, "unimplemented"))
            {
                var (start, length) = syntax.SpanOf(i, i + 2);
                context.Report(Descriptors.NotImplementedPlaceholder, start, length, syntax.File.GetString(start, length) + "()");
            }
        }
    }
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG4013: every <c>unsafe</c> keyword in code (blocks, fns, impls, traits, extern blocks, unsafe attributes),
/// reported on the keyword; calls of <c>mem::transmute</c> and <c>Box::from_raw</c> (also through <c>use</c>
/// imports and aliases), reported on the path as written. Comments, strings and raw identifiers never match.
/// </summary>
public sealed class RustUnsafeCodeRule : TextRule
{
    private static readonly string[] Transmute = { "mem", "transmute" };
    private static readonly string[] BoxFromRaw = { "Box", "from_raw" };

    // "transmute" and "from_raw" may also be reached through a renaming use.
    private static readonly string[] CandidateNames = { "unsafe", "transmute", "from_raw" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.UnsafeRust);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UnsafeRust))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(CandidateNames, withRenames: true);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (syntax.IsName(i, "unsafe"))
            {
                ref readonly var keyword = ref syntax[i];
                context.Report(Descriptors.UnsafeRust, keyword.Start, keyword.Length, Describe(syntax, i));
                continue;
            }

            if (syntax.PathEndsWith(i, Transmute, out var first)
                || syntax.PathEndsWith(i, BoxFromRaw, out first))
            {
                var (start, length) = syntax.SpanOf(first, i + 1);
                context.Report(Descriptors.UnsafeRust, start, length, syntax.File.GetString(start, length));
            }
        }
    }

    private static string Describe(RsSyntax syntax, int keyword)
    {
        var next = keyword + 1;
        if (syntax.IsPunct(next, "{"))
        {
            return "unsafe block";
        }

        if (syntax.IsName(next, "fn") || syntax.IsName(next, "impl") || syntax.IsName(next, "trait") || syntax.IsName(next, "extern"))
        {
            return "unsafe " + syntax.File.GetString(syntax[next]);
        }

        if (syntax.IsPunct(next, "(") && syntax.InDeclarationOrAttribute(keyword))
        {
            return "unsafe attribute";
        }

        return "unsafe";
    }
}

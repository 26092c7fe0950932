using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG2001 for Rust: <c>dbg!</c> anywhere; <c>println!</c>, <c>print!</c>, <c>eprintln!</c>, <c>eprint!</c> in files
/// that do not define a crate-level <c>fn main</c> (library code). Test files and test code are exempt.
/// </summary>
public sealed class RustDebugOutputRule : TextRule
{
    private static readonly string[] DebugNames = { "dbg" };
    private static readonly string[] OutputNames = { "dbg", "println", "print", "eprintln", "eprint" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DebugOutput);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (context.IsTestFile || !context.IsEnabled(Descriptors.DebugOutput))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(syntax.DefinesMain ? DebugNames : OutputNames, withRenames: false);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            var isDebug = syntax.IsMacroCall(i, "dbg");
            var isPrint = !isDebug && !syntax.DefinesMain
                && (syntax.IsMacroCall(i, "println") || syntax.IsMacroCall(i, "print")
                    || syntax.IsMacroCall(i, "eprintln") || syntax.IsMacroCall(i, "eprint"));
            if ((isDebug || isPrint) && !syntax.InTest(i))
            {
                var (start, length) = syntax.SpanOf(i, i + 2);
                context.Report(Descriptors.DebugOutput, start, length, syntax.File.GetString(start, length));
            }
        }
    }
}

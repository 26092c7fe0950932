using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG2005: <c>.unwrap()</c>, <c>.expect(…)</c>, <c>panic!</c> and <c>unreachable!</c> in library code. Exempt:
/// <c>#[cfg(test)]</c> items, <c>#[test]</c> fns, the crate-level <c>fn main</c> body, and files under
/// <c>tests/</c>, <c>examples/</c>, <c>benches/</c> or named <c>build.rs</c>/<c>*_test.rs</c>. The non-panicking
/// <c>unwrap_or*</c> family is never matched; <c>unwrap_err</c>/<c>expect_err</c> are not reported either (they
/// are assertions used almost only in tests).
/// </summary>
public sealed class RustPanickingCallRule : TextRule
{
    private static readonly string[] PanickingNames = { "unwrap", "expect", "panic", "unreachable" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.PanickingCall);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.PanickingCall) || RsFilePaths.IsPanicTolerant(context))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(PanickingNames, withRenames: false);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            int start, end;
            if (syntax.IsMethodCall(i, "unwrap") && syntax.MatchOf(i + 1) == i + 2)
            {
                // ".unwrap()" from the dot to the closing parenthesis.
                start = i - 1;
                end = i + 3;
            }
            else if (syntax.IsMethodCall(i, "expect"))
            {
                // ".expect": the message argument may be long.
                start = i - 1;
                end = i + 1;
            }
            else if (syntax.IsMacroCall(i, "panic") || syntax.IsMacroCall(i, "unreachable"))
            {
                start = i;
                end = i + 2;
            }
            else
            {
                continue;
            }

            if (syntax.InTest(i) || syntax.InMainBody(i))
            {
                continue;
            }

            var (offset, length) = syntax.SpanOf(start, end);
            context.Report(Descriptors.PanickingCall, offset, length, syntax.File.GetString(offset, length));
        }
    }
}

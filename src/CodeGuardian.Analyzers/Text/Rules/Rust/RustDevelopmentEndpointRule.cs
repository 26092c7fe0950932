using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG2004 for Rust: string literals (plain, raw, byte; not chars) naming a loopback/wildcard host or a
/// staging/dev host, reported on the host inside the literal. Test files and test code are exempt; comments
/// are not strings and never match.
/// </summary>
public sealed class RustDevelopmentEndpointRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DevelopmentEndpoint);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (context.IsTestFile || !context.IsEnabled(Descriptors.DevelopmentEndpoint))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        for (var k = 0; k < syntax.StringCount; k++)
        {
            var i = syntax.StringAt(k);
            if (syntax.InTest(i))
            {
                continue;
            }

            var (contentStart, contentLength) = StringLiterals.ContentOf(syntax.File, syntax[i]);
            if (RsEndpoints.TryFind(syntax.File.Slice(contentStart, contentLength), out var offset, out var length))
            {
                var start = contentStart + offset;
                context.Report(Descriptors.DevelopmentEndpoint, start, length, syntax.File.GetString(start, length));
            }
        }
    }
}

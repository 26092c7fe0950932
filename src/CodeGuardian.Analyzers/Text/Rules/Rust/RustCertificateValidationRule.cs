using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG4012 for Rust: <c>.danger_accept_invalid_certs(true)</c> and <c>.danger_accept_invalid_hostnames(true)</c>
/// (reqwest, native-tls), openssl <c>SslVerifyMode::NONE</c>, and a rustls <c>fn verify_server_cert</c> whose
/// body accepts every certificate (returns <c>ServerCertVerified::assertion()</c> with no <c>Err</c>, <c>if</c>,
/// <c>match</c> or <c>?</c>). A <c>false</c> or run-time argument does not fire.
/// </summary>
public sealed class RustCertificateValidationRule : TextRule
{
    private static readonly string[] VerifyNone = { "SslVerifyMode", "NONE" };

    // The names where a finding can sit; "NONE" may also be reached through a renaming use.
    private static readonly string[] CandidateNames = { "danger_accept_invalid_certs", "danger_accept_invalid_hostnames", "NONE", "verify_server_cert" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CertificateValidationDisabled);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.CertificateValidationDisabled))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(CandidateNames, withRenames: true);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if ((syntax.IsMethodCall(i, "danger_accept_invalid_certs") || syntax.IsMethodCall(i, "danger_accept_invalid_hostnames"))
                && syntax.IsName(i + 2, "true") && syntax.MatchOf(i + 1) == i + 3)
            {
                Report(context, syntax, i, i + 4, null);
            }
            else if (syntax.IsName(i, "NONE") && syntax.PathEndsWith(i, VerifyNone, out var first))
            {
                Report(context, syntax, first, i + 1, null);
            }
            else if (syntax.IsName(i, "verify_server_cert") && syntax.IsName(i - 1, "fn") && AcceptsEverything(syntax, i))
            {
                Report(context, syntax, i, i + 1, "verify_server_cert that accepts every certificate");
            }
        }
    }

    private static void Report(TextRuleContext context, RsSyntax syntax, int start, int end, string? description)
    {
        var (offset, length) = syntax.SpanOf(start, end);
        context.Report(Descriptors.CertificateValidationDisabled, offset, length, description ?? syntax.File.GetString(offset, length));
    }

    /// <summary>The fn body has an unconditional <c>ServerCertVerified::assertion()</c> and no way to fail.</summary>
    private static bool AcceptsEverything(RsSyntax syntax, int name)
    {
        var i = name + 1;
        while (i < syntax.Count && !syntax.IsPunct(i, "{") && !syntax.IsPunct(i, ";"))
        {
            i = syntax.IsPunct(i, "(") || syntax.IsPunct(i, "[") ? syntax.SkipBracket(i) : i + 1;
        }

        if (!syntax.IsPunct(i, "{"))
        {
            return false;
        }

        var close = syntax.MatchOf(i);
        var assertion = false;
        for (var k = i + 1; k < close && k < syntax.Count; k++)
        {
            if (syntax.IsName(k, "Err") || syntax.IsName(k, "if") || syntax.IsName(k, "match") || syntax.IsPunct(k, "?")
                || syntax.IsName(k, "return") || syntax.IsName(k, "else"))
            {
                return false;
            }

            assertion |= syntax.IsName(k, "assertion") && syntax.IsPunct(k - 1, "::") && syntax.IsName(k - 2, "ServerCertVerified");
        }

        return assertion;
    }
}

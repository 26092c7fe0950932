using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4008 for C#: the whole source text of each tree (code, comments, strings, verbatim and raw literals) goes
/// through the shared <see cref="SecretScanner"/>, exactly like text files; spans are the token values.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class KnownSecretTokenAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KnownSecretToken);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(Analyze);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void Analyze(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken);
        if (text.Length == 0)
        {
            return;
        }

        var allowlist = SecretDiagnostics.AllowlistFor(RuleOptions.For(context.Options, context.Tree));
        using var copy = new RentedText(text);
        var findings = SecretScanner.Scan(copy.Chars, allowlist);
        foreach (var finding in findings)
        {
            var location = Location.Create(context.Tree, new TextSpan(finding.Start, finding.Length));
            var diagnostic = DiagnosticFactory.Create(
                Descriptors.KnownSecretToken, location, context.Options, SecretDiagnostics.PropertiesOf(finding), finding.Kind, finding.Description, finding.ConfidenceText);
            if (diagnostic is not null)
            {
                context.ReportDiagnostic(diagnostic);
            }
        }
    }
}

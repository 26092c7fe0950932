using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Production;

/// <summary>
/// CG2004: development endpoints (loopback, bind-all, <c>dev.</c>/<c>staging.</c> hosts) in string literals of
/// non-test code: regular, verbatim, raw and UTF-8 literals and the constant parts of interpolated strings.
/// Comments are never looked at. The span is the host (with its port) inside the literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DevelopmentEndpointAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DevelopmentEndpoint);

    /// <summary>
    /// Every host <see cref="DevelopmentHostScanner"/> reports contains one of these (any case): string literals and
    /// interpolated text without one are never scanned.
    /// </summary>
    private static readonly string[] HostWords = { "localhost", "127.0.0.1", "0.0.0.0", "[::1]", "dev", "staging" };

    /// <summary>The string literal (UTF-8 included) or interpolated text a token is the text of.</summary>
    private static SyntaxNode? StringTokenNode(SyntaxToken token) => token.Parent switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression) => literal,
        InterpolatedStringTextSyntax text => text,
        _ => null,
    };

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var options = start.Options;
            var isTestProject = start.Compilation.State(compilation => new StrongBox<bool>(TestCode.IsTestProject(compilation, options)));
            start.RegisterSyntaxTreeSearch(isTestProject, HostWords, StringTokenNode, static (isTestProject, context) => Analyze(context, isTestProject.Value));
        });
    }

    private static void Analyze(FoundSyntaxContext context, bool isTestProject)
    {
        var token = context.Node switch
        {
            LiteralExpressionSyntax literal => literal.Token,
            InterpolatedStringTextSyntax interpolatedText => interpolatedText.TextToken,
            _ => default,
        };
        if (token.IsMissing || token.Span.Length == 0)
        {
            return;
        }

        // The token's own source text: positions map 1:1 to the file, escapes never form part of a host.
        var text = token.Text;
        var (start, length) = DevelopmentHostScanner.FindNext(text, 0, text.Length, 0);
        if (length == 0)
        {
            return;
        }

        if (TestCode.IsSkippedTestCode(isTestProject, context.Node.SyntaxTree, context.Options, RuleIdentifiers.DevelopmentEndpoint))
        {
            return;
        }

        var tree = context.Node.SyntaxTree;
        while (length > 0)
        {
            var span = new TextSpan(token.SpanStart + start, length);
            context.Report(
                Descriptors.DevelopmentEndpoint,
                Location.Create(tree, span),
                text.Substring(start, length));
            (start, length) = DevelopmentHostScanner.FindNext(text, 0, text.Length, start + length);
        }
    }
}

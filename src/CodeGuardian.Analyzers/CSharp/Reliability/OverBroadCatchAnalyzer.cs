using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>
/// CG3002: <c>catch (Exception)</c>, <c>catch (Exception ex)</c> or a bare <c>catch</c> whose block neither
/// rethrows (<c>throw;</c>) nor mentions the exception variable (logging it, wrapping it as an inner exception,
/// <c>throw ex</c>). A catch with a <c>when</c> filter is not over-broad. An empty block is left to CG3001 so one
/// mistake is reported once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OverBroadCatchAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.OverBroadCatch);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterWhenTypeExists("System.Exception", Analyze, SyntaxKind.CatchClause);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol exception)
    {
        var catchClause = (CatchClauseSyntax)context.Node;
        if (catchClause.Filter is not null || SwallowedExceptionAnalyzer.IsEmpty(catchClause.Block))
        {
            return;
        }

        var declaration = catchClause.Declaration;
        if (declaration is not null)
        {
            // Cheap syntax check before binding: the type's last name must be "Exception".
            var typeName = declaration.Type switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax aliasQualified => aliasQualified.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => null,
            };
            if (typeName != "Exception"
                || !SymbolEqualityComparer.Default.Equals(context.SemanticModel.GetTypeInfo(declaration.Type, context.CancellationToken).Type, exception))
            {
                return;
            }
        }

        var variable = declaration is not null && !declaration.Identifier.IsKind(SyntaxKind.None) ? declaration.Identifier.ValueText : null;
        if (RethrowsOrUses(catchClause.Block, variable))
        {
            return;
        }

        var construct = declaration is null ? "catch" : "catch (Exception)";
        context.Report(
            Descriptors.OverBroadCatch,
            Location.Create(catchClause.SyntaxTree, SwallowedExceptionAnalyzer.HeaderSpan(catchClause)),
            construct);
    }

    private static bool RethrowsOrUses(BlockSyntax block, string? variable)
    {
        foreach (var node in block.DescendantNodes())
        {
            if (node is ThrowStatementSyntax { Expression: null })
            {
                return true;
            }

            if (variable is not null && node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == variable)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Production;

/// <summary>CG2002: <c>System.Diagnostics.Debugger.Break()</c> and <c>Debugger.Launch()</c>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebuggerBreakAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DebuggerBreak);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterInvocationsWhenTypeExists("System.Diagnostics.Debugger", IdentifierNames.Of("Break", "Launch"), Analyze);
    }

    private static void Analyze(FoundNodeContext context, INamedTypeSymbol debugger)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name is not ("Break" or "Launch"))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, debugger))
        {
            context.Report(Descriptors.DebuggerBreak, invocation.GetLocation(), "Debugger." + method.Name + "()");
        }
    }
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>CG3005: <c>System.Threading.Thread.Sleep</c> inside an async method, lambda or local function.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingSleepInAsyncAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BlockingSleepInAsync);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterInvocationsWhenTypeExists("System.Threading.Thread", IdentifierNames.Of("Sleep"), Analyze);
    }

    private static void Analyze(FoundNodeContext context, INamedTypeSymbol thread)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        if (name != "Sleep" || !AsyncContext.IsAsync(AsyncContext.EnclosingFunction(invocation), context.CancellationToken))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is IMethodSymbol method
            && SymbolEqualityComparer.Default.Equals(method.ContainingType, thread))
        {
            context.Report(
                Descriptors.BlockingSleepInAsync,
                invocation.GetLocation(),
                "Thread.Sleep",
                "await Task.Delay");
        }
    }
}

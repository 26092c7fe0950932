using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// The shape of the syntax-first analyzers that compare against one well-known type: the type is resolved once per
/// compilation, by the first callback (see <see cref="CompilationState{T}"/>), and nodes are analyzed only when the
/// compilation has it.
/// </summary>
internal static class TypedSyntaxActions
{
    public static void RegisterWhenTypeExists(
        this AnalysisContext context,
        string metadataName,
        Action<SyntaxNodeAnalysisContext, INamedTypeSymbol> action,
        params SyntaxKind[] kinds)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var type = start.Compilation.State(compilation => compilation.GetTypeByMetadataName(metadataName));
            start.RegisterSyntaxNodeAction(type, (type, node) => action(node, type), kinds);
        });
    }

    /// <summary>
    /// Invocations of a method named one of <paramref name="methodNames"/>, found by name (see
    /// <see cref="IdentifierActions"/>) rather than by a callback per invocation.
    /// </summary>
    public static void RegisterInvocationsWhenTypeExists(
        this AnalysisContext context,
        string metadataName,
        IdentifierNames methodNames,
        Action<FoundNodeContext, INamedTypeSymbol> action)
    {
        context.RegisterCompilationStartAction(start =>
        {
            var type = start.Compilation.State(compilation => compilation.GetTypeByMetadataName(metadataName));
            start.RegisterSyntaxNodeActionAt(type, methodNames, IdentifierActions.InvocationNamedBy, (type, node) => action(node, type));
        });
    }
}

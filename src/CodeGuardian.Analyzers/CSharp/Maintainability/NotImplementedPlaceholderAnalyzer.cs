using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Maintainability;

/// <summary>CG1005: <c>throw new NotImplementedException()</c> as a statement or a throw expression.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotImplementedPlaceholderAnalyzer : DiagnosticAnalyzer
{
    private const string Construct = "throw new NotImplementedException()";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.NotImplementedPlaceholder);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.ThrowStatement, SyntaxKind.ThrowExpression);
    }

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        SyntaxToken throwKeyword;
        ExpressionSyntax? thrown;
        switch (context.Node)
        {
            case ThrowStatementSyntax statement:
                throwKeyword = statement.ThrowKeyword;
                thrown = statement.Expression;
                break;
            case ThrowExpressionSyntax expression:
                throwKeyword = expression.ThrowKeyword;
                thrown = expression.Expression;
                break;
            default:
                return;
        }

        // Only a freshly created exception is a placeholder; rethrowing a variable is real code.
        if (thrown is not BaseObjectCreationExpressionSyntax creation || thrown.IsMissing)
        {
            return;
        }

        // Most throws create ArgumentException & co.: an exception type named otherwise is decided by its name, without
        // binding the method body. Other names (an alias, `new()`) are asked of the semantic model.
        if (creation is ObjectCreationExpressionSyntax { Type: var typeSyntax } && RightmostName(typeSyntax) is { } name
            && name.EndsWith("Exception", StringComparison.Ordinal) && !string.Equals(name, "NotImplementedException", StringComparison.Ordinal))
        {
            return;
        }

        // Compared by name rather than resolved at compilation start: a type lookup there runs while the compiler
        // loads its references, and almost no throw gets this far.
        var type = context.SemanticModel.GetTypeInfo(creation, context.CancellationToken).Type;
        if (type is not { Name: "NotImplementedException", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } })
        {
            return;
        }

        var span = TextSpan.FromBounds(throwKeyword.SpanStart, creation.Span.End);
        context.Report(
            Descriptors.NotImplementedPlaceholder,
            Location.Create(context.Node.SyntaxTree, span),
            Construct);
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        _ => null,
    };
}

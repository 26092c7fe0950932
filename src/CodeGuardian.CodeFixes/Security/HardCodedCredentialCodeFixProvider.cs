using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CodeGuardian.CodeFixes.Security;

/// <summary>
/// CG4007: replaces the literal with
/// <c>Environment.GetEnvironmentVariable("NAME") ?? throw new InvalidOperationException("Set NAME")</c>, NAME being the
/// credential name in UPPER_SNAKE_CASE (<c>dbPassword</c> → <c>DB_PASSWORD</c>). Not offered where a constant is
/// required (<c>const</c> declarations, attribute arguments, parameter defaults, <c>case</c> labels and patterns), for
/// connection strings and URLs (the secret is part of a larger value), or before C# 7 (no throw expressions).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(HardCodedCredentialCodeFixProvider)), Shared]
public sealed class HardCodedCredentialCodeFixProvider : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardCodedCredential);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: < LanguageVersion.CSharp7 })
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(HardCodedCredentialAnalyzer.KindProperty, out var kind) || kind != "name"
                || !diagnostic.Properties.TryGetValue(HardCodedCredentialAnalyzer.NameProperty, out var name) || string.IsNullOrEmpty(name)
                || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                || RequiresConstant(literal))
            {
                continue;
            }

            var variable = CredentialNames.ToEnvironmentVariableName(name!);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Read '" + variable + "' from the environment",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal, Replacement(variable).WithTriviaFrom(literal)))),
                    nameof(HardCodedCredentialCodeFixProvider)),
                diagnostic);
        }
    }

    private static BinaryExpressionSyntax Replacement(string variable)
    {
        var read = SyntaxFactory.InvocationExpression(
            SyntaxFactory.MemberAccessExpression(
                SyntaxKind.SimpleMemberAccessExpression,
                SyntaxFactory.ParseExpression("global::System.Environment").WithAdditionalAnnotations(Simplifier.Annotation),
                SyntaxFactory.IdentifierName("GetEnvironmentVariable")),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))))));
        var fail = SyntaxFactory.ThrowExpression(SyntaxFactory.ObjectCreationExpression(
            SyntaxFactory.ParseTypeName("global::System.InvalidOperationException").WithAdditionalAnnotations(Simplifier.Annotation),
            SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal("Set " + variable))))),
            initializer: null));
        return SyntaxFactory.BinaryExpression(SyntaxKind.CoalesceExpression, read, fail);
    }

    private static bool RequiresConstant(SyntaxNode literal)
    {
        for (var node = literal.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case FieldDeclarationSyntax field:
                    return field.Modifiers.Any(SyntaxKind.ConstKeyword);
                case LocalDeclarationStatementSyntax local:
                    return local.IsConst;
                case AttributeArgumentSyntax or ParameterSyntax or CaseSwitchLabelSyntax or ConstantPatternSyntax or SwitchExpressionArmSyntax:
                    return true;
                case StatementSyntax or MemberDeclarationSyntax:
                    return false;
            }
        }

        return false;
    }
}

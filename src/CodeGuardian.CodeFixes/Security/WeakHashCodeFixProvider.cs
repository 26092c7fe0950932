using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace CodeGuardian.CodeFixes.Security;

/// <summary>
/// CG4009: MD5/SHA-1 → SHA-256 with the same call shape: <c>MD5.Create()</c> → <c>SHA256.Create()</c>,
/// <c>SHA1.HashData(x)</c> → <c>SHA256.HashData(x)</c>, <c>new MD5CryptoServiceProvider()</c> → <c>SHA256.Create()</c>,
/// <c>new HMACSHA1(key)</c> → <c>new HMACSHA256(key)</c>, <c>HashAlgorithm.Create("MD5")</c> → <c>…("SHA256")</c>.
/// Not offered when the result is stored in a variable, field or parameter typed as the weak algorithm
/// (<c>MD5 md5 = …</c>), or when the SHA-256 member with the same parameters does not exist.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakHashCodeFixProvider)), Shared]
public sealed class WeakHashCodeFixProvider : CodeFixProvider
{
    private const string Title = "Use SHA-256 (changes the hash value)";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.WeakHash);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var replacement = Replacement(node, model, context.CancellationToken);
            if (replacement is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node)))), nameof(WeakHashCodeFixProvider)),
                diagnostic);
        }
    }

    private static SyntaxNode? Replacement(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
    {
        var compilation = model.Compilation;
        switch (node)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation
                when model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method:
            {
                // HashAlgorithm.Create("MD5"): change the name only.
                if (invocation.ArgumentList.Arguments.Count == 1 && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax literal
                    && literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    var strong = literal.Token.ValueText.StartsWith("HMAC", System.StringComparison.OrdinalIgnoreCase) ? "HMACSHA256" : "SHA256";
                    return invocation.ReplaceNode(literal, SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(strong)));
                }

                var target = method.ContainingType.Name.StartsWith("HMAC", System.StringComparison.Ordinal) ? "HMACSHA256" : "SHA256";
                if (!HasSameStaticMethod(compilation, target, method) || !ResultFits(invocation, model, method.ReturnType, cancellationToken))
                {
                    return null;
                }

                return invocation.WithExpression(access.WithExpression(TypeExpression(target)));
            }

            case ObjectCreationExpressionSyntax creation when model.GetTypeInfo(creation, cancellationToken).Type is INamedTypeSymbol created:
            {
                if (!ResultFits(creation, model, created, cancellationToken))
                {
                    return null;
                }

                if (created.Name.StartsWith("HMAC", System.StringComparison.Ordinal))
                {
                    return compilation.GetTypeByMetadataName("System.Security.Cryptography.HMACSHA256") is null
                        ? null
                        : creation.WithType(TypeName("HMACSHA256"));
                }

                if (creation.ArgumentList is { Arguments.Count: > 0 } || !HasCreate(compilation))
                {
                    return null;
                }

                return SyntaxFactory.InvocationExpression(SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, TypeExpression("SHA256"), SyntaxFactory.IdentifierName("Create")));
            }

            default:
                return null;
        }
    }

    private static TypeSyntax TypeName(string name) =>
        SyntaxFactory.ParseTypeName("global::System.Security.Cryptography." + name).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>The type as the receiver of a member access (member-access nodes, not a qualified type name).</summary>
    private static ExpressionSyntax TypeExpression(string name) =>
        SyntaxFactory.ParseExpression("global::System.Security.Cryptography." + name).WithAdditionalAnnotations(Simplifier.Annotation);

    private static bool HasCreate(Compilation compilation)
    {
        var sha256 = compilation.GetTypeByMetadataName("System.Security.Cryptography.SHA256");
        if (sha256 is null)
        {
            return false;
        }

        foreach (var member in sha256.GetMembers("Create"))
        {
            if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSameStaticMethod(Compilation compilation, string typeName, IMethodSymbol method)
    {
        var type = compilation.GetTypeByMetadataName("System.Security.Cryptography." + typeName);
        if (type is null)
        {
            return false;
        }

        foreach (var member in type.GetMembers(method.Name))
        {
            if (member is IMethodSymbol { IsStatic: true } candidate && candidate.Parameters.Length == method.Parameters.Length)
            {
                var same = true;
                for (var i = 0; i < candidate.Parameters.Length && same; i++)
                {
                    same = SymbolEqualityComparer.Default.Equals(candidate.Parameters[i].Type, method.Parameters[i].Type);
                }

                if (same)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The SHA-256 object fits where the weak one went: <c>var</c>, <c>HashAlgorithm</c>, <c>byte[]</c>…, but not <c>MD5 x =</c>.</summary>
    private static bool ResultFits(ExpressionSyntax expression, SemanticModel model, ITypeSymbol weakType, CancellationToken cancellationToken)
    {
        var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
        if (converted is null || !SymbolEqualityComparer.Default.Equals(converted, weakType) || weakType.TypeKind == TypeKind.Array)
        {
            return true;
        }

        var parent = expression.Parent;
        while (parent is ParenthesizedExpressionSyntax)
        {
            parent = parent.Parent;
        }

        // Only an inferred local or an expression whose value is used by member access keeps compiling.
        return parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Type.IsVar: true } } } => true,
            MemberAccessExpressionSyntax => true,
            ExpressionStatementSyntax => true,
            _ => false,
        };
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Security;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace CodeGuardian.CodeFixes.Security;

/// <summary>
/// CG4001, for SQL written directly as an interpolated string (<c>$"…"</c> or <c>$@"…"</c>):
/// <list type="bullet">
/// <item>EF Core <c>FromSqlRaw</c>/<c>ExecuteSqlRaw</c>/<c>ExecuteSqlRawAsync</c>/<c>SqlQueryRaw</c> → the
/// <c>FormattableString</c> API of the same class (<c>FromSqlInterpolated</c>, else <c>FromSql</c>;
/// <c>ExecuteSqlInterpolated(Async)</c>, else <c>ExecuteSql(Async)</c>; <c>SqlQuery</c>), which sends every hole as a
/// parameter. Not offered when positional parameters are also passed.</item>
/// <item><c>command.CommandText = $"…"</c> and <c>var command = new XxxCommand($"…", …);</c> statements → the holes
/// become <c>@p0</c>, <c>@p1</c>… and <c>command.Parameters.AddWithValue("@p0", value);</c> statements follow. Only
/// when the command's <c>Parameters</c> collection has <c>AddWithValue(string, object)</c> (SqlClient-style providers)
/// and the statement stands in a block.</item>
/// </list>
/// See <see cref="InterpolatedSql"/> for which strings qualify.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SqlInjectionCodeFixProvider)), Shared]
public sealed class SqlInjectionCodeFixProvider : CodeFixProvider
{
    private const string ParameterPrefix = "@p";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.SqlInjection);

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
            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not InterpolatedStringExpressionSyntax text
                || !diagnostic.Properties.TryGetValue(SqlInjectionAnalyzer.SinkKindProperty, out var kind))
            {
                continue;
            }

            var sql = InterpolatedSql.TryParse(text, model);
            if (sql is null || sql.Values.Count == 0)
            {
                continue;
            }

            switch (kind)
            {
                case SqlInjectionAnalyzer.SinkEntityFramework:
                    RegisterEntityFrameworkFix(context, diagnostic, root, model, text, sql);
                    break;
                case SqlInjectionAnalyzer.SinkCommandText:
                case SqlInjectionAnalyzer.SinkCommandConstructor:
                    RegisterCommandFix(context, diagnostic, model, text, sql, kind);
                    break;
            }
        }
    }

    private static void RegisterEntityFrameworkFix(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, SemanticModel model, InterpolatedStringExpressionSyntax text, InterpolatedSql sql)
    {
        if (text.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation } arguments } argument
            || model.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method
            || argument.NameColon is not null)
        {
            return;
        }

        var definition = method.ReducedFrom ?? method;
        var formattable = model.Compilation.GetTypeByMetadataName("System.FormattableString");
        string[] candidates = method.Name switch
        {
            "FromSqlRaw" => new[] { "FromSqlInterpolated", "FromSql" },
            "ExecuteSqlRaw" => new[] { "ExecuteSqlInterpolated", "ExecuteSql" },
            "ExecuteSqlRawAsync" => new[] { "ExecuteSqlInterpolatedAsync", "ExecuteSqlAsync" },
            "SqlQueryRaw" => new[] { "SqlQuery" },
            _ => System.Array.Empty<string>(),
        };

        // Besides the SQL, only arguments the FormattableString overload takes as well (a CancellationToken) may be passed along;
        // positional SQL parameters have no place there.
        var extraTypes = new List<ITypeSymbol?>();
        foreach (var other in arguments.Arguments)
        {
            if (other == argument)
            {
                continue;
            }

            var type = model.GetTypeInfo(other.Expression, context.CancellationToken).Type;
            if (type is null || type.TypeKind == TypeKind.Array || other.NameColon is not null)
            {
                return;
            }

            extraTypes.Add(type);
        }

        foreach (var candidate in candidates)
        {
            if (!HasFormattableOverload(definition.ContainingType, candidate, formattable, extraTypes, method.IsGenericMethod ? method.TypeArguments.Length : 0))
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    "Use " + candidate + " (values become parameters)",
                    _ =>
                    {
                        var newName = access.Name is GenericNameSyntax generic
                            ? (SimpleNameSyntax)generic.WithIdentifier(SyntaxFactory.Identifier(candidate))
                            : SyntaxFactory.IdentifierName(candidate);
                        var newText = SyntaxFactory.ParseExpression(sql.ToInterpolatedString()).WithTriviaFrom(text);
                        var newInvocation = invocation
                            .ReplaceNode(text, newText)
                            .WithExpression(access.WithName(newName.WithTriviaFrom(access.Name)));
                        return Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(invocation, newInvocation)));
                    },
                    nameof(SqlInjectionCodeFixProvider) + ".Interpolated"),
                diagnostic);
            return;
        }
    }

    private static bool HasFormattableOverload(INamedTypeSymbol type, string name, INamedTypeSymbol? formattable, List<ITypeSymbol?> extraTypes, int typeArguments)
    {
        foreach (var member in type.GetMembers(name))
        {
            if (member is not IMethodSymbol { IsExtensionMethod: true } candidate || candidate.TypeParameters.Length != typeArguments
                || candidate.Parameters.Length < 2 + extraTypes.Count
                || !SymbolEqualityComparer.Default.Equals(candidate.Parameters[1].Type, formattable))
            {
                continue;
            }

            var matches = true;
            for (var i = 0; i < extraTypes.Count && matches; i++)
            {
                matches = SymbolEqualityComparer.Default.Equals(candidate.Parameters[2 + i].Type, extraTypes[i]);
            }

            for (var i = 2 + extraTypes.Count; i < candidate.Parameters.Length && matches; i++)
            {
                matches = candidate.Parameters[i].IsOptional || candidate.Parameters[i].IsParams;
            }

            if (matches)
            {
                return true;
            }
        }

        return false;
    }

    private static void RegisterCommandFix(CodeFixContext context, Diagnostic diagnostic, SemanticModel model, InterpolatedStringExpressionSyntax text, InterpolatedSql sql, string kind)
    {
        if (sql.MentionsPrefix(ParameterPrefix))
        {
            return;
        }

        ExpressionSyntax command;
        StatementSyntax statement;
        ITypeSymbol? commandType;
        if (kind == SqlInjectionAnalyzer.SinkCommandText)
        {
            if (text.Parent is not AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax target, Parent: ExpressionStatementSyntax assignmentStatement } assignment
                || assignment.Right != text || !IsSimpleReference(target.Expression))
            {
                return;
            }

            command = target.Expression;
            statement = assignmentStatement;
            commandType = model.GetTypeInfo(target.Expression, context.CancellationToken).Type;
        }
        else
        {
            if (text.Parent is not ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                || creation.Parent is not EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }
                || declarator.Parent is not VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax declaration })
            {
                return;
            }

            command = SyntaxFactory.IdentifierName(declarator.Identifier.ValueText);
            statement = declaration;
            commandType = model.GetTypeInfo(creation, context.CancellationToken).Type;
        }

        if (statement.Parent is not BlockSyntax || !HasAddWithValue(commandType))
        {
            return;
        }

        context.RegisterCodeFix(
            CodeAction.Create(
                "Pass the values as command parameters",
                cancellationToken => ParameterizeAsync(context.Document, text, sql, command, statement, cancellationToken),
                nameof(SqlInjectionCodeFixProvider) + ".AddWithValue"),
            diagnostic);
    }

    private static async Task<Document> ParameterizeAsync(Document document, InterpolatedStringExpressionSyntax text, InterpolatedSql sql, ExpressionSyntax command, StatementSyntax statement, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        editor.ReplaceNode(text, SyntaxFactory.ParseExpression(sql.ToParameterizedLiteral(ParameterPrefix)).WithTriviaFrom(text));
        var added = new List<SyntaxNode>(sql.Values.Count);
        for (var i = 0; i < sql.Values.Count; i++)
        {
            var name = ParameterPrefix + i.ToString(CultureInfo.InvariantCulture);
            var call = SyntaxFactory.ExpressionStatement(
                SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(
                        SyntaxKind.SimpleMemberAccessExpression,
                        SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, command.WithoutTrivia(), SyntaxFactory.IdentifierName("Parameters")),
                        SyntaxFactory.IdentifierName("AddWithValue")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[]
                    {
                        SyntaxFactory.Argument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(name))),
                        SyntaxFactory.Argument(sql.Values[i].WithoutTrivia()),
                    }))));
            added.Add(call.WithAdditionalAnnotations(Formatter.Annotation));
        }

        editor.InsertAfter(statement, added);
        return editor.GetChangedDocument();
    }

    private static bool IsSimpleReference(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax access => IsSimpleReference(access.Expression),
        _ => false,
    };

    private static bool HasAddWithValue(ITypeSymbol? commandType)
    {
        for (var type = commandType; type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers("Parameters"))
            {
                if (member is not IPropertySymbol { IsStatic: false } parameters)
                {
                    continue;
                }

                for (var collection = parameters.Type; collection is not null; collection = collection.BaseType)
                {
                    foreach (var method in collection.GetMembers("AddWithValue"))
                    {
                        if (method is IMethodSymbol { IsStatic: false, Parameters.Length: 2 } add
                            && add.Parameters[0].Type.SpecialType == SpecialType.System_String
                            && add.Parameters[1].Type.SpecialType == SpecialType.System_Object)
                        {
                            return true;
                        }
                    }
                }

                return false;
            }
        }

        return false;
    }
}

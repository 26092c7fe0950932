using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4007: a string literal that lands under a credential name (see <see cref="CredentialNames"/>): the initializer
/// of a local, field, property or parameter default; the value of an assignment (object and anonymous-object
/// initializers included) to a variable, field, property or a string-keyed indexer (<c>settings["ApiKey"] = "…"</c>);
/// an argument for a parameter with such a name (<c>new NetworkCredential("user", "…")</c>); the value next to a
/// constant key (<c>dictionary.Add("password", "…")</c>, <c>{ "password", "…" }</c>,
/// <c>SetEnvironmentVariable("DB_PASSWORD", "…")</c>); the returned value of a method or property with such a name.
/// Any string literal that is a connection string with a <c>Password=</c>/<c>Pwd=</c> value or a URL with
/// <c>user:password@</c> is reported too. Placeholders (see <see cref="CredentialValues"/>) are not reported.
/// Test code is skipped unless <c>codeguardian.CG4007.include_tests = true</c>. Messages show only
/// <see cref="Redaction"/> descriptions, never the value.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HardCodedCredentialAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the credential name the code fix turns into an environment variable name.</summary>
    public const string NameProperty = "CredentialName";

    /// <summary>Diagnostic property: "name" for a literal under a credential name, "embedded" for connection strings and URLs.</summary>
    public const string KindProperty = "Kind";

    public const string IncludeTestsOption = "include_tests";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardCodedCredential);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();

        // One callback per file, not one per literal operation: every literal of the compilation (numbers, null,
        // true…) reached the operation action, and the compiler charges each callback to the analyzer. String literals
        // are found by their quotes in the text; the syntactic filter below rejects almost all of them, and the
        // operation (from the operation tree the driver already built for the method) is asked for the rest only.
        context.RegisterSemanticModelAction(static file =>
        {
            var tree = file.SemanticModel.SyntaxTree;
            var root = tree.GetRoot(file.CancellationToken);
            IdentifierSearch.ForEachStringLiteral(
                root,
                tree.GetText(file.CancellationToken),
                file.FilterSpan ?? root.FullSpan,
                static (literal, file) => AnalyzeLiteral(file, literal),
                file,
                file.CancellationToken);
        });
    }

    private static void AnalyzeLiteral(SemanticModelAnalysisContext context, LiteralExpressionSyntax syntax)
    {
        // A string literal's value is read from its token: no constant value is asked for.
        if (syntax.Token.ValueText is not { Length: > 0 } value
            || !MayReport(syntax, value)
            || context.SemanticModel.GetOperation(syntax, context.CancellationToken) is not ILiteralOperation literal)
        {
            return;
        }

        var name = DestinationName(literal);
        var isCredentialName = name is not null && CredentialNames.IsCredentialName(name);
        if (isCredentialName && !CredentialValues.IsRealValue(value.AsSpan(), name.AsSpan(), hasName: true))
        {
            return;
        }

        string description;
        string kind;
        if (isCredentialName)
        {
            description = Redaction.Describe(value);
            kind = "name";
        }
        else if (EmbeddedCredential.Find(value, out var start, out var length, out var what))
        {
            description = Redaction.Describe(value, start, length);
            name = what;
            kind = "embedded";
        }
        else
        {
            return;
        }

        if (IsTestCode(context.Options, syntax.SyntaxTree))
        {
            return;
        }

        var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, name).Add(KindProperty, kind);
        context.Report(Descriptors.HardCodedCredential, syntax.GetLocation(), properties, name, description);
    }

    /// <summary>
    /// Whether the literal can be reported at all, from syntax alone (a superset of what the operation-based checks
    /// report): an embedded credential needs <c>;</c> and <c>=</c>, or <c>://</c> and <c>@</c>; a value under a name needs a
    /// destination whose name is a credential name — or one only the semantic model can name (arguments, indexers,
    /// collection initializers, attribute arguments).
    /// </summary>
    private static bool MayReport(LiteralExpressionSyntax literal, string value)
    {
        // Every string literal of the compilation gets here: one search rejects most of them as embedded credentials.
        // The value itself is judged (CredentialValues) only once a credential name is found for it: that check
        // costs more than finding the name.
        var chars = value.AsSpan();
        if (chars.IndexOfAny(';', ':') >= 0
            && ((chars.IndexOf(';') >= 0 && chars.IndexOf('=') >= 0) || (chars.IndexOf("://".AsSpan()) >= 0 && chars.IndexOf('@') >= 0)))
        {
            return true;
        }

        SyntaxNode child = literal;
        var parent = literal.Parent;
        // Conversions and parentheses (and '!', which has no operation) between the literal and its destination.
        while (parent is ParenthesizedExpressionSyntax or CastExpressionSyntax or CheckedExpressionSyntax
            || (parent is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AsExpression))
            || (parent is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case EqualsValueClauseSyntax equals:
                return equals.Parent switch
                {
                    VariableDeclaratorSyntax declarator => IsCredentialName(declarator.Identifier),
                    PropertyDeclarationSyntax property => IsCredentialName(property.Identifier),
                    ParameterSyntax parameter => IsCredentialName(parameter.Identifier),
                    _ => false,
                };
            case AssignmentExpressionSyntax assignment:
                return assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == child && MayNameCredential(assignment.Left);
            case AnonymousObjectMemberDeclaratorSyntax member:
                return member.NameEquals is null || IsCredentialName(member.NameEquals.Name.Identifier);
            case ArgumentSyntax or AttributeArgumentSyntax:
                return true;
            case InitializerExpressionSyntax initializer:
                return !initializer.IsKind(SyntaxKind.ArrayInitializerExpression);
            case ReturnStatementSyntax or ArrowExpressionClauseSyntax or YieldStatementSyntax:
                return MayReturnIntoCredentialName(parent);
            default:
                return false;
        }
    }

    private static bool IsCredentialName(SyntaxToken identifier) => CredentialNames.IsCredentialName(identifier.ValueText.AsSpan());

    /// <summary>The target of an assignment: a name or member access by its name; anything else (indexers…) for the semantic model.</summary>
    private static bool MayNameCredential(ExpressionSyntax target)
    {
        while (target is ParenthesizedExpressionSyntax parenthesized)
        {
            target = parenthesized.Expression;
        }

        return target switch
        {
            IdentifierNameSyntax identifier => IsCredentialName(identifier.Identifier),
            MemberAccessExpressionSyntax memberAccess => IsCredentialName(memberAccess.Name.Identifier),
            MemberBindingExpressionSyntax memberBinding => IsCredentialName(memberBinding.Name.Identifier),
            _ => true,
        };
    }

    /// <summary>A returned literal is named by its method, property or local function; never by a lambda's.</summary>
    private static bool MayReturnIntoCredentialName(SyntaxNode node)
    {
        for (var current = node.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case AnonymousFunctionExpressionSyntax:
                    return false;
                case LocalFunctionStatementSyntax local:
                    return IsCredentialName(local.Identifier);
                case MethodDeclarationSyntax method:
                    return IsCredentialName(method.Identifier);
                case PropertyDeclarationSyntax property:
                    return IsCredentialName(property.Identifier);
                case MemberDeclarationSyntax:
                    // Indexers, operators, constructors, events: for the semantic model to name.
                    return true;
            }
        }

        return true;
    }

    private static bool IsTestCode(AnalyzerOptions analyzerOptions, SyntaxTree tree)
    {
        var options = RuleOptions.For(analyzerOptions, tree);
        if (options.GetBool(RuleIdentifiers.HardCodedCredential, IncludeTestsOption, false))
        {
            return false;
        }

        if (options.TryGetBuildProperty("IsTestProject", out var isTestProject) && string.Equals(isTestProject, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        options.TryGetBuildProperty("ProjectDir", out var projectDirectory);
        var path = tree.FilePath;
        return !string.IsNullOrEmpty(path) && FileClassifier.IsTestFile(FileClassifier.RelativeTo(path, projectDirectory));
    }

    /// <summary>The name the literal is stored under, passed as, keyed by or returned from; null when none.</summary>
    private static string? DestinationName(IOperation literal)
    {
        var child = literal;
        var parent = literal.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        switch (parent)
        {
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                return declarator.Symbol.Name;
            case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                return field.InitializedFields[0].Name;
            case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                return property.InitializedProperties[0].Name;
            case IParameterInitializerOperation parameter:
                return parameter.Parameter.Name;
            case ISimpleAssignmentOperation assignment when assignment.Value == child:
                return TargetName(assignment.Target);
            case IArgumentOperation argument:
                return ArgumentName(argument);
            case IReturnOperation:
                return OwnerName(literal);
            default:
                return null;
        }
    }

    private static string? TargetName(IOperation target) => target switch
    {
        ILocalReferenceOperation local => local.Local.Name,
        IFieldReferenceOperation field => field.Field.Name,
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        IPropertyReferenceOperation { Arguments.Length: 1 } indexer when indexer.Property.IsIndexer => indexer.Arguments[0].Value.ConstantValue.Value as string,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };

    private static string? ArgumentName(IArgumentOperation argument)
    {
        if (argument.Parent is not IInvocationOperation and not IObjectCreationOperation)
        {
            return argument.Parameter?.Name;
        }

        var arguments = argument.Parent is IInvocationOperation invocation ? invocation.Arguments : ((IObjectCreationOperation)argument.Parent).Arguments;

        // Key/value shapes: Add("password", "…"), new KeyValuePair<string, string>("token", "…"), SetEnvironmentVariable("API_KEY", "…").
        if (CredentialNames.IsCredentialName(argument.Parameter?.Name))
        {
            return argument.Parameter!.Name;
        }

        if (argument.Parameter is { Ordinal: 1 } && arguments.Length >= 2 && SymbolFacts.ArgumentAt(arguments, 0)?.ConstantValue.Value is string key)
        {
            return key;
        }

        return argument.Parameter?.Name;
    }

    private static string? OwnerName(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation:
                    return null;
                case ILocalFunctionOperation local:
                    return local.Symbol.Name;
            }
        }

        return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) switch
        {
            IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
            IMethodSymbol method => method.Name,
            _ => null,
        };
    }
}

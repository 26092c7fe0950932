using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>
/// CG3004: <c>.Result</c>, <c>.Wait()</c> and <c>.GetAwaiter().GetResult()</c> on Task/ValueTask (also through
/// <c>ConfigureAwait</c>) inside an async method, lambda or local function. A task known to be complete is
/// fine: one passed to an earlier <c>await Task.WhenAll(…)</c> or awaited earlier in the same function, the
/// result of <c>await Task.WhenAny(…)</c>, or a use guarded by <c>t.IsCompleted</c>. Option
/// <c>codeguardian.CG3004.include_sync_contexts = true</c> also reports non-async code.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingOnAsyncAnalyzer : DiagnosticAnalyzer
{
    public const string IncludeSyncContextsOption = "include_sync_contexts";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.BlockingOnAsync);

    private static readonly IdentifierNames BlockingMembers = IdentifierNames.Of("Result", "Wait", "GetResult");

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var types = start.Compilation.State(TaskTypes.Resolve);
            start.RegisterSyntaxNodeActionAt(types, BlockingMembers, MemberAccessNamedBy, static (types, context) => Analyze(context, types));
        });
    }

    /// <summary><c>x.Name</c> for a found name token.</summary>
    private static SyntaxNode? MemberAccessNamedBy(SyntaxToken token) =>
        token.Parent is SimpleNameSyntax name && name.Parent is MemberAccessExpressionSyntax memberAccess
            && memberAccess.Name == name && memberAccess.IsKind(SyntaxKind.SimpleMemberAccessExpression)
            ? memberAccess
            : null;

    private static void Analyze(FoundNodeContext context, TaskTypes types)
    {
        var memberAccess = (MemberAccessExpressionSyntax)context.Node;
        var name = memberAccess.Name.Identifier.ValueText;
        ExpressionSyntax blocking;
        ExpressionSyntax task;
        string construct;
        switch (name)
        {
            case "Result" when memberAccess.Parent is not InvocationExpressionSyntax { Expression: var invoked } || invoked != memberAccess:
                (blocking, task, construct) = (memberAccess, memberAccess.Expression, ".Result");
                break;
            case "Wait" when memberAccess.Parent is InvocationExpressionSyntax waitCall && waitCall.Expression == memberAccess:
                (blocking, task, construct) = (waitCall, memberAccess.Expression, ".Wait()");
                break;
            case "GetResult" when memberAccess.Parent is InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } getResultCall
                && getResultCall.Expression == memberAccess
                && memberAccess.Expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "GetAwaiter" } getAwaiter, ArgumentList.Arguments.Count: 0 }:
                (blocking, task, construct) = (getResultCall, getAwaiter.Expression, ".GetAwaiter().GetResult()");
                break;
            default:
                return;
        }

        var function = AsyncContext.EnclosingFunction(memberAccess);
        if (!AsyncContext.IsAsync(function, context.CancellationToken)
            && !RuleOptions.For(context.Options, memberAccess.SyntaxTree).GetBool(RuleIdentifiers.BlockingOnAsync, IncludeSyncContextsOption, false))
        {
            return;
        }

        var taskType = context.SemanticModel.GetTypeInfo(task, context.CancellationToken).Type;
        var isTask = construct switch
        {
            ".Result" => types.HasResult(taskType),
            ".Wait()" => types.IsTask(taskType),
            _ => types.IsAwaitable(taskType),
        };
        if (!isTask || IsKnownComplete(task, memberAccess, function, context.CancellationToken))
        {
            return;
        }

        context.Report(Descriptors.BlockingOnAsync, blocking.GetLocation(), construct);
    }

    /// <summary>Whether the task is provably complete at <paramref name="use"/>; see the class summary.</summary>
    private static bool IsKnownComplete(ExpressionSyntax task, SyntaxNode use, SyntaxNode? function, CancellationToken cancellationToken)
    {
        var body = AsyncContext.BodyOf(function);
        if (body is null)
        {
            return false;
        }

        // t.Result, tasks[i].Result, or a foreach variable over a collection of tasks.
        var name = task switch
        {
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            ElementAccessExpressionSyntax { Expression: IdentifierNameSyntax collection } => collection.Identifier.ValueText,
            _ => null,
        };
        if (name is null)
        {
            return false;
        }

        if (IsGuardedByIsCompleted(name, use, function!))
        {
            return true;
        }

        var collectionName = ForEachCollectionOf(name, use, function!);
        var position = use.SpanStart;
        // Everything before the use in the function: long bodies make this a long walk, so it can be cancelled.
        var visited = 0;
        foreach (var node in body.DescendantNodes(n => n.SpanStart < position && !AsyncContext.IsFunctionBoundary(n)))
        {
            if ((++visited & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (node.Span.End > position)
            {
                continue;
            }

            if (node is AwaitExpressionSyntax awaitExpression)
            {
                var awaited = StripConfigureAwait(awaitExpression.Expression);
                if (awaited is IdentifierNameSyntax awaitedName && (awaitedName.Identifier.ValueText == name || awaitedName.Identifier.ValueText == collectionName))
                {
                    return true;
                }

                if (IsWhenAllOver(awaited, name) || (collectionName is not null && IsWhenAllOver(awaited, collectionName)))
                {
                    return true;
                }
            }
            else if (node is VariableDeclaratorSyntax { Initializer.Value: AwaitExpressionSyntax whenAny } declarator
                && declarator.Identifier.ValueText == name
                && StripConfigureAwait(whenAny.Expression) is InvocationExpressionSyntax whenAnyCall
                && InvokedName(whenAnyCall) == "WhenAny")
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWhenAllOver(ExpressionSyntax awaited, string name)
    {
        if (awaited is not InvocationExpressionSyntax call || InvokedName(call) != "WhenAll")
        {
            return false;
        }

        foreach (var node in call.ArgumentList.DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>if (t.IsCompleted) … t.Result</c> and <c>t.IsCompleted ? t.Result : …</c>.</summary>
    private static bool IsGuardedByIsCompleted(string name, SyntaxNode use, SyntaxNode function)
    {
        for (var node = use.Parent; node is not null && node != function; node = node.Parent)
        {
            var condition = node switch
            {
                IfStatementSyntax ifStatement when ifStatement.Statement.Span.Contains(use.Span) => ifStatement.Condition,
                ConditionalExpressionSyntax conditional when conditional.WhenTrue.Span.Contains(use.Span) => conditional.Condition,
                _ => null,
            };
            if (condition is null)
            {
                continue;
            }

            foreach (var part in condition.DescendantNodesAndSelf())
            {
                if (part is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax target, Name.Identifier.ValueText: "IsCompleted" or "IsCompletedSuccessfully" }
                    && target.Identifier.ValueText == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>For <c>foreach (var t in tasks)</c> enclosing the use, the collection's name when <paramref name="name"/> is <c>t</c>.</summary>
    private static string? ForEachCollectionOf(string name, SyntaxNode use, SyntaxNode function)
    {
        for (var node = use.Parent; node is not null && node != function; node = node.Parent)
        {
            if (node is ForEachStatementSyntax { Expression: IdentifierNameSyntax collection } forEach && forEach.Identifier.ValueText == name)
            {
                return collection.Identifier.ValueText;
            }
        }

        return null;
    }

    private static ExpressionSyntax StripConfigureAwait(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait" } configure }
            ? configure.Expression
            : expression;

    private static string? InvokedName(InvocationExpressionSyntax call) => call.Expression switch
    {
        MemberAccessExpressionSyntax memberAccess => memberAccess.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// Syntax-node analysis for nodes found by name (<see cref="IdentifierSearch"/>) instead of by kind: one callback per
/// file, and the analyzer's node action runs only on the nodes around a matching identifier, with a
/// <see cref="FoundNodeContext"/>: the node, the file's semantic model and options, and reports through the file's
/// context (so the driver's generated-code and suppression handling apply as for any node action). Operation actions
/// get the operation of the node the same way (<see cref="FoundOperationContext"/>).
/// </summary>
internal static class IdentifierActions
{
    /// <summary>
    /// Runs <paramref name="action"/> on <paramref name="nodeAt"/>(token) for every identifier token of a file that
    /// <paramref name="names"/> match, when the compilation's <paramref name="state"/> exists.
    /// </summary>
    public static void RegisterSyntaxNodeActionAt<T>(
        this CompilationStartAnalysisContext context,
        CompilationState<T> state,
        IdentifierNames names,
        Func<SyntaxToken, SyntaxNode?> nodeAt,
        Action<T, FoundNodeContext> action)
        where T : class =>
        context.RegisterFileSearch(state, names, nodeAt, (value, node, visit) => action(value, new FoundNodeContext(node, visit.File)));

    /// <summary>
    /// Runs <paramref name="action"/> on the operation of <paramref name="nodeAt"/>(token) for every identifier token of
    /// a file that <paramref name="names"/> match, when it is of <paramref name="kind"/> (code that does not bind gives
    /// an invalid operation instead) and the compilation's <paramref name="state"/> exists.
    /// </summary>
    public static void RegisterOperationActionAt<T>(
        this CompilationStartAnalysisContext context,
        CompilationState<T> state,
        IdentifierNames names,
        Func<SyntaxToken, SyntaxNode?> nodeAt,
        OperationKind kind,
        Action<T, FoundOperationContext> action)
        where T : class =>
        context.RegisterFileSearch(
            state,
            names,
            nodeAt,
            (value, node, visit) =>
            {
                var file = visit.File;
                if (file.SemanticModel.GetOperation(node, file.CancellationToken) is { } operation && operation.Kind == kind)
                {
                    action(value, new FoundOperationContext(operation, file.SemanticModel.Compilation, file.Options, visit.Reporter, file.CancellationToken));
                }
            });

    private static void RegisterFileSearch<T>(
        this CompilationStartAnalysisContext context,
        CompilationState<T> state,
        IdentifierNames names,
        Func<SyntaxToken, SyntaxNode?> nodeAt,
        Action<T, SyntaxNode, FileVisit<T>> action)
        where T : class =>
        context.RegisterSemanticModelAction(file =>
        {
            var tree = file.SemanticModel.SyntaxTree;
            var root = tree.GetRoot(file.CancellationToken);
            var visit = new FileVisit<T>(file, state, nodeAt, action);
            IdentifierSearch.ForEach(
                root,
                tree.GetText(file.CancellationToken),
                file.FilterSpan ?? root.FullSpan,
                names,
                static (token, visit) => visit.Visit(token),
                visit,
                file.CancellationToken);
        });

    /// <summary>
    /// Runs <paramref name="action"/> on each node whose token contains one of <paramref name="words"/> (ASCII, any
    /// case; see <see cref="IdentifierSearch.NodesOfTokensContaining"/>), when the compilation's <paramref name="state"/>
    /// exists: a syntax-tree action, for rules that need no semantic model.
    /// </summary>
    public static void RegisterSyntaxTreeSearch<T>(
        this CompilationStartAnalysisContext context,
        CompilationState<T> state,
        string[] words,
        Func<SyntaxToken, SyntaxNode?> nodeAt,
        Action<T, FoundSyntaxContext> action)
        where T : class =>
        context.RegisterSyntaxTreeAction(file =>
        {
            if (FindNodes(file, words, nodeAt) is { } nodes && state.Value is { } value)
            {
                foreach (var node in nodes)
                {
                    action(value, new FoundSyntaxContext(node, file));
                }
            }
        });

    /// <summary>The same without compilation state.</summary>
    public static void RegisterSyntaxTreeSearch(this AnalysisContext context, string[] words, Func<SyntaxToken, SyntaxNode?> nodeAt, Action<FoundSyntaxContext> action) =>
        context.RegisterSyntaxTreeAction(file =>
        {
            if (FindNodes(file, words, nodeAt) is { } nodes)
            {
                foreach (var node in nodes)
                {
                    action(new FoundSyntaxContext(node, file));
                }
            }
        });

    private static List<SyntaxNode>? FindNodes(SyntaxTreeAnalysisContext file, string[] words, Func<SyntaxToken, SyntaxNode?> nodeAt)
    {
        var root = file.Tree.GetRoot(file.CancellationToken);
        return IdentifierSearch.NodesOfTokensContaining(root, file.Tree.GetText(file.CancellationToken), file.FilterSpan ?? root.FullSpan, words, nodeAt, file.CancellationToken);
    }

    /// <summary>The invocation whose invoked name is <paramref name="token"/> (<c>M()</c>, <c>x.M()</c>, <c>x?.M()</c>, <c>M&lt;T&gt;()</c>).</summary>
    public static SyntaxNode? InvocationNamedBy(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        SyntaxNode invoked = name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };
        return invoked.Parent is InvocationExpressionSyntax invocation && invocation.Expression == invoked ? invocation : null;
    }

    /// <summary>
    /// The expression a found name token refers through: <c>x.Name</c>, <c>x?.Name</c> (the member binding), or the name
    /// itself (<c>Name</c> in scope, an object initializer's <c>Name = …</c>).
    /// </summary>
    public static SyntaxNode? ReferenceNamedBy(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        return name.Parent switch
        {
            MemberAccessExpressionSyntax memberAccess when memberAccess.Name == name => memberAccess,
            MemberBindingExpressionSyntax memberBinding when memberBinding.Name == name => memberBinding,
            _ => name,
        };
    }

    /// <summary>The simple assignment whose target a found name token names (<c>x.Name = …</c>, <c>Name = …</c> in an initializer).</summary>
    public static SyntaxNode? AssignmentTo(SyntaxToken token) =>
        ReferenceNamedBy(token) is { Parent: AssignmentExpressionSyntax assignment } target
            && assignment.Left == target && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
            ? assignment
            : null;

    /// <summary>
    /// The simple assignment a found token is part of, target or value (<c>x.Setting = Kind.All</c> found by either name);
    /// the search stops at the statement, member or function around the token.
    /// </summary>
    public static SyntaxNode? AssignmentAround(SyntaxToken token)
    {
        for (var node = token.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    return assignment;
                case StatementSyntax or MemberDeclarationSyntax or AnonymousFunctionExpressionSyntax or AttributeSyntax:
                    return null;
            }
        }

        return null;
    }

    /// <summary>One file's matches.</summary>
    private sealed class FileVisit<T>
        where T : class
    {
        private readonly SemanticModelAnalysisContext _file;
        private readonly CompilationState<T> _state;
        private readonly Func<SyntaxToken, SyntaxNode?> _nodeAt;
        private readonly Action<T, SyntaxNode, FileVisit<T>> _action;
        private SyntaxNode? _first;
        private Action<Diagnostic>? _reporter;
        private HashSet<SyntaxNode>? _seen;

        public FileVisit(SemanticModelAnalysisContext file, CompilationState<T> state, Func<SyntaxToken, SyntaxNode?> nodeAt, Action<T, SyntaxNode, FileVisit<T>> action)
        {
            _file = file;
            _state = state;
            _nodeAt = nodeAt;
            _action = action;
        }

        public void Visit(SyntaxToken token)
        {
            if (_nodeAt(token) is not { } node || !FirstVisit(node) || _state.Value is not { } value)
            {
                return;
            }

            _action(value, node, this);
        }

        public SemanticModelAnalysisContext File => _file;

        /// <summary>The file's report method as a delegate, made once per file rather than per finding.</summary>
        public Action<Diagnostic> Reporter => _reporter ??= _file.ReportDiagnostic;

        /// <summary>Two names found in one node (an assignment's target and value) analyze it once.</summary>
        private bool FirstVisit(SyntaxNode node)
        {
            if (_first is null)
            {
                _first = node;
                return true;
            }

            if (_first == node)
            {
                return false;
            }

            _seen ??= new HashSet<SyntaxNode> { _first };
            return _seen.Add(node);
        }
    }
}

/// <summary>What a node action found by name gets: the node, the file's semantic model and options, a way to report.</summary>
internal readonly struct FoundNodeContext
{
    private readonly SemanticModelAnalysisContext _file;

    public FoundNodeContext(SyntaxNode node, SemanticModelAnalysisContext file)
    {
        Node = node;
        _file = file;
    }

    public SyntaxNode Node { get; }

    public SemanticModel SemanticModel => _file.SemanticModel;

    public AnalyzerOptions Options => _file.Options;

    public CancellationToken CancellationToken => _file.CancellationToken;

    /// <summary>Reports with the severity the environment preset gives the rule (see <see cref="DiagnosticFactory"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        _file.Report(descriptor, location, messageArgs);
}

/// <summary>
/// What an operation action found by name gets: the operation, the compilation and options, a way to report. Rules
/// that also keep ordinary operation actions (creations) make one from their <see cref="OperationAnalysisContext"/>
/// (<see cref="Of"/>) once a sink is found, so both paths share one check.
/// </summary>
internal readonly struct FoundOperationContext
{
    private readonly Action<Diagnostic> _report;

    public FoundOperationContext(IOperation operation, Compilation compilation, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Operation = operation;
        Compilation = compilation;
        Options = options;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public IOperation Operation { get; }

    public Compilation Compilation { get; }

    public AnalyzerOptions Options { get; }

    public CancellationToken CancellationToken { get; }

    /// <summary>The context of an ordinary operation action (allocates the report delegate: call it at a finding, not per callback).</summary>
    public static FoundOperationContext Of(OperationAnalysisContext context) =>
        new(context.Operation, context.Compilation, context.Options, context.ReportDiagnostic, context.CancellationToken);

    /// <summary>Reports with the severity the environment preset gives the rule (see <see cref="DiagnosticFactory"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        Report(descriptor, location, null, messageArgs);

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?>? properties, params object?[] messageArgs)
    {
        if (DiagnosticFactory.Create(descriptor, location, Options, properties, messageArgs) is { } diagnostic)
        {
            _report(diagnostic);
        }
    }
}

/// <summary>What a node action found by a syntax-tree search gets: the node, the file's options, a way to report.</summary>
internal readonly struct FoundSyntaxContext
{
    private readonly SyntaxTreeAnalysisContext _file;

    public FoundSyntaxContext(SyntaxNode node, SyntaxTreeAnalysisContext file)
    {
        Node = node;
        _file = file;
    }

    public SyntaxNode Node { get; }

    public AnalyzerOptions Options => _file.Options;

    public CancellationToken CancellationToken => _file.CancellationToken;

    /// <summary>Reports with the severity the environment preset gives the rule (see <see cref="DiagnosticFactory"/>).</summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        _file.Report(descriptor, location, messageArgs);
}

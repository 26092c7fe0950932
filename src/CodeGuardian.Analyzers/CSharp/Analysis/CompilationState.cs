using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Performance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// What an analyzer knows about one compilation (the symbols it compares against), built by the first callback that
/// needs it rather than in the compilation-start action. The first symbol lookup of a compilation waits until the
/// compiler has bound every reference — a few hundred milliseconds of the compiler's own work in a real build, which
/// the compiler's analyzer report charges to whichever analyzer asked first. By the time a syntax-node or operation
/// callback runs, the references are bound and a lookup takes microseconds. Still built once per compilation.
/// </summary>
internal sealed class CompilationState<T>
    where T : class
{
    private readonly object _gate = new();
    private Compilation? _compilation;
    private Func<Compilation, T?>? _create;
    private T? _value;
    private volatile bool _created;

    public CompilationState(Compilation compilation, Func<Compilation, T?> create)
    {
        _compilation = compilation;
        _create = create;
    }

    /// <summary>The state, or null when the compilation lacks what the analyzer looks for (the callback then returns).</summary>
    public T? Value => _created ? _value : Create();

    private T? Create()
    {
        lock (_gate)
        {
            if (!_created)
            {
                _value = _create!(_compilation!);
                _compilation = null;
                _create = null;
                _created = true;
            }
        }

        return _value;
    }
}

/// <summary>
/// Registration of callbacks that run only when the compilation's <see cref="CompilationState{T}"/> exists. The
/// wrappers run for every node or operation of their kinds: they are compiled optimized on first call (see
/// <see cref="HotPath"/>), since a build rarely lets the runtime recompile them.
/// </summary>
internal static class CompilationStateActions
{
    /// <summary>State of <paramref name="compilation"/>, created by the first callback that reads it.</summary>
    public static CompilationState<T> State<T>(this Compilation compilation, Func<Compilation, T?> create)
        where T : class =>
        new(compilation, create);

    public static void RegisterOperationAction<T>(this CompilationStartAnalysisContext context, CompilationState<T> state, Action<T, OperationAnalysisContext> action, params OperationKind[] kinds)
        where T : class =>
        context.RegisterOperationAction(
            [MethodImpl(HotPath.Optimize)] (operation) =>
            {
                if (state.Value is { } value)
                {
                    action(value, operation);
                }
            },
            kinds);

    public static void RegisterSyntaxNodeAction<T>(this CompilationStartAnalysisContext context, CompilationState<T> state, Action<T, SyntaxNodeAnalysisContext> action, params Microsoft.CodeAnalysis.CSharp.SyntaxKind[] kinds)
        where T : class =>
        context.RegisterSyntaxNodeAction(
            [MethodImpl(HotPath.Optimize)] (node) =>
            {
                if (state.Value is { } value)
                {
                    action(value, node);
                }
            },
            kinds);

    public static void RegisterSymbolAction<T>(this CompilationStartAnalysisContext context, CompilationState<T> state, Action<T, SymbolAnalysisContext> action, params SymbolKind[] kinds)
        where T : class =>
        context.RegisterSymbolAction(
            [MethodImpl(HotPath.Optimize)] (symbol) =>
            {
                if (state.Value is { } value)
                {
                    action(value, symbol);
                }
            },
            kinds);

    public static void RegisterOperationBlockStartAction<T>(this CompilationStartAnalysisContext context, CompilationState<T> state, Action<T, OperationBlockStartAnalysisContext> action)
        where T : class =>
        context.RegisterOperationBlockStartAction(
            [MethodImpl(HotPath.Optimize)] (block) =>
            {
                if (state.Value is { } value)
                {
                    action(value, block);
                }
            });
}

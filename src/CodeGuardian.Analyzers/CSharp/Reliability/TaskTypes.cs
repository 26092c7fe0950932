using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.CSharp.Reliability;

/// <summary>Task-like types resolved once per compilation; null from <see cref="Resolve"/> when Task is absent.</summary>
internal sealed class TaskTypes
{
    private TaskTypes(Compilation compilation, INamedTypeSymbol task)
    {
        Task = task;
        TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        ValueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        ConfiguredTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable");
        ConfiguredTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredTaskAwaitable`1");
        ConfiguredValueTaskAwaitable = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable");
        ConfiguredValueTaskAwaitableOfT = compilation.GetTypeByMetadataName("System.Runtime.CompilerServices.ConfiguredValueTaskAwaitable`1");
    }

    public INamedTypeSymbol Task { get; }

    public INamedTypeSymbol? TaskOfT { get; }

    public INamedTypeSymbol? ValueTask { get; }

    public INamedTypeSymbol? ValueTaskOfT { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredTaskAwaitableOfT { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitable { get; }

    public INamedTypeSymbol? ConfiguredValueTaskAwaitableOfT { get; }

    public static TaskTypes? Resolve(Compilation compilation) =>
        compilation.GetTypeByMetadataName("System.Threading.Tasks.Task") is { } task ? new TaskTypes(compilation, task) : null;

    /// <summary>Task, Task&lt;T&gt; or a type derived from them.</summary>
    public bool IsTask(ITypeSymbol? type)
    {
        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (Is(current, Task) || Is(current, TaskOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Task&lt;T&gt; (or derived) or ValueTask&lt;T&gt;: the types with a blocking <c>Result</c>.</summary>
    public bool HasResult(ITypeSymbol? type)
    {
        if (type is INamedTypeSymbol named && Is(named, ValueTaskOfT))
        {
            return true;
        }

        for (var current = type as INamedTypeSymbol; current is not null; current = current.BaseType)
        {
            if (Is(current, TaskOfT))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Any Task/ValueTask or their ConfigureAwait wrappers: what <c>GetAwaiter().GetResult()</c> blocks on.</summary>
    public bool IsAwaitable(ITypeSymbol? type) =>
        IsTask(type)
        || (type is INamedTypeSymbol named
            && (Is(named, ValueTask) || Is(named, ValueTaskOfT)
                || Is(named, ConfiguredTaskAwaitable) || Is(named, ConfiguredTaskAwaitableOfT)
                || Is(named, ConfiguredValueTaskAwaitable) || Is(named, ConfiguredValueTaskAwaitableOfT)));

    private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? expected) =>
        expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}

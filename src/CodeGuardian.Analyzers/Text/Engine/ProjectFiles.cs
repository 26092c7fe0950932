using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// All AdditionalFiles of the compilation by normalized path, for rules that need another file than the one
/// they scan (dependency manifests, tsconfig paths, local Python modules). Built once per compilation;
/// parsed artifacts are cached with <see cref="GetOrAdd{T}"/> so each manifest is parsed once, whichever file asks.
/// </summary>
public sealed class ProjectFiles
{
    public static readonly ProjectFiles Empty = new(ImmutableArray<AdditionalText>.Empty);

    private readonly Dictionary<string, AdditionalText> _byPath;
    private readonly ConcurrentDictionary<(string Key, Type Type), object?> _cache = new();

    public ProjectFiles(ImmutableArray<AdditionalText> files)
    {
        _byPath = new Dictionary<string, AdditionalText>(StringComparer.OrdinalIgnoreCase);
        var paths = ImmutableArray.CreateBuilder<string>(files.Length);
        foreach (var file in files)
        {
            var normalized = Normalize(file.Path);
            if (!_byPath.ContainsKey(normalized))
            {
                _byPath.Add(normalized, file);
                paths.Add(normalized);
            }
        }

        Paths = paths.ToImmutable();
    }

    /// <summary>Every AdditionalFile path, normalized with '/'.</summary>
    public ImmutableArray<string> Paths { get; }

    public static string Normalize(string path) => path.Replace('\\', '/');

    public bool Contains(string path) => _byPath.ContainsKey(Normalize(path));

    public SourceText? GetText(string path, CancellationToken cancellationToken) =>
        _byPath.TryGetValue(Normalize(path), out var file) ? file.GetText(cancellationToken) : null;

    /// <summary>
    /// A value derived from a file (or any key), computed once per compilation. <paramref name="factory"/> must not
    /// throw; it may run twice under a race, and one result wins.
    /// </summary>
    public T GetOrAdd<T>(string key, Func<string, T> factory)
        where T : class?
        => _cache.TryGetValue((key, typeof(T)), out var cached) ? (T)cached! : (T)_cache.GetOrAdd((key, typeof(T)), k => factory(k.Key))!;

    /// <summary>
    /// <see cref="GetOrAdd{T}"/> with the factory's inputs passed as <paramref name="state"/>: with a static
    /// <paramref name="factory"/>, asking for an existing value allocates nothing (no closure per call). Values are
    /// keyed by key and type, so a value of a type of its own needs no prefix in its key.
    /// </summary>
    public T GetOrAdd<T, TState>(string key, TState state, Func<string, TState, T> factory)
        where T : class?
    {
        if (_cache.TryGetValue((key, typeof(T)), out var cached))
        {
            return (T)cached!;
        }

        var created = factory(key, state);
        return (T)_cache.GetOrAdd((key, typeof(T)), created)!;
    }

    /// <summary>
    /// <see cref="GetOrAdd{T}"/> for values computed from the project files alone: with a static
    /// <paramref name="derive"/>, asking for an existing value allocates nothing (rules ask once per scanned file).
    /// </summary>
    public T Derived<T>(string key, Func<ProjectFiles, T> derive)
        where T : class?
        => GetOrAdd(key, (Files: this, Derive: derive), static (_, state) => state.Derive(state.Files));

    /// <summary>
    /// A value parsed from the text of the project file at <paramref name="path"/> (empty when it cannot be read), once
    /// per compilation and value type: manifests and configuration files that every scanned file under them asks for.
    /// With a static <paramref name="parse"/> (given the path and the text), asking again allocates nothing.
    /// </summary>
    public T Parsed<T>(string path, Func<string, string, T> parse, CancellationToken cancellationToken)
        where T : class?
        => GetOrAdd(path, (Files: this, Parse: parse, CancellationToken: cancellationToken), static (key, state) =>
            state.Parse(key, state.Files.GetText(key, state.CancellationToken)?.ToString() ?? string.Empty));
}

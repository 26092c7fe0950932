using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// What a package.json declares: <c>dependencies</c>, <c>devDependencies</c>, <c>peerDependencies</c>,
/// <c>optionalDependencies</c> (and <c>bundledDependencies</c>), plus its own <c>name</c> (self-reference imports).
/// And what a tsconfig.json/jsconfig.json aliases: <c>compilerOptions.paths</c> patterns and <c>baseUrl</c>.
/// </summary>
public sealed class NodeManifest
{
    private static readonly string[] DependencySections = { "dependencies", "devDependencies", "peerDependencies", "optionalDependencies" };

    private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal)
    {
        "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel",
        "dns", "domain", "events", "fs", "http", "http2", "https", "inspector", "module", "net", "os", "path", "perf_hooks", "process",
        "punycode", "querystring", "readline", "repl", "stream", "string_decoder", "sys", "timers", "tls", "trace_events", "tty", "url",
        "util", "v8", "vm", "wasi", "worker_threads", "zlib", "test", "sea", "sqlite",
    };

    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);

    private NodeManifest()
    {
    }

    public static bool IsBuiltin(string name) => Builtins.Contains(name);

    public bool Declares(string package) => _declared.Contains(package);

    public static NodeManifest Load(ProjectFiles files, string path, CancellationToken cancellationToken) =>
        files.Parsed(path, static (_, text) => Parse(text), cancellationToken);

    internal static NodeManifest Parse(string text)
    {
        var manifest = new NodeManifest();
        var root = TolerantJson.Parse(text);
        foreach (var section in DependencySections)
        {
            if (TolerantJson.ObjectAt(root, section) is { } dependencies)
            {
                foreach (var name in dependencies.Keys)
                {
                    manifest._declared.Add(name);
                }
            }
        }

        foreach (var key in new[] { "bundledDependencies", "bundleDependencies" })
        {
            if (root is Dictionary<string, object?> map && map.TryGetValue(key, out var list) && list is List<object?> names)
            {
                foreach (var name in names)
                {
                    if (name is string s)
                    {
                        manifest._declared.Add(s);
                    }
                }
            }
        }

        if (TolerantJson.StringAt(root, "name") is { Length: > 0 } own)
        {
            manifest._declared.Add(own);
        }

        return manifest;
    }
}

/// <summary>tsconfig/jsconfig aliases: <c>paths</c> keys (<c>@app/*</c>, <c>~/*</c>, exact names) and the <c>baseUrl</c> folder.</summary>
public sealed class TsConfigAliases
{
    private readonly List<string> _exact = new();
    private readonly List<string> _prefixes = new();

    private TsConfigAliases()
    {
    }

    /// <summary>The folder non-relative imports also resolve against (normalized, no trailing '/'), or null.</summary>
    public string? BaseUrlDirectory { get; private set; }

    public static TsConfigAliases Load(ProjectFiles files, string path, CancellationToken cancellationToken) =>
        files.Parsed(path, static (path, text) => Parse(text, ProjectDirectories.DirectoryOf(path)), cancellationToken);

    internal static TsConfigAliases Parse(string text, string directory)
    {
        var aliases = new TsConfigAliases();
        var options = TolerantJson.ObjectAt(TolerantJson.Parse(text), "compilerOptions");
        if (options is null)
        {
            return aliases;
        }

        if (TolerantJson.ObjectAt(options, "paths") is { } paths)
        {
            foreach (var key in paths.Keys)
            {
                var star = key.IndexOf('*');
                if (star < 0)
                {
                    aliases._exact.Add(key);
                }
                else
                {
                    aliases._prefixes.Add(key.Substring(0, star));
                }
            }
        }

        if (TolerantJson.StringAt(options, "baseUrl") is { } baseUrl)
        {
            aliases.BaseUrlDirectory = Combine(directory, baseUrl);
        }

        return aliases;
    }

    public bool Matches(string specifier)
    {
        foreach (var exact in _exact)
        {
            if (exact == specifier)
            {
                return true;
            }
        }

        foreach (var prefix in _prefixes)
        {
            if (specifier.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Combine(string directory, string relative)
    {
        var parts = new List<string>(directory.Split('/'));
        foreach (var part in relative.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 1)
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else if (part != "..")
            {
                parts.Add(part);
            }
        }

        return string.Join("/", parts);
    }
}

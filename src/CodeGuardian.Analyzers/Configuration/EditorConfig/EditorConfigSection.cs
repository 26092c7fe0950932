using System;
using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Configuration.EditorConfig;

/// <summary>A <c>[glob]</c> section and the severity keys it sets.</summary>
public sealed class EditorConfigSection
{
    private readonly GlobPattern? _glob;

    public EditorConfigSection(string name, string directory)
    {
        Name = name;
        _glob = GlobPattern.TryCreate(name);
        Directory = directory;
    }

    public string Name { get; }

    public string Directory { get; }

    public Dictionary<string, string> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether the section applies to <paramref name="normalizedPath"/> (an absolute '/' path under <see cref="Directory"/>).</summary>
    public bool Matches(string normalizedPath)
    {
        if (_glob is null || !normalizedPath.StartsWith(Directory, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var relative = normalizedPath.Substring(Directory.Length);
        return _glob.IsMatch(relative);
    }
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// The AdditionalFiles of a compilation by folder (built once per compilation through <see cref="ProjectFiles.GetOrAdd{T}"/>),
/// and the walk from a file up through its folders that finds the nearest manifest.
/// </summary>
public sealed class ProjectDirectories
{
    private readonly Dictionary<string, List<string>> _filesByDirectory = new(StringComparer.OrdinalIgnoreCase);

    // Answers of FindNearest by starting folder and manifest test: every file of a folder asks the same question, and
    // the walk looks at every file of each folder on the way up, so without this a folder of n files costs n².
    private readonly ConcurrentDictionary<(string Directory, Func<string, bool> IsManifest), (string Directory, List<string> Manifests)?> _nearest = new();

    private ProjectDirectories(ProjectFiles files)
    {
        foreach (var path in files.Paths)
        {
            var directory = DirectoryOf(path);
            if (!_filesByDirectory.TryGetValue(directory, out var names))
            {
                names = new List<string>();
                _filesByDirectory.Add(directory, names);
            }

            names.Add(path);
        }
    }

    public static ProjectDirectories For(ProjectFiles files) => files.Derived("codeguardian:directories", static files => new ProjectDirectories(files));

    /// <summary>The files directly in <paramref name="directory"/> (normalized paths).</summary>
    public IReadOnlyList<string> FilesIn(string directory) =>
        _filesByDirectory.TryGetValue(directory, out var names) ? names : (IReadOnlyList<string>)Array.Empty<string>();

    public IEnumerable<string> Directories => _filesByDirectory.Keys;

    /// <summary>"/a/b/c.js" → "/a/b"; "c.js" → "".</summary>
    public static string DirectoryOf(string path)
    {
        var slash = path.LastIndexOf('/');
        return slash < 0 ? string.Empty : path.Substring(0, slash);
    }

    public static string FileNameOf(string path) => path.Substring(path.LastIndexOf('/') + 1);

    /// <summary>
    /// Walks from the file's folder up to the root and returns the first folder whose files satisfy
    /// <paramref name="isManifest"/>, with those files (shared: do not modify); null when no folder has one.
    /// Remembered per folder and <paramref name="isManifest"/> (pass a static lambda or method).
    /// </summary>
    public (string Directory, List<string> Manifests)? FindNearest(string filePath, Func<string, bool> isManifest)
    {
        var start = DirectoryOf(ProjectFiles.Normalize(filePath));
        var key = (start, isManifest);
        if (_nearest.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = Walk(start, isManifest);
        _nearest.TryAdd(key, found);
        return found;
    }

    private (string Directory, List<string> Manifests)? Walk(string directory, Func<string, bool> isManifest)
    {
        while (true)
        {
            List<string>? found = null;
            foreach (var path in FilesIn(directory))
            {
                if (isManifest(FileNameOf(path)))
                {
                    (found ??= new List<string>()).Add(path);
                }
            }

            if (found is not null)
            {
                found.Sort(StringComparer.Ordinal);
                return (directory, found);
            }

            if (directory.Length == 0)
            {
                return null;
            }

            directory = DirectoryOf(directory);
        }
    }

    /// <summary>How the manifest is named in messages: its path relative to the scanned file's folder.</summary>
    public static string RelativeName(string filePath, string manifestPath)
    {
        var from = DirectoryOf(ProjectFiles.Normalize(filePath));
        var to = DirectoryOf(manifestPath);
        var ups = 0;
        while (!to.Equals(from, StringComparison.OrdinalIgnoreCase) && from.Length > 0)
        {
            from = DirectoryOf(from);
            ups++;
        }

        var prefix = string.Empty;
        for (var i = 0; i < ups; i++)
        {
            prefix += "../";
        }

        return prefix + FileNameOf(manifestPath);
    }
}

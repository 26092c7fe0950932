using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration.EditorConfig;

/// <summary>
/// The <c>.editorconfig</c> files of a compilation (the package passes them as AdditionalFiles), parsed once per
/// compilation, answering "which severity does the user's configuration give rule X in file F" with the
/// compiler's precedence: closer files win, later sections in a file win, a <c>root = true</c> file stops the walk.
/// </summary>
public sealed class EditorConfigSet
{
    public static readonly EditorConfigSet Empty = new(new List<EditorConfigFile>());

    private readonly List<EditorConfigFile> _files;

    private EditorConfigSet(List<EditorConfigFile> files)
    {
        // Deepest folder last, so walking from the end visits the closest file first.
        files.Sort((a, b) => a.Directory.Length.CompareTo(b.Directory.Length));
        _files = files;
    }

    public bool IsEmpty => _files.Count == 0;

    public static EditorConfigSet From(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        List<EditorConfigFile>? files = null;
        foreach (var file in options.AdditionalFiles)
        {
            if (!IsEditorConfig(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is null)
            {
                continue;
            }

            (files ??= new List<EditorConfigFile>()).Add(EditorConfigFile.Parse(file.Path, text));
        }

        return files is null ? Empty : new EditorConfigSet(files);
    }

    public static bool IsEditorConfig(string path) =>
        path.EndsWith(".editorconfig", StringComparison.OrdinalIgnoreCase)
        && (path.Length == ".editorconfig".Length || path[path.Length - ".editorconfig".Length - 1] is '/' or '\\');

    /// <summary>The severity keys that apply to <paramref name="path"/>, or null when none do.</summary>
    public Dictionary<string, string>? GetSeverityKeys(string path)
    {
        if (_files.Count == 0)
        {
            return null;
        }

        var normalized = path.Replace('\\', '/');

        // Collect applicable files from closest to farthest, stopping after a root file.
        var applicable = new List<EditorConfigFile>();
        for (var i = _files.Count - 1; i >= 0; i--)
        {
            var file = _files[i];
            if (normalized.StartsWith(file.Directory, StringComparison.OrdinalIgnoreCase))
            {
                applicable.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }
        }

        Dictionary<string, string>? result = null;
        for (var i = applicable.Count - 1; i >= 0; i--)
        {
            foreach (var section in applicable[i].Sections)
            {
                if (section.Properties.Count == 0 || !section.Matches(normalized))
                {
                    continue;
                }

                result ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var pair in section.Properties)
                {
                    result[pair.Key] = pair.Value;
                }
            }
        }

        return result;
    }
}

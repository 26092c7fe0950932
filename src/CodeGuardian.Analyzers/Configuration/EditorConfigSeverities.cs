using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Configuration;

/// <summary>
/// <c>dotnet_diagnostic.ID.severity</c> from the sections of <c>.editorconfig</c> files, for AdditionalFiles.
/// The compiler keeps those keys out of the options analyzers see and applies sections only to diagnostics in
/// C# files (dotnet/roslyn#31916), so the package passes the project's <c>.editorconfig</c> files as
/// AdditionalFiles and this class resolves them: nearest file wins, later sections win, <c>root = true</c> stops
/// the search, section globs follow the EditorConfig rules (<c>*</c>, <c>**</c>, <c>?</c>, <c>[…]</c>, <c>{a,b}</c>).
/// </summary>
public sealed class EditorConfigSeverities
{
    private const string SeverityPrefix = "dotnet_diagnostic.";
    private const string SeveritySuffix = ".severity";

    private static readonly ConditionalWeakTable<Compilation, EditorConfigSeverities> Cache = new();
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);
    private static readonly char[] KeyValueSeparators = { '=', ':' };
    private static readonly char[] CommentStarts = { '#', ';' };

    private readonly ImmutableArray<ConfigFile> _files;

    private EditorConfigSeverities(ImmutableArray<ConfigFile> files) => _files = files;

    /// <summary>
    /// The options of <paramref name="filePath"/> with the severity keys of the matching .editorconfig sections
    /// added (they win over nothing else: the options never contain such keys for AdditionalFiles).
    /// </summary>
    public static AnalyzerConfigOptions Apply(
        AnalyzerConfigOptions options,
        string filePath,
        Compilation compilation,
        ImmutableArray<AdditionalText> additionalFiles,
        CancellationToken cancellationToken)
    {
        var index = Cache.GetValue(compilation, _ => FromAdditionalFiles(additionalFiles, cancellationToken));
        if (index._files.IsEmpty)
        {
            return options;
        }

        var severities = index.Resolve(filePath);
        return severities.Count == 0 ? options : new OverlayOptions(options, severities);
    }

    public static EditorConfigSeverities FromAdditionalFiles(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var configs = new List<(string Path, string Text)>();
        foreach (var file in additionalFiles)
        {
            if (!IsEditorConfig(file.Path))
            {
                continue;
            }

            var text = file.GetText(cancellationToken);
            if (text is not null)
            {
                configs.Add((file.Path, text.ToString()));
            }
        }

        return Parse(configs);
    }

    /// <summary>Parses .editorconfig files given as (full path, content).</summary>
    public static EditorConfigSeverities Parse(IEnumerable<(string Path, string Text)> configs)
    {
        var files = new List<ConfigFile>();
        foreach (var (path, text) in configs)
        {
            var normalized = Normalize(path);
            var slash = normalized.LastIndexOf('/');
            files.Add(ParseFile(slash < 0 ? string.Empty : normalized.Substring(0, slash), text));
        }

        // Farthest directory first, so nearer files override.
        files.Sort((a, b) => a.Directory.Length.CompareTo(b.Directory.Length));
        return new EditorConfigSeverities(files.ToImmutableArray());
    }

    /// <summary>The severity keys (<c>dotnet_diagnostic.ID.severity</c> → value) that apply to <paramref name="filePath"/>.</summary>
    public IReadOnlyDictionary<string, string> Resolve(string filePath)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var path = Normalize(filePath);
        var start = 0;
        for (var i = 0; i < _files.Length; i++)
        {
            if (_files[i].IsRoot && IsUnder(path, _files[i].Directory))
            {
                start = i;
            }
        }

        for (var i = start; i < _files.Length; i++)
        {
            var file = _files[i];
            if (!IsUnder(path, file.Directory))
            {
                continue;
            }

            var relative = path.Substring(file.Directory.Length + 1);
            foreach (var section in file.Sections)
            {
                if (section.Matches(relative))
                {
                    foreach (var pair in section.Severities)
                    {
                        result[pair.Key] = pair.Value;
                    }
                }
            }
        }

        return result;
    }

    private static bool IsEditorConfig(string path) =>
        path.EndsWith("/.editorconfig", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith("\\.editorconfig", StringComparison.OrdinalIgnoreCase)
        || path.Equals(".editorconfig", StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string path) => path.Replace('\\', '/');

    private static bool IsUnder(string path, string directory) =>
        path.Length > directory.Length + 1
        && path[directory.Length] == '/'
        && path.StartsWith(directory, StringComparison.Ordinal);

    private static ConfigFile ParseFile(string directory, string text)
    {
        var isRoot = false;
        var sections = new List<Section>();
        Section? current = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#' || line[0] == ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var close = line.LastIndexOf(']');
                current = close > 1 ? Section.Create(line.Substring(1, close - 1), MatchTimeout) : null;
                if (current is not null)
                {
                    sections.Add(current);
                }

                continue;
            }

            var separator = line.IndexOfAny(KeyValueSeparators);
            if (separator <= 0)
            {
                continue;
            }

            var key = line.Substring(0, separator).Trim();
            var value = line.Substring(separator + 1);
            var comment = value.IndexOfAny(CommentStarts);
            value = (comment >= 0 ? value.Substring(0, comment) : value).Trim();
            if (current is null)
            {
                isRoot |= key.Equals("root", StringComparison.OrdinalIgnoreCase) && value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }
            else if (key.StartsWith(SeverityPrefix, StringComparison.OrdinalIgnoreCase) && key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase))
            {
                current.Severities[key] = value;
            }
        }

        return new ConfigFile(directory, isRoot, sections.ToImmutableArray());
    }

    private sealed class ConfigFile
    {
        public ConfigFile(string directory, bool isRoot, ImmutableArray<Section> sections)
        {
            Directory = directory;
            IsRoot = isRoot;
            Sections = sections;
        }

        public string Directory { get; }

        public bool IsRoot { get; }

        public ImmutableArray<Section> Sections { get; }
    }

    private sealed class Section
    {
        private readonly Regex? _pattern;

        private Section(Regex? pattern) => _pattern = pattern;

        public Dictionary<string, string> Severities { get; } = new(StringComparer.OrdinalIgnoreCase);

        public static Section Create(string glob, TimeSpan timeout)
        {
            // A name without '/' matches the file name at any depth; with '/', the path from the config's folder.
            var anchored = glob.IndexOf('/') >= 0;
            var body = GlobToRegex(glob.TrimStart('/'));
            if (body is null)
            {
                return new Section(null);
            }

            var pattern = "^" + (anchored ? string.Empty : "(?:.*/)?") + body + "$";
            return new Section(new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.Singleline, timeout));
        }

        public bool Matches(string relativePath)
        {
            if (_pattern is null)
            {
                return false;
            }

            try
            {
                return _pattern.IsMatch(relativePath);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }

        /// <summary>EditorConfig glob to regex body; null for a glob this reader does not understand (it then matches nothing).</summary>
        private static string? GlobToRegex(string glob)
        {
            var builder = new StringBuilder();
            var braceDepth = 0;
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                switch (c)
                {
                    case '*':
                        if (i + 1 < glob.Length && glob[i + 1] == '*')
                        {
                            builder.Append(".*");
                            i++;
                        }
                        else
                        {
                            builder.Append("[^/]*");
                        }

                        break;
                    case '?':
                        builder.Append("[^/]");
                        break;
                    case '[':
                        var close = glob.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            builder.Append("\\[");
                            break;
                        }

                        var negated = close > i + 1 && glob[i + 1] == '!';
                        var content = glob.Substring(negated ? i + 2 : i + 1, close - (negated ? i + 2 : i + 1));
                        builder.Append(negated ? "[^" : "[").Append(content.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                        i = close;
                        break;
                    case '{':
                        if (glob.IndexOf('}', i + 1) < 0)
                        {
                            builder.Append("\\{");
                            break;
                        }

                        braceDepth++;
                        builder.Append("(?:");
                        break;
                    case '}':
                        if (braceDepth == 0)
                        {
                            builder.Append("\\}");
                            break;
                        }

                        braceDepth--;
                        builder.Append(')');
                        break;
                    case ',':
                        builder.Append(braceDepth > 0 ? "|" : ",");
                        break;
                    case '\\':
                        if (i + 1 < glob.Length)
                        {
                            i++;
                            builder.Append(Regex.Escape(glob[i].ToString()));
                        }

                        break;
                    default:
                        builder.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return braceDepth == 0 ? builder.ToString() : null;
        }
    }

    /// <summary>The file's own options with the resolved severity keys on top.</summary>
    private sealed class OverlayOptions : AnalyzerConfigOptions
    {
        private readonly AnalyzerConfigOptions _inner;
        private readonly IReadOnlyDictionary<string, string> _severities;

        public OverlayOptions(AnalyzerConfigOptions inner, IReadOnlyDictionary<string, string> severities)
        {
            _inner = inner;
            _severities = severities;
        }

        public override bool TryGetValue(string key, out string value)
        {
            if (_severities.TryGetValue(key, out var severity))
            {
                value = severity;
                return true;
            }

            return _inner.TryGetValue(key, out value!);
        }
    }
}

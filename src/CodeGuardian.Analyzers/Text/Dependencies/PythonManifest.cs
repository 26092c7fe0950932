using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// The distributions (PEP 503-normalized) declared by one Python manifest: <c>requirements*.txt</c> (versions,
/// extras, environment markers, <c>-r</c>/<c>--requirement</c> includes, <c>-e …#egg=</c>, <c>name @ url</c>),
/// <c>pyproject.toml</c> (PEP 621 <c>dependencies</c>/<c>optional-dependencies</c>, PEP 735 groups, Poetry and other
/// tools' dependency tables, the project's own name), <c>setup.cfg</c> (<c>install_requires</c>, <c>extras_require</c>,
/// <c>tests_require</c>, own name) and <c>Pipfile</c> (<c>packages</c>, <c>dev-packages</c>). Each file is parsed once
/// per compilation.
/// </summary>
public static class PythonManifest
{
    private const int MaxIncludeDepth = 8;

    private static readonly char[] KeySeparators = { '=', ':' };

    public static bool IsManifest(string fileName) =>
        fileName.Equals("pyproject.toml", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("setup.cfg", StringComparison.OrdinalIgnoreCase)
        || fileName.Equals("Pipfile", StringComparison.OrdinalIgnoreCase)
        || (fileName.StartsWith("requirements", StringComparison.OrdinalIgnoreCase) && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));

    public static HashSet<string> Load(ProjectFiles files, string path, CancellationToken cancellationToken) =>
        files.GetOrAdd("py-manifest:" + path, _ => Parse(files, path, cancellationToken));

    /// <summary>
    /// The distributions declared by all the manifests of one folder (<paramref name="manifests"/>, found in
    /// <paramref name="directory"/>), united once per compilation: every Python file under the folder asks for them.
    /// </summary>
    public static HashSet<string> DeclaredIn(ProjectFiles files, string directory, List<string> manifests, CancellationToken cancellationToken) =>
        files.GetOrAdd(directory, (files, manifests, cancellationToken), static (_, state) =>
        {
            var declared = new HashSet<string>(StringComparer.Ordinal);
            foreach (var manifest in state.manifests)
            {
                declared.UnionWith(Load(state.files, manifest, state.cancellationToken));
            }

            return new FolderDeclarations(declared);
        }).Names;

    private static HashSet<string> Parse(ProjectFiles files, string path, CancellationToken cancellationToken)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var text = files.GetText(path, cancellationToken)?.ToString() ?? string.Empty;
        var name = ProjectDirectories.FileNameOf(path);
        if (name.Equals("setup.cfg", StringComparison.OrdinalIgnoreCase))
        {
            ParseSetupCfg(text, declared);
        }
        else if (name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase))
        {
            ParseRequirements(files, path, text, declared, new HashSet<string>(StringComparer.OrdinalIgnoreCase) { path }, 0, cancellationToken);
        }
        else
        {
            ParseToml(text, declared);
        }

        return declared;
    }

    internal static void ParseRequirements(ProjectFiles files, string path, string text, HashSet<string> declared, HashSet<string> visited, int depth, CancellationToken cancellationToken)
    {
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var comment = line.IndexOf(" #", StringComparison.Ordinal);
            if (comment >= 0)
            {
                line = line.Substring(0, comment).Trim();
            }

            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line[0] == '-')
            {
                var include = OptionValue(line, "-r") ?? OptionValue(line, "--requirement") ?? OptionValue(line, "-c") ?? OptionValue(line, "--constraint");
                if (include is not null && depth < MaxIncludeDepth)
                {
                    var included = ResolveRelative(ProjectDirectories.DirectoryOf(path), include);
                    if (visited.Add(included) && files.GetText(included, cancellationToken) is { } includedText)
                    {
                        ParseRequirements(files, included, includedText.ToString(), declared, visited, depth + 1, cancellationToken);
                    }

                    continue;
                }

                var egg = line.IndexOf("#egg=", StringComparison.Ordinal);
                if (egg >= 0)
                {
                    AddRequirement(line.Substring(egg + 5), declared);
                }

                continue;
            }

            AddRequirement(line, declared);
        }
    }

    /// <summary>The name at the start of a PEP 508 requirement: <c>Django[argon2]&gt;=4; python_version&gt;"3.8"</c> → django.</summary>
    internal static void AddRequirement(string requirement, HashSet<string> declared)
    {
        var end = 0;
        requirement = requirement.Trim();
        while (end < requirement.Length && (char.IsLetterOrDigit(requirement[end]) || requirement[end] is '-' or '_' or '.'))
        {
            end++;
        }

        if (end > 0 && requirement.IndexOf("://", StringComparison.Ordinal) is var scheme && (scheme < 0 || scheme > end))
        {
            declared.Add(PythonPackages.Normalize(requirement.Substring(0, end)));
        }
    }

    private static void ParseToml(string text, HashSet<string> declared)
    {
        foreach (var entry in TomlLite.Parse(text))
        {
            var table = entry.Table;
            if ((table == "project" || table == "tool.poetry") && entry.Key == "name")
            {
                foreach (var own in TomlLite.Strings(entry.Value))
                {
                    AddRequirement(own, declared);
                }

                continue;
            }

            var isDependencyTable = table.EndsWith("dependencies", StringComparison.OrdinalIgnoreCase)
                || table.EndsWith("packages", StringComparison.OrdinalIgnoreCase)
                || table == "dependency-groups"
                || table.IndexOf(".dependencies.", StringComparison.OrdinalIgnoreCase) >= 0;
            var isProjectDependencies = table == "project" && (entry.Key == "dependencies" || entry.Key == "optional-dependencies");
            if (!isDependencyTable && !isProjectDependencies)
            {
                continue;
            }

            if (table.IndexOf(".dependencies.", StringComparison.OrdinalIgnoreCase) >= 0 && !table.EndsWith("dependencies", StringComparison.OrdinalIgnoreCase))
            {
                // [tool.poetry.dependencies.requests] — the table names the package.
                AddRequirement(table.Substring(table.LastIndexOf('.') + 1), declared);
                continue;
            }

            if (entry.Value.StartsWith("[", StringComparison.Ordinal) || isProjectDependencies)
            {
                foreach (var requirement in TomlLite.Strings(entry.Value))
                {
                    AddRequirement(requirement, declared);
                }
            }
            else if (!entry.Key.Equals("python", StringComparison.OrdinalIgnoreCase))
            {
                // Poetry / Pipfile: the key is the package ("requests = '^2.31'", "fastapi = { extras = [...] }").
                AddRequirement(entry.Key, declared);
            }
        }
    }

    /// <summary>INI with indented continuation lines.</summary>
    private static void ParseSetupCfg(string text, HashSet<string> declared)
    {
        var section = string.Empty;
        var key = string.Empty;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            var continuation = char.IsWhiteSpace(line[0]);
            string value;
            if (!continuation)
            {
                if (trimmed[0] == '[')
                {
                    section = trimmed.Trim('[', ']', ' ');
                    key = string.Empty;
                    continue;
                }

                var separator = trimmed.IndexOfAny(KeySeparators);
                if (separator < 0)
                {
                    continue;
                }

                key = trimmed.Substring(0, separator).Trim();
                value = trimmed.Substring(separator + 1).Trim();
            }
            else
            {
                value = trimmed;
            }

            if (section == "metadata" && key == "name" && !continuation)
            {
                AddRequirement(value, declared);
            }
            else if ((section == "options" && key is "install_requires" or "tests_require" or "setup_requires") || section == "options.extras_require")
            {
                AddRequirement(value, declared);
            }
        }
    }

    private static string? OptionValue(string line, string option)
    {
        if (!line.StartsWith(option, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = line.Substring(option.Length);
        if (rest.Length > 0 && !(rest[0] is ' ' or '=' or '\t'))
        {
            return null;
        }

        rest = rest.TrimStart(' ', '=', '\t').Trim();
        return rest.Length == 0 ? null : rest;
    }

    private static string ResolveRelative(string directory, string relative)
    {
        var parts = new List<string>(directory.Length == 0 ? Array.Empty<string>() : directory.Split('/'));
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

    /// <summary>Module names the project itself provides: every .py file's stem and every folder holding .py files.</summary>
    public static HashSet<string> LocalModules(ProjectFiles files) => files.Derived("py-local-modules", static files =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files.Paths)
        {
            if (!path.EndsWith(".py", StringComparison.OrdinalIgnoreCase) && !path.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var part in path.Split('/'))
            {
                var dot = part.LastIndexOf('.');
                names.Add(dot > 0 && (part.EndsWith(".py", StringComparison.OrdinalIgnoreCase) || part.EndsWith(".pyi", StringComparison.OrdinalIgnoreCase)) ? part.Substring(0, dot) : part);
            }
        }

        return names;
    });

    /// <summary>A folder's united declarations; a type of its own keys them in the project cache by the folder alone.</summary>
    private sealed class FolderDeclarations
    {
        public FolderDeclarations(HashSet<string> names) => Names = names;

        public HashSet<string> Names { get; }
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Engine;

namespace CodeGuardian.Analyzers.Text.Dependencies;

/// <summary>
/// The crate names a Cargo.toml lets code <c>use</c>: keys of <c>[dependencies]</c>, <c>[dev-dependencies]</c>,
/// <c>[build-dependencies]</c>, <c>[target.*.dependencies]</c> (and their dev/build forms), <c>[dependencies.x]</c> tables,
/// dotted keys (<c>x.workspace = true</c>), <c>[workspace.dependencies]</c> of a virtual manifest, and the package's
/// own <c>[package]</c>/<c>[lib]</c> name. A renamed dependency (<c>alias = { package = "real" }</c>) is used by its key.
/// Names compare with <c>-</c> and <c>_</c> equal.
/// </summary>
public sealed class CargoManifest
{
    private readonly HashSet<string> _crates = new(StringComparer.Ordinal);

    private CargoManifest()
    {
    }

    public bool Declares(string crate) => _crates.Contains(Normalize(crate));

    public static CargoManifest Load(ProjectFiles files, string path, CancellationToken cancellationToken) =>
        files.Parsed(path, static (_, text) => Parse(text), cancellationToken);

    internal static CargoManifest Parse(string text)
    {
        var manifest = new CargoManifest();
        foreach (var entry in TomlLite.Parse(text))
        {
            var table = entry.Table;
            if ((table == "package" || table == "lib") && entry.Key == "name")
            {
                foreach (var name in TomlLite.Strings(entry.Value))
                {
                    manifest._crates.Add(Normalize(name));
                }

                continue;
            }

            if (IsDependencyTable(table))
            {
                var dot = entry.Key.IndexOf('.');
                manifest._crates.Add(Normalize(dot < 0 ? entry.Key : entry.Key.Substring(0, dot)));
                continue;
            }

            // [dependencies.serde] / [target.x.dependencies.serde]
            var lastDot = table.LastIndexOf('.');
            if (lastDot > 0 && IsDependencyTable(table.Substring(0, lastDot)))
            {
                manifest._crates.Add(Normalize(table.Substring(lastDot + 1)));
            }
        }

        return manifest;
    }

    private static bool IsDependencyTable(string table)
    {
        foreach (var kind in new[] { "dependencies", "dev-dependencies", "build-dependencies" })
        {
            if (table == kind || table.EndsWith("." + kind, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string name) => name.Trim().Replace('-', '_');
}

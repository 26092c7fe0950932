using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Dependencies;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Dependencies;

/// <summary>
/// CG6001 for Python: the top-level module of each <c>import a.b</c> / <c>from a.b import c</c> must be the standard
/// library, a module or package of the project (any .py AdditionalFile, or a folder holding one), or provided by a
/// distribution declared in the nearest folder's Python manifests (see <see cref="PythonManifest"/>; import names
/// are mapped to distribution names, see <see cref="PythonPackages"/>). Relative imports and imports inside
/// <c>try:</c> blocks (optional dependencies guarded by <c>except ImportError</c>) are not checked. Silent when no
/// manifest applies.
/// </summary>
public sealed class PyUndeclaredImportRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredImport);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Python;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UndeclaredImport))
        {
            return;
        }

        var nearest = ProjectDirectories.For(context.ProjectFiles).FindNearest(context.File.Path, PythonManifest.IsManifest);
        if (nearest is null)
        {
            return;
        }

        var manifests = nearest.Value.Manifests;
        var declared = PythonManifest.DeclaredIn(context.ProjectFiles, nearest.Value.Directory, manifests, context.CancellationToken);
        var local = PythonManifest.LocalModules(context.ProjectFiles);
        var module = PyModule.For(context.File);
        foreach (var k in module.ImportLines)
        {
            var line = module.Lines[k];
            int name;
            if (module.IsIdentifier(line.First, "import"))
            {
                name = module.Next(line.First);
            }
            else if (module.IsIdentifier(line.First, "from"))
            {
                name = module.Next(line.First);
                if (!module.IsKind(name, TokenKind.Identifier))
                {
                    // from . import x / from ..pkg import y
                    continue;
                }
            }
            else
            {
                continue;
            }

            if (line.Parent >= 0 && module.Lines[line.Parent].Kind == PyBlockKind.Try)
            {
                continue;
            }

            var isFrom = module.IsIdentifier(line.First, "from");
            while (name < line.End && module.IsKind(name, TokenKind.Identifier))
            {
                Check(context, module, name, declared, local, manifests);
                if (isFrom)
                {
                    break;
                }

                // import a.b as c, d — move to the next comma-separated module.
                var next = name;
                while (next < line.End && !module.IsPunctuation(next, ","))
                {
                    next = module.Next(next);
                }

                name = next < line.End ? module.Next(next) : line.End;
            }
        }
    }

    private static void Check(TextRuleContext context, PyModule module, int nameIndex, HashSet<string> declared, HashSet<string> local, List<string> manifests)
    {
        ref readonly var token = ref module.Tokens[nameIndex];
        var name = PyNames.Shared(context.File.TextOf(token));
        if (PythonPackages.IsStandardLibrary(name) || PythonPackages.IsTooling(name) || local.Contains(name) || PythonPackages.IsProvided(name, declared))
        {
            return;
        }

        context.Report(Descriptors.UndeclaredImport, token.Start, token.Length, name, ManifestNames(context.File.Path, manifests));
    }

    /// <summary>The manifests as the message names them, relative to the file's folder: built only for a finding.</summary>
    private static string ManifestNames(string filePath, List<string> manifests)
    {
        var names = new string[manifests.Count];
        for (var k = 0; k < names.Length; k++)
        {
            names[k] = ProjectDirectories.RelativeName(filePath, manifests[k]);
        }

        return string.Join(", ", names);
    }
}

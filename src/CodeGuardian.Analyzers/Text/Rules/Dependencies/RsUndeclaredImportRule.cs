using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Dependencies;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Dependencies;

/// <summary>
/// CG6001 for Rust: the first segment of each <c>use x::…</c> / <c>use ::x</c> / <c>extern crate x</c> must be a crate
/// the nearest Cargo.toml declares (see <see cref="CargoManifest"/>), a built-in crate (<c>std</c>, <c>core</c>,
/// <c>alloc</c>, <c>proc_macro</c>, <c>test</c>), a path keyword (<c>crate</c>, <c>self</c>, <c>super</c>, <c>Self</c>), or
/// a name the file itself declares (<c>mod</c>, <c>enum</c>, <c>struct</c>, <c>trait</c>, …) or binds with an earlier
/// <c>use</c>. Silent when no Cargo.toml applies.
/// </summary>
public sealed class RsUndeclaredImportRule : TextRule
{
    private static readonly string[] BuiltIn = { "std", "core", "alloc", "proc_macro", "test", "crate", "self", "super", "Self" };

    private static readonly string[] Declarators = { "mod", "enum", "struct", "trait", "type", "fn", "const", "static", "union", "macro_rules" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredImport);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UndeclaredImport))
        {
            return;
        }

        var nearest = ProjectDirectories.For(context.ProjectFiles).FindNearest(context.File.Path, static name => name.Equals("Cargo.toml", StringComparison.OrdinalIgnoreCase));
        if (nearest is null)
        {
            return;
        }

        var manifestPath = nearest.Value.Manifests[0];
        var manifest = CargoManifest.Load(context.ProjectFiles, manifestPath, context.CancellationToken);
        var file = context.File;

        // The Rust layer's code tokens (comments and text left out), which the other Rust rules build anyway.
        var syntax = RsSyntax.Of(file);
        var count = syntax.Count;

        // Names the file declares or binds: `mod x`, `enum X`, `macro_rules! m`, `use a::b as c;`, `use a::{b, c};`,
        // indexed by their text (no string per name).
        var local = new NameIndex(file, count);
        var inUse = false;
        for (var c = 0; c < count; c++)
        {
            if (syntax.Is(c, "use"))
            {
                inUse = true;
            }
            else if (inUse && syntax.Is(c, ";"))
            {
                inUse = false;
            }
            else if (inUse && syntax.IsName(c) && !syntax.Is(c - 1, "use") && !(syntax.Is(c - 1, "::") && syntax.Is(c - 2, "use"))
                && (syntax.Is(c + 1, ";") || syntax.Is(c + 1, ",") || syntax.Is(c + 1, "}") || syntax.Is(c - 1, "as")))
            {
                local.Add(c, syntax[c].Start, syntax[c].Length);
            }

            if (!inUse && syntax.IsName(c) && IsDeclarator(file, syntax[c]))
            {
                var name = syntax.Is(c + 1, "!") ? c + 2 : c + 1;
                if (syntax.IsName(name))
                {
                    local.Add(name, syntax[name].Start, syntax[name].Length);
                }
            }
        }

        for (var c = 0; c < count; c++)
        {
            int target;
            if (syntax.Is(c, "use") && (c == 0 || syntax.Is(c - 1, ";") || syntax.Is(c - 1, "{") || syntax.Is(c - 1, "}") || syntax.Is(c - 1, "]") || syntax.Is(c - 1, "pub") || syntax.Is(c - 1, ")")))
            {
                target = syntax.Is(c + 1, "::") ? c + 2 : c + 1;
                if (!syntax.Is(target + 1, "::") && !syntax.Is(target + 1, ";") && !syntax.Is(target + 1, "as"))
                {
                    continue;
                }
            }
            else if (syntax.Is(c, "extern") && syntax.Is(c + 1, "crate"))
            {
                target = c + 2;
            }
            else
            {
                continue;
            }

            if (!syntax.IsName(target))
            {
                continue;
            }

            ref readonly var token = ref syntax[target];
            var crate = file.TextOf(token);
            if (IsBuiltIn(crate) || local.Contains(crate))
            {
                continue;
            }

            // A string only for a crate the manifest is asked about (most `use` paths start with std or crate).
            var name = crate.ToString();
            if (!manifest.Declares(name))
            {
                context.Report(Descriptors.UndeclaredImport, token.Start, token.Length, name, ProjectDirectories.RelativeName(file.Path, manifestPath));
            }
        }
    }

    private static bool IsBuiltIn(ReadOnlySpan<char> name)
    {
        foreach (var builtIn in BuiltIn)
        {
            if (name.SequenceEqual(builtIn.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDeclarator(ScannedFile file, in Token token)
    {
        foreach (var keyword in Declarators)
        {
            if (file.Is(token, keyword))
            {
                return true;
            }
        }

        return false;
    }
}

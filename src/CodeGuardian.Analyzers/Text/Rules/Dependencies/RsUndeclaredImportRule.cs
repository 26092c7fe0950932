using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Dependencies;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
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
        var all = file.Tokens;
        var code = new List<int>(all.Count);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i].Kind is not (TokenKind.Comment or TokenKind.Text))
            {
                code.Add(i);
            }
        }

        bool Is(int c, string text) => c >= 0 && c < code.Count && file.Is(all[code[c]], text);
        bool IsIdentifier(int c) => c >= 0 && c < code.Count && all[code[c]].Kind == TokenKind.Identifier && !all[code[c]].Has(TokenFlags.Lifetime);

        // Names the file declares or binds: `mod x`, `enum X`, `macro_rules! m`, `use a::b as c;`, `use a::{b, c};`.
        var local = new HashSet<string>(StringComparer.Ordinal);
        var inUse = false;
        for (var c = 0; c < code.Count; c++)
        {
            if (Is(c, "use"))
            {
                inUse = true;
            }
            else if (inUse && Is(c, ";"))
            {
                inUse = false;
            }
            else if (inUse && IsIdentifier(c) && !Is(c - 1, "use") && !(Is(c - 1, "::") && Is(c - 2, "use"))
                && (Is(c + 1, ";") || Is(c + 1, ",") || Is(c + 1, "}") || Is(c - 1, "as")))
            {
                local.Add(file.GetString(all[code[c]]));
            }

            if (!inUse && IsIdentifier(c) && IsDeclarator(file, all[code[c]]))
            {
                var name = Is(c + 1, "!") ? c + 2 : c + 1;
                if (IsIdentifier(name))
                {
                    local.Add(file.GetString(all[code[name]]));
                }
            }
        }

        for (var c = 0; c < code.Count; c++)
        {
            int target;
            if (Is(c, "use") && (c == 0 || Is(c - 1, ";") || Is(c - 1, "{") || Is(c - 1, "}") || Is(c - 1, "]") || Is(c - 1, "pub") || Is(c - 1, ")")))
            {
                target = Is(c + 1, "::") ? c + 2 : c + 1;
                if (!Is(target + 1, "::") && !Is(target + 1, ";") && !Is(target + 1, "as"))
                {
                    continue;
                }
            }
            else if (Is(c, "extern") && Is(c + 1, "crate"))
            {
                target = c + 2;
            }
            else
            {
                continue;
            }

            if (!IsIdentifier(target))
            {
                continue;
            }

            var token = all[code[target]];
            var crate = file.GetString(token);
            if (Array.IndexOf(BuiltIn, crate) >= 0 || local.Contains(crate) || manifest.Declares(crate))
            {
                continue;
            }

            context.Report(Descriptors.UndeclaredImport, token.Start, token.Length, crate, ProjectDirectories.RelativeName(file.Path, manifestPath));
        }
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

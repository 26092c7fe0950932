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
        var code = syntax.Code;
        var text = file.Text;
        var count = code.Length;

        // The crate each `use` declaration or `extern crate` names, kept when it is neither built in nor declared by
        // the manifest. Most are (std, crate, self, the project's dependencies): then the file's own names are never
        // looked at.
        var undeclared = file.Rent<int>(count);
        var undeclaredCount = 0;
        for (var c = 0; c < count; c++)
        {
            // `use` and `extern` only: most names fail on their length and first letter.
            ref readonly var token = ref code[c];
            if (token.Kind != TokenKind.Identifier
                || !((token.Length == 3 && text[token.Start] == 'u') || (token.Length == 6 && text[token.Start] == 'e')))
            {
                continue;
            }

            var target = CrateOf(syntax, c);
            if (target >= 0 && !IsBuiltIn(file.TextOf(syntax[target])) && !manifest.Declares(file.GetString(syntax[target])))
            {
                undeclared[undeclaredCount++] = target;
            }
        }

        if (undeclaredCount == 0)
        {
            return;
        }

        // A crate the file declares or binds itself (`mod serde;`, `use a::b as serde;`) is not a dependency.
        var local = LocalNames(file, syntax);
        for (var k = 0; k < undeclaredCount; k++)
        {
            ref readonly var token = ref syntax[undeclared[k]];
            if (!local.Contains(file.TextOf(token)))
            {
                context.Report(Descriptors.UndeclaredImport, token.Start, token.Length, file.GetString(token), ProjectDirectories.RelativeName(file.Path, manifestPath));
            }
        }
    }

    /// <summary>
    /// The code index of the crate named by the <c>use</c> declaration or <c>extern crate</c> at <paramref name="c"/>
    /// (<c>use x::…</c>, <c>use ::x::…</c>, <c>use x;</c>, <c>use x as y;</c>), or -1.
    /// </summary>
    private static int CrateOf(RsSyntax syntax, int c)
    {
        int target;
        if (syntax.Is(c, "use"))
        {
            if (!(c == 0 || syntax.Is(c - 1, ";") || syntax.Is(c - 1, "{") || syntax.Is(c - 1, "}") || syntax.Is(c - 1, "]") || syntax.Is(c - 1, "pub") || syntax.Is(c - 1, ")")))
            {
                return -1;
            }

            target = syntax.Is(c + 1, "::") ? c + 2 : c + 1;
            if (!syntax.Is(target + 1, "::") && !syntax.Is(target + 1, ";") && !syntax.Is(target + 1, "as"))
            {
                return -1;
            }
        }
        else if (syntax.Is(c, "extern") && syntax.Is(c + 1, "crate"))
        {
            target = c + 2;
        }
        else
        {
            return -1;
        }

        return syntax.IsName(target) ? target : -1;
    }

    /// <summary>
    /// The names the file declares or binds (<c>mod x</c>, <c>enum X</c>, <c>macro_rules! m</c>, <c>use a::b as c;</c>,
    /// <c>use a::{b, c};</c>), indexed by their text (no string per name).
    /// </summary>
    private static NameIndex LocalNames(ScannedFile file, RsSyntax syntax)
    {
        var count = syntax.Count;
        var local = new NameIndex(file, count, maxDistinct: 16);
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

        return local;
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

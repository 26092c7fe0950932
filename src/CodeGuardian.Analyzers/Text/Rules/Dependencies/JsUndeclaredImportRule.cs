using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Dependencies;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Dependencies;

/// <summary>
/// CG6001 for JavaScript/TypeScript: the package of each <c>import … from 'x'</c>, <c>import 'x'</c>,
/// <c>export … from 'x'</c>, <c>import('x')</c> and <c>require('x')</c> must be declared in the nearest package.json
/// (any dependency kind, or the package's own name). Not checked: relative and absolute paths, Node built-ins (with or
/// without <c>node:</c>), other schemes, <c>#</c> subpath imports, aliases from the nearest tsconfig/jsconfig
/// <c>paths</c>, and folders under its <c>baseUrl</c>. <c>@scope/name/sub</c> and <c>pkg/sub</c> check the package.
/// Silent when no package.json applies.
/// </summary>
public sealed class JsUndeclaredImportRule : TextRule
{
    private static readonly char[] QueryOrLoader = { '?', '!' };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UndeclaredImport);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.JavaScript;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.UndeclaredImport))
        {
            return;
        }

        var directories = ProjectDirectories.For(context.ProjectFiles);
        var nearest = directories.FindNearest(context.File.Path, static name => name.Equals("package.json", StringComparison.OrdinalIgnoreCase));
        if (nearest is null)
        {
            return;
        }

        var manifestPath = nearest.Value.Manifests[0];
        var manifest = NodeManifest.Load(context.ProjectFiles, manifestPath, context.CancellationToken);
        var tsconfig = directories.FindNearest(context.File.Path, static name => name.Equals("tsconfig.json", StringComparison.OrdinalIgnoreCase) || name.Equals("jsconfig.json", StringComparison.OrdinalIgnoreCase));
        var aliases = tsconfig is null ? null : TsConfigAliases.Load(context.ProjectFiles, tsconfig.Value.Manifests[0], context.CancellationToken);

        var syntax = JsSyntax.For(context.File);
        // A specifier string stands right after "from"/"import", or inside "require(" / "import(": the string is one or
        // two tokens after one of these names, never reachable both ways.
        foreach (var name in syntax.Find("from", "import", "require"))
        {
            var afterName = name + 1;
            if (syntax.IsKind(afterName, TokenKind.String))
            {
                Check(context, syntax, afterName, manifest, manifestPath, aliases);
            }
            else if (syntax.IsPunctuation(afterName, "("))
            {
                Check(context, syntax, name + 2, manifest, manifestPath, aliases);
            }
        }
    }

    private static void Check(TextRuleContext context, JsSyntax syntax, int i, NodeManifest manifest, string manifestPath, TsConfigAliases? aliases)
    {
        if (i >= syntax.Count)
        {
            return;
        }

        ref readonly var token = ref syntax[i];
        if (token.Kind != TokenKind.String || token.Has(TokenFlags.Interpolated) || !IsModuleSpecifier(syntax, i))
        {
            return;
        }

        var (start, length) = StringLiterals.ContentOf(context.File, token);
        var specifier = context.File.GetString(start, length);
        var package = PackageOf(specifier);
        if (package is null || manifest.Declares(package) || (aliases is not null && (aliases.Matches(specifier) || UnderBaseUrl(context.ProjectFiles, aliases, package))))
        {
            return;
        }

        context.Report(Descriptors.UndeclaredImport, start, length, package, ProjectDirectories.RelativeName(context.File.Path, manifestPath));
    }

    /// <summary><c>from 'x'</c>, <c>import 'x'</c>, <c>import('x')</c>, <c>require('x')</c> — not member calls like <c>a.require('x')</c>.</summary>
    private static bool IsModuleSpecifier(JsSyntax syntax, int i)
    {
        if (syntax.IsIdentifier(i - 1, "from") && !syntax.IsPropertyName(i - 1))
        {
            return true;
        }

        if (syntax.IsIdentifier(i - 1, "import") && !syntax.IsPropertyName(i - 1))
        {
            return true;
        }

        return syntax.IsPunctuation(i - 1, "(") && syntax.IsPunctuation(i + 1, ")")
            && (syntax.IsIdentifier(i - 2, "require") || syntax.IsIdentifier(i - 2, "import")) && !syntax.IsPropertyName(i - 2);
    }

    /// <summary>The package a specifier names, or null when it names no package (paths, built-ins, schemes, aliases).</summary>
    internal static string? PackageOf(string specifier)
    {
        var end = specifier.IndexOfAny(QueryOrLoader);
        if (end >= 0)
        {
            specifier = specifier.Substring(0, end);
        }

        if (specifier.Length == 0 || specifier[0] is '.' or '/' or '#' or '~' or '\\' || specifier.IndexOf(':') >= 0)
        {
            return null;
        }

        var slash = specifier.IndexOf('/');
        string package;
        if (specifier[0] == '@')
        {
            // @scope/name[/sub]; "@/x" is an alias, not a scope.
            if (slash <= 1)
            {
                return null;
            }

            var second = specifier.IndexOf('/', slash + 1);
            package = second < 0 ? specifier : specifier.Substring(0, second);
        }
        else
        {
            package = slash < 0 ? specifier : specifier.Substring(0, slash);
        }

        return NodeManifest.IsBuiltin(package) ? null : package;
    }

    /// <summary>With <c>baseUrl</c>, <c>components/Button</c> may be a project folder or file rather than a package.</summary>
    private static bool UnderBaseUrl(ProjectFiles files, TsConfigAliases aliases, string package)
    {
        if (aliases.BaseUrlDirectory is not { } baseUrl)
        {
            return false;
        }

        var prefix = baseUrl + "/" + package;
        foreach (var path in files.Paths)
        {
            if (path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && path.Length > prefix.Length && path[prefix.Length] is '/' or '.')
            {
                return true;
            }
        }

        return false;
    }
}

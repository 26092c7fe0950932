using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG4009 for Rust: MD5/SHA-1 in use — <c>md5::compute</c>; <c>Md5</c>/<c>Md4</c>/<c>Sha1</c> constructors and
/// one-shot calls (<c>::new</c>, <c>::new_with_prefix</c>, <c>::default</c>, <c>::digest</c>, <c>::from</c>);
/// the <c>sha1::Sha1</c> type written out; openssl <c>MessageDigest::md5()</c>/<c>sha1()</c>; ring's
/// <c>SHA1_FOR_LEGACY_USE_ONLY</c>. Paths resolve through <c>use</c> aliases; imports themselves are not reported.
/// </summary>
public sealed class RustWeakHashRule : TextRule
{
    private static readonly string[] WeakTypes = { "Md5", "Md4", "Sha1" };
    private static readonly string[] Constructors = { "new", "new_with_prefix", "default", "digest", "from" };
    private static readonly string[] Md5Compute = { "md5", "compute" };
    private static readonly string[] Sha1Type = { "sha1", "Sha1" };
    private static readonly string[] OpensslMd5 = { "MessageDigest", "md5" };
    private static readonly string[] OpensslSha1 = { "MessageDigest", "sha1" };
    private static readonly string[] RingSha1 = { "SHA1_FOR_LEGACY_USE_ONLY" };

    // The names where a finding can end ("compute" also through a renaming use); the constructors only matter
    // when a weak type is named somewhere in the file (at the call or in a use).
    private static readonly string[] PathNames = { "compute", "md5", "sha1", "SHA1_FOR_LEGACY_USE_ONLY", "Sha1" };
    private static readonly string[] PathAndConstructorNames =
    {
        "compute", "md5", "sha1", "SHA1_FOR_LEGACY_USE_ONLY", "Sha1", "new", "new_with_prefix", "default", "digest", "from",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.WeakHash);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.WeakHash))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var weakTypeNamed = syntax.HasName("Md5") || syntax.HasName("Md4") || syntax.HasName("Sha1");
        var candidates = syntax.Candidates(weakTypeNamed ? PathAndConstructorNames : PathNames, withRenames: true);
        if (candidates.Count == 0)
        {
            return;
        }

        var path = new string[2];
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (!syntax.IsName(i) || syntax.InDeclarationOrAttribute(i))
            {
                continue;
            }

            var first = -1;
            var found = syntax.PathEndsWith(i, Md5Compute, out first)
                || (syntax.IsName(i, "md5") && syntax.PathEndsWith(i, OpensslMd5, out first))
                || (syntax.IsName(i, "sha1") && syntax.PathEndsWith(i, OpensslSha1, out first))
                || (syntax.IsName(i, "SHA1_FOR_LEGACY_USE_ONLY") && syntax.PathEndsWith(i, RingSha1, out first))
                || IsWeakConstructor(syntax, i, path, out first)
                || (syntax.IsName(i, "Sha1") && !syntax.IsPunct(i + 1, "::") && syntax.IsPunct(i - 1, "::")
                    && syntax.PathEndsWith(i, Sha1Type, out first));
            if (!found)
            {
                continue;
            }

            var (start, length) = syntax.SpanOf(first, i + 1);
            context.Report(Descriptors.WeakHash, start, length, syntax.File.GetString(start, length));
        }
    }

    private static bool IsWeakConstructor(RsSyntax syntax, int index, string[] path, out int first)
    {
        first = -1;
        if (syntax.CallOpen(index) < 0 || !syntax.IsPunct(index - 1, "::"))
        {
            return false;
        }

        foreach (var constructor in Constructors)
        {
            if (!syntax.Is(index, constructor))
            {
                continue;
            }

            foreach (var type in WeakTypes)
            {
                path[0] = type;
                path[1] = constructor;
                if (syntax.PathEndsWith(index, path, out first))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

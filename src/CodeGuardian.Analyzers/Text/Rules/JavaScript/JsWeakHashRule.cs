using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4009: <c>createHash('md5'|'sha1')</c> and <c>createHmac('md5'|'sha1', …)</c> (any case, also <c>md4</c>,
/// <c>sha-1</c>, <c>RSA-MD5</c>, <c>RSA-SHA1</c>), and Web Crypto <c>subtle.digest('SHA-1', …)</c>.
/// SHA-256 and stronger do not fire.
/// </summary>
public sealed class JsWeakHashRule : JsRule
{
    private static readonly string[] WeakAlgorithms = { "md5", "sha1", "sha-1", "md4", "md2", "rsa-md5", "rsa-sha1", "rsa-sha1-2" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.WeakHash;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("digest", "createHash", "createHmac"))
        {
            var isDigest = syntax.IsIdentifier(i, "digest") && syntax.ChainEndsWith(i, "subtle", "digest");
            if (!isDigest && !syntax.IsIdentifier(i, "createHash") && !syntax.IsIdentifier(i, "createHmac"))
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            if (open < 0 || !syntax.TryGetArgument(open, 0, out var start, out var end) || end - start != 1 || !syntax.IsConstantString(start))
            {
                continue;
            }

            var (contentStart, length) = StringLiterals.ContentOf(syntax.File, syntax[start]);
            var algorithm = syntax.File.Slice(contentStart, length);
            foreach (var weak in WeakAlgorithms)
            {
                if (algorithm.Equals(weak.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    var close = syntax.MatchOf(open);
                    Report(context, syntax, CalleeStart(syntax, i), close, Describe(syntax, i, close));
                    break;
                }
            }
        }
    }
}

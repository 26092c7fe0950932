using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4010: <c>createCipher(</c>/<c>createDecipher(</c> (derive the key without salt and use no IV), and
/// <c>createCipheriv</c>/<c>createDecipheriv</c> with a DES, 3DES, RC2, RC4, Blowfish or ECB cipher name.
/// AES-GCM/CBC with an IV does not fire.
/// </summary>
public sealed class JsWeakCipherRule : JsRule
{
    private static readonly string[] WeakParts = { "des", "rc4", "rc2", "-ecb", "bf-", "blowfish" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.WeakCipher;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("createCipher", "createDecipher", "createCipheriv", "createDecipheriv"))
        {
            var noIv = syntax.IsIdentifier(i, "createCipher") || syntax.IsIdentifier(i, "createDecipher");
            if (!noIv && !syntax.IsIdentifier(i, "createCipheriv") && !syntax.IsIdentifier(i, "createDecipheriv"))
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            var close = syntax.MatchOf(open);
            if (open < 0 || close < 0)
            {
                continue;
            }

            if (noIv || (syntax.TryGetArgument(open, 0, out var start, out var end) && end - start == 1 && syntax.IsConstantString(start) && IsWeak(syntax, start)))
            {
                var construct = Describe(syntax, i, close);
                Report(context, syntax, CalleeStart(syntax, i), close, noIv ? construct + " without an IV" : construct);
            }
        }
    }

    private static bool IsWeak(JsSyntax syntax, int stringIndex)
    {
        var (start, length) = StringLiterals.ContentOf(syntax.File, syntax[stringIndex]);
        var name = syntax.File.Slice(start, length);
        if (name.Equals("bf".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var part in WeakParts)
        {
            if (name.IndexOf(part.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

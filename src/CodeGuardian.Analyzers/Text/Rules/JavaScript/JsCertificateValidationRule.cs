using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4012: <c>rejectUnauthorized: false</c> (key or assignment) and <c>NODE_TLS_REJECT_UNAUTHORIZED</c> set to
/// <c>'0'</c>/<c>0</c> (<c>process.env.X = '0'</c>, <c>process.env['X'] = '0'</c>, <c>{ X: '0' }</c>).
/// </summary>
public sealed class JsCertificateValidationRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.CertificateValidationDisabled;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("rejectUnauthorized", "NODE_TLS_REJECT_UNAUTHORIZED"))
        {
            Check(context, syntax, i);
        }

        // The same keys quoted: { 'rejectUnauthorized': false }, process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'.
        foreach (var i in syntax.Strings)
        {
            var length = syntax[i].Length;
            if (IsQuotedLength(length, "rejectUnauthorized") || IsQuotedLength(length, "NODE_TLS_REJECT_UNAUTHORIZED"))
            {
                Check(context, syntax, i);
            }
        }
    }

    /// <summary>A string token of this length can hold exactly <paramref name="name"/> (quotes, or an unterminated opening quote).</summary>
    private static bool IsQuotedLength(int length, string name) => length == name.Length + 2 || length == name.Length + 1;

    private void Check(TextRuleContext context, JsSyntax syntax, int i)
    {
        if (i + 2 >= syntax.Count)
        {
            return;
        }

        var key = i;
        var isString = syntax.IsConstantString(i);
        if (!IsName(syntax, i, "rejectUnauthorized") && !IsName(syntax, i, "NODE_TLS_REJECT_UNAUTHORIZED"))
        {
            return;
        }

        var op = i + 1;
        if (isString && syntax.IsPunctuation(op, "]"))
        {
            // process.env['NODE_TLS_REJECT_UNAUTHORIZED'] = '0'
            op++;
            if (syntax.IsPunctuation(i - 1, "["))
            {
                key = i - 1;
            }
        }

        if (!syntax.IsPunctuation(op, ":") && !syntax.IsPunctuation(op, "="))
        {
            return;
        }

        var value = op + 1;
        var disables = IsName(syntax, i, "rejectUnauthorized")
            ? syntax.IsIdentifier(value, "false") || syntax.Is(value, "0")
            : syntax.Is(value, "0") || syntax.Is(value, "'0'") || syntax.Is(value, "\"0\"") || syntax.Is(value, "`0`");
        if (disables && (syntax.IsPunctuation(value + 1, ";") || syntax.IsPunctuation(value + 1, ",") || syntax.IsCloseBracket(value + 1) || value + 1 >= syntax.Count
            || syntax.IsOnNewLine(value + 1)))
        {
            var first = syntax.IsPunctuation(key, "[") ? syntax.ChainStart(key - 1) : syntax.ChainStart(key);
            Report(context, syntax, first, value, Describe(syntax, first, value));
        }
    }

    private static bool IsName(JsSyntax syntax, int index, string name)
    {
        if (syntax.IsIdentifier(index, name))
        {
            return true;
        }

        if (!syntax.IsConstantString(index))
        {
            return false;
        }

        var (start, length) = StringLiterals.ContentOf(syntax.File, syntax[index]);
        return syntax.File.Slice(start, length).SequenceEqual(name.AsSpan());
    }
}

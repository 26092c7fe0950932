using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4003: HTML sinks receiving a value that is not a constant: <c>x.innerHTML =</c>/<c>+=</c>, <c>x.outerHTML =</c>,
/// <c>insertAdjacentHTML(pos, html)</c>, <c>document.write(</c>/<c>writeln(</c>, and React
/// <c>dangerouslySetInnerHTML={{ __html: x }}</c>. Constants, <c>textContent</c> and values wrapped in a sanitizer or
/// encoder call (<c>DOMPurify.sanitize(x)</c>, <c>escapeHtml(x)</c>) do not fire.
/// </summary>
public sealed class JsHtmlInjectionRule : JsRule
{
    private static readonly string[] SanitizerWords = { "sanitize", "purify", "escape", "encode", "xss" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.HtmlInjection;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("innerHTML", "outerHTML", "insertAdjacentHTML", "write", "writeln", "__html"))
        {
            if (syntax.IsPropertyName(i) && (syntax.IsIdentifier(i, "innerHTML") || syntax.IsIdentifier(i, "outerHTML")))
            {
                if (syntax.IsPunctuation(i + 1, "=") || syntax.IsPunctuation(i + 1, "+="))
                {
                    var end = syntax.ExpressionEnd(i + 2);
                    CheckValue(context, syntax, CalleeStart(syntax, i), i, syntax.File.GetString(syntax[i]), i + 2, end);
                }
            }
            else if (syntax.IsPropertyName(i) && syntax.IsIdentifier(i, "insertAdjacentHTML"))
            {
                CheckArgument(context, syntax, i, 1, "insertAdjacentHTML");
            }
            else if (syntax.IsChain(i, "document", "write") || syntax.IsChain(i, "document", "writeln"))
            {
                CheckArgument(context, syntax, i, 0, "document." + syntax.File.GetString(syntax[i]));
            }
            else if (syntax.IsIdentifier(i, "__html") && syntax.IsPunctuation(i + 1, ":"))
            {
                var end = syntax.ExpressionEnd(i + 2);
                var first = DangerouslySetInnerHtml(syntax, i);
                CheckValue(context, syntax, first, first, "dangerouslySetInnerHTML", i + 2, end);
            }
        }
    }

    private void CheckArgument(TextRuleContext context, JsSyntax syntax, int name, int argument, string sink)
    {
        var open = syntax.CallParenthesis(name);
        if (open >= 0 && syntax.TryGetArgument(open, argument, out var start, out var end))
        {
            CheckValue(context, syntax, CalleeStart(syntax, name), name, sink, start, end);
        }
    }

    private void CheckValue(TextRuleContext context, JsSyntax syntax, int first, int last, string sink, int start, int end)
    {
        if (start >= end || syntax.IsConstant(start, end) || IsSanitized(syntax, start, end))
        {
            return;
        }

        var reason = syntax.NonConstantReason(start, end) ?? "the run-time value '" + Describe(syntax, start, end - 1) + "'";
        Report(context, syntax, first, last, sink, reason);
    }

    /// <summary>The whole value is one call to a sanitizer or encoder: <c>DOMPurify.sanitize(x)</c>, <c>escapeHtml(x)</c>.</summary>
    private static bool IsSanitized(JsSyntax syntax, int start, int end)
    {
        var close = end - 1;
        if (!syntax.IsPunctuation(close, ")"))
        {
            return false;
        }

        var open = syntax.MatchOf(close);
        var callee = open - 1;
        if (open <= start || !syntax.IsKind(callee, Lexing.TokenKind.Identifier) || syntax.ChainStart(callee) != start)
        {
            return false;
        }

        var name = syntax.TextOf(callee);
        foreach (var word in SanitizerWords)
        {
            if (name.IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The <c>dangerouslySetInnerHTML</c> attribute or key around <c>{ __html: … }</c>, else the <c>__html</c> key.</summary>
    private static int DangerouslySetInnerHtml(JsSyntax syntax, int html)
    {
        var brace = syntax.ParentOf(html);
        if (!syntax.IsPunctuation(brace, "{"))
        {
            return html;
        }

        var before = brace - 1;
        if (syntax.IsPunctuation(before, "{"))
        {
            before--;
        }

        if ((syntax.IsPunctuation(before, "=") || syntax.IsPunctuation(before, ":")) && syntax.IsIdentifier(before - 1, "dangerouslySetInnerHTML"))
        {
            return before - 1;
        }

        return html;
    }
}

using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG3001: an empty <c>catch (e) { }</c> / <c>catch { }</c> block (a comment alone still counts as empty, braces may
/// be on different lines), and a promise <c>.catch(() =&gt; {})</c> / <c>.catch(function () {})</c> whose handler does nothing.
/// </summary>
public sealed class JsSwallowedExceptionRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.SwallowedException;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("catch"))
        {
            if (syntax.IsPropertyName(i))
            {
                CheckPromiseCatch(context, syntax, i);
            }
            else
            {
                CheckCatchClause(context, syntax, i);
            }
        }
    }

    private void CheckCatchClause(TextRuleContext context, JsSyntax syntax, int keyword)
    {
        var brace = keyword + 1;
        if (syntax.IsPunctuation(brace, "("))
        {
            var close = syntax.MatchOf(brace);
            if (close < 0)
            {
                return;
            }

            brace = close + 1;
        }

        if (syntax.IsPunctuation(brace, "{") && syntax.MatchOf(brace) == brace + 1)
        {
            Report(context, syntax, keyword, brace + 1, "an empty catch block");
        }
    }

    private void CheckPromiseCatch(TextRuleContext context, JsSyntax syntax, int name)
    {
        var open = syntax.CallParenthesis(name);
        if (open < 0)
        {
            return;
        }

        var close = syntax.MatchOf(open);
        if (close < 0 || !syntax.TryGetArgument(open, 0, out var start, out var end) || end != close)
        {
            return;
        }

        // (async)? (function name?)? (params) => {} | param => {} | function (params) {}
        var i = start;
        if (syntax.IsIdentifier(i, "async"))
        {
            i++;
        }

        var isFunction = syntax.IsIdentifier(i, "function");
        if (isFunction)
        {
            i++;
            if (syntax.IsKind(i, Lexing.TokenKind.Identifier))
            {
                i++;
            }
        }

        if (syntax.IsPunctuation(i, "("))
        {
            i = syntax.MatchOf(i);
            if (i < 0)
            {
                return;
            }

            i++;
        }
        else if (!isFunction && syntax.IsKind(i, Lexing.TokenKind.Identifier))
        {
            i++;
        }
        else
        {
            return;
        }

        if (!isFunction)
        {
            if (!syntax.IsPunctuation(i, "=>"))
            {
                return;
            }

            i++;
        }

        if (syntax.IsPunctuation(i, "{") && syntax.MatchOf(i) == i + 1 && i + 2 == end)
        {
            var first = syntax.IsMemberDot(name - 1) ? name - 1 : name;
            Report(context, syntax, first, close, "'" + Describe(syntax, first, close) + "'");
        }
    }
}

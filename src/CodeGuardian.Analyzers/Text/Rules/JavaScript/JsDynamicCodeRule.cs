using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4004: <c>eval(</c> (free or on <c>window</c>/<c>globalThis</c>), <c>new Function(</c>, and
/// <c>setTimeout</c>/<c>setInterval</c> whose first argument is a string rather than a function.
/// <c>JSON.parse</c>, methods named <c>eval</c> on other objects and function arguments do not fire.
/// </summary>
public sealed class JsDynamicCodeRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.DynamicCodeExecution;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("eval", "Function", "setTimeout", "setInterval"))
        {
            if (syntax.IsIdentifier(i, "eval"))
            {
                CheckEval(context, syntax, i);
            }
            else if (syntax.IsIdentifier(i, "Function") && !syntax.IsPropertyName(i) && syntax.IsIdentifier(i - 1, "new") && syntax.CallParenthesis(i) > 0)
            {
                Report(context, syntax, i - 1, i, "new Function", "strings of source code");
            }
            else if (syntax.IsIdentifier(i, "setTimeout") || syntax.IsIdentifier(i, "setInterval"))
            {
                CheckTimer(context, syntax, i);
            }
        }
    }

    private void CheckEval(TextRuleContext context, JsSyntax syntax, int name)
    {
        var open = syntax.CallParenthesis(name);
        if (open < 0 || IsDefinition(syntax, name, open) || (syntax.IsPropertyName(name) && !IsGlobal(syntax, name - 2)))
        {
            return;
        }

        var reason = syntax.TryGetArgument(open, 0, out var start, out var end)
            ? syntax.NonConstantReason(start, end) ?? (syntax.IsConstant(start, end) ? "a string literal" : "the run-time value '" + Describe(syntax, start, end - 1) + "'")
            : "a string";
        var first = syntax.IsPropertyName(name) ? name - 2 : name;
        Report(context, syntax, first, name, "eval", reason);
    }

    private void CheckTimer(TextRuleContext context, JsSyntax syntax, int name)
    {
        var open = syntax.CallParenthesis(name);
        if (open < 0 || IsDefinition(syntax, name, open) || (syntax.IsPropertyName(name) && !IsGlobal(syntax, name - 2))
            || !syntax.TryGetArgument(open, 0, out var start, out var end))
        {
            return;
        }

        // A string, a template or a concatenation that starts with one: the timer evaluates it as code.
        var reason = syntax.NonConstantReason(start, end);
        if (reason is null && !syntax.IsKind(start, TokenKind.String) && !IsStringVariable(syntax, start, end))
        {
            return;
        }

        var first = syntax.IsPropertyName(name) ? name - 2 : name;
        Report(context, syntax, first, name, syntax.File.GetString(syntax[name]), reason ?? "a string");
    }

    /// <summary>A lone variable whose nearest earlier assignment is a string: <c>const code = "tick()"; setTimeout(code)</c>.</summary>
    private static bool IsStringVariable(JsSyntax syntax, int start, int end) =>
        end - start == 1 && syntax.IsKind(start, TokenKind.Identifier) && syntax.TryFindAssignment(start, out var valueStart, out _)
        && syntax.IsKind(valueStart, TokenKind.String);

    private static bool IsGlobal(JsSyntax syntax, int owner) =>
        !syntax.IsPropertyName(owner) && (syntax.IsIdentifier(owner, "window") || syntax.IsIdentifier(owner, "globalThis") || syntax.IsIdentifier(owner, "self"));
}

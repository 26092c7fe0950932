using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG2003: <c>alert(</c>, <c>confirm(</c>, <c>prompt(</c> called as free functions or on <c>window</c>/<c>globalThis</c>/<c>self</c>;
/// not methods of other objects (<c>modal.alert(</c>) and not definitions (<c>alert(msg) {</c>, <c>function confirm(</c>).
/// </summary>
public sealed class JsBrowserDialogRule : JsRule
{
    private static readonly string[] Dialogs = { "alert", "confirm", "prompt" };
    private static readonly string[] GlobalObjects = { "window", "globalThis", "self" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.BrowserDialog;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("alert", "confirm", "prompt"))
        {
            var name = DialogName(syntax, i);
            if (name is null)
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            if (open < 0 || IsDefinition(syntax, i, open))
            {
                continue;
            }

            var first = i;
            if (syntax.IsPropertyName(i))
            {
                if (!IsGlobalObject(syntax, i - 2))
                {
                    continue;
                }

                first = i - 2;
            }

            Report(context, syntax, first, i, name);
        }
    }

    private static string? DialogName(JsSyntax syntax, int index)
    {
        foreach (var dialog in Dialogs)
        {
            if (syntax.IsIdentifier(index, dialog))
            {
                return dialog;
            }
        }

        return null;
    }

    private static bool IsGlobalObject(JsSyntax syntax, int index)
    {
        foreach (var name in GlobalObjects)
        {
            if (syntax.IsIdentifier(index, name) && !syntax.IsPropertyName(index))
            {
                return true;
            }
        }

        return false;
    }
}

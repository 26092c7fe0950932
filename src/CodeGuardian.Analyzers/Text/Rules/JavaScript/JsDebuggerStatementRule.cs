using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG2002: a <c>debugger</c> statement. Not an object key (<c>debugger: true</c>), not a property
/// (<c>options.debugger</c>), never in strings or comments (those are not code tokens).
/// </summary>
public sealed class JsDebuggerStatementRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.DebuggerBreak;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("debugger"))
        {
            if (syntax.IsPropertyName(i))
            {
                continue;
            }

            // A statement ends here: ";", "}", end of file, or a line break (automatic semicolon insertion).
            var next = i + 1;
            var endsStatement = next >= syntax.Count || syntax.IsPunctuation(next, ";") || syntax.IsPunctuation(next, "}")
                || (syntax.IsOnNewLine(next) && !syntax.IsPunctuation(next, ":") && !syntax.IsPunctuation(next, "=")
                    && !syntax.IsMemberDot(next));
            var startsStatement = i == 0 || syntax.IsPunctuation(i - 1, ";") || syntax.IsPunctuation(i - 1, "{") || syntax.IsPunctuation(i - 1, "}")
                || syntax.IsPunctuation(i - 1, ")") || syntax.IsPunctuation(i - 1, ":") || syntax.IsIdentifier(i - 1, "else") || syntax.IsIdentifier(i - 1, "do")
                || syntax.IsOnNewLine(i);
            if (endsStatement && startsStatement)
            {
                Report(context, syntax, i, i, "debugger");
            }
        }
    }
}

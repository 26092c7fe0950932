using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG2001: <c>console.log/debug/trace/dir/table/info</c> (not <c>error</c>/<c>warn</c>). Test files are exempt
/// unless <c>codeguardian.CG2001.include_tests = true</c>.
/// </summary>
public sealed class JsDebugOutputRule : JsRule
{
    private static readonly string[] Methods = { "log", "debug", "trace", "dir", "table", "info", "dirxml" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.DebugOutput;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        if (context.IsTestFile && !context.Options.GetBool(RuleIdentifiers.DebugOutput, "include_tests", false))
        {
            return;
        }

        foreach (var i in syntax.Find("console"))
        {
            if (i + 2 >= syntax.Count || syntax.IsPropertyName(i) || !syntax.IsMemberDot(i + 1))
            {
                continue;
            }

            var method = i + 2;
            foreach (var name in Methods)
            {
                if (syntax.IsIdentifier(method, name))
                {
                    Report(context, syntax, i, method, "console." + name);
                    break;
                }
            }
        }
    }
}

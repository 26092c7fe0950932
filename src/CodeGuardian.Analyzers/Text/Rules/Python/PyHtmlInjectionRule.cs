using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4003: markup marked safe or rendered as a template from a non-constant value: <c>Markup(</c>,
/// <c>mark_safe(</c>, <c>render_template_string(</c> (any module path or import alias).
/// </summary>
public sealed class PyHtmlInjectionRule : PythonRule
{
    private static readonly string[] Sinks = { "Markup", "mark_safe", "render_template_string" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.HtmlInjection;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(Sinks))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsSink(module, call) || !module.TryGetPositionalArgument(call.Open, 0, out var start, out var end))
            {
                continue;
            }

            var value = PyExpressions.ClassifyFollowingVariable(module, start, end);
            if (value.IsNonConstant)
            {
                ReportCall(context, module, call, NameOf(module, call), PyExpressions.DescribeArgument(module, value, start, end));
            }
        }
    }

    private static bool IsSink(PyModule module, in PyCall call)
    {
        foreach (var sink in Sinks)
        {
            if (PySinks.ResolvedLastPartIs(module, call, sink))
            {
                return true;
            }
        }

        return false;
    }
}

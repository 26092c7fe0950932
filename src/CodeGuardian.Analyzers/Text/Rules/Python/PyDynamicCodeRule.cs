using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4004: the builtins <c>eval(</c>, <c>exec(</c>, <c>compile(</c> with a non-constant first argument.
/// Methods of the same name (<c>re.compile</c>, <c>ast.literal_eval</c>, <c>model.eval()</c>) are not builtins.
/// </summary>
public sealed class PyDynamicCodeRule : PythonRule
{
    private static readonly string[] Builtins = { "eval", "exec", "compile" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.DynamicCodeExecution;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(Builtins))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsBuiltin(module, call) || !module.TryGetPositionalArgument(call.Open, 0, out var start, out var end))
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

    private static bool IsBuiltin(PyModule module, in PyCall call)
    {
        foreach (var name in Builtins)
        {
            if (PySinks.IsBuiltinCall(module, call, name))
            {
                return true;
            }
        }

        return false;
    }
}

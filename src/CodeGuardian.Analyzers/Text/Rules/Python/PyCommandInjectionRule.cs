using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4002: a shell command that is not a constant: <c>os.system(</c>/<c>os.popen(</c>,
/// <c>subprocess.getoutput(</c>/<c>getstatusoutput(</c>, and <c>subprocess.run/call/Popen/check_call/check_output(…, shell=True)</c>
/// (any import alias). Argument lists without a shell, and constant commands, do not fire.
/// </summary>
public sealed class PyCommandInjectionRule : PythonRule
{
    private static readonly string[] ShellAlways = { "os.system", "os.popen", "subprocess.getoutput", "subprocess.getstatusoutput", "commands.getoutput" };

    private static readonly string[] ShellOptional = { "subprocess.run", "subprocess.call", "subprocess.Popen", "subprocess.check_call", "subprocess.check_output" };

    private static readonly string[] CandidateNames = PyNames.LastParts(ShellAlways, ShellOptional);

    protected override DiagnosticDescriptor Descriptor => Descriptors.CommandInjection;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsShellSink(module, call) || !module.TryGetPositionalArgument(call.Open, 0, out var start, out var end))
            {
                continue;
            }

            // An argument list ([…]) is not a shell command line.
            if (module.IsPunctuation(start, "[") || module.IsPunctuation(start, "("))
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

    private static bool IsShellSink(PyModule module, in PyCall call)
    {
        foreach (var name in ShellAlways)
        {
            if (module.CallIs(call, name))
            {
                return true;
            }
        }

        foreach (var name in ShellOptional)
        {
            if (module.CallIs(call, name))
            {
                return module.TryGetKeywordArgument(call.Open, "shell", out _, out var start, out var end) && PySinks.ValueIs(module, start, end, "True");
            }
        }

        return false;
    }
}

using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>CG3005: <c>time.sleep(</c> (any import form) whose nearest enclosing function is an <c>async def</c>.</summary>
public sealed class PyBlockingSleepRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.BlockingSleepInAsync;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls("sleep"))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!module.CallIs(call, "time.sleep"))
            {
                continue;
            }

            var function = module.EnclosingFunction(call.NameStart);
            if (function >= 0 && module.Lines[function].IsAsync)
            {
                ReportCall(context, module, call, NameOf(module, call), "await asyncio.sleep(…)");
            }
        }
    }
}

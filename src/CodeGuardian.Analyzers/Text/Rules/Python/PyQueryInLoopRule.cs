using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG5001: <c>.execute(</c> on a database handle (cursor, conn, session, db, engine …) inside the body of a
/// <c>for</c>/<c>while</c> loop of the same function, or in the element of a comprehension.
/// <c>executemany</c> is the batched form and does not fire.
/// </summary>
public sealed class PyQueryInLoopRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.QueryInLoop;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls("execute"))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!module.LastPartIs(call, "execute") || !PySinks.HasDatabaseReceiver(module, call))
            {
                continue;
            }

            var loop = PySinks.EnclosingLoop(module, call.NameStart);
            if (loop is not null)
            {
                ReportCall(context, module, call, NameOf(module, call), loop);
            }
        }
    }
}

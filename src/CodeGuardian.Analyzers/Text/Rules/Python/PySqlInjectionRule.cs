using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4001: SQL execution sinks whose first argument is built at run time (f-string with holes, %-formatting,
/// <c>.format(</c>, concatenation with a non-literal), directly or through a local variable assigned so in
/// the same function. Sinks: <c>.execute(</c> on objects named like cursor/conn/session/db/engine,
/// <c>.executemany(</c>, SQLAlchemy <c>text(</c>, pandas <c>read_sql(</c>/<c>read_sql_query(</c>.
/// Placeholders with a parameter tuple (<c>execute("… %s", (x,))</c>) are constant SQL and do not fire.
/// </summary>
public sealed class PySqlInjectionRule : PythonRule
{
    private static readonly string[] CandidateNames = { "execute", "executemany", "executescript", "read_sql", "read_sql_query", "text" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.SqlInjection;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsSqlSink(module, call) || !module.TryGetPositionalArgument(call.Open, 0, out var start, out var end))
            {
                continue;
            }

            var value = PyExpressions.ClassifyFollowingVariable(module, start, end);
            if (value.IsBuilt)
            {
                ReportCall(context, module, call, NameOf(module, call), PyExpressions.Describe(module, value));
            }
        }
    }

    private static bool IsSqlSink(PyModule module, in PyCall call)
    {
        if (module.LastPartIs(call, "execute"))
        {
            return PySinks.HasDatabaseReceiver(module, call);
        }

        if (module.LastPartIs(call, "executemany") || module.LastPartIs(call, "executescript"))
        {
            return PySinks.ReceiverName(module, call) >= 0;
        }

        if (PySinks.ResolvedLastPartIs(module, call, "read_sql") || PySinks.ResolvedLastPartIs(module, call, "read_sql_query"))
        {
            return true;
        }

        // SQLAlchemy text(): bare (imported from sqlalchemy, or not imported at all) or sqlalchemy.text / sa.text.
        if (call.NameStart == call.NameEnd && !call.HasReceiver && module.Is(call.NameStart, "text"))
        {
            return call.Import < 0 || module.Imports[call.Import].QualifiedName.StartsWith("sqlalchemy", System.StringComparison.Ordinal);
        }

        return module.CallIs(call, "sqlalchemy.text") || module.CallIs(call, "sqlalchemy.sql.text") || module.CallIs(call, "sqlalchemy.sql.expression.text");
    }
}

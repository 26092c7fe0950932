using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>CG2002: <c>breakpoint()</c>, <c>pdb.set_trace()</c>, <c>ipdb.set_trace()</c> and imports of pdb/ipdb.</summary>
public sealed class PyDebuggerBreakRule : PythonRule
{
    private static readonly string[] DebuggerModules = { "pdb", "ipdb", "pudb" };

    private static readonly string[] SetTraceCalls = PyNames.Qualify(string.Empty, DebuggerModules, ".set_trace");

    private static readonly string[] CandidateNames = { "breakpoint", "set_trace" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.DebuggerBreak;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        var reportedStatement = -1;
        var imports = module.Imports;
        for (var k = 0; k < imports.Length; k++)
        {
            var import = imports[k];
            if (import.StatementStart == reportedStatement || !IsDebuggerModule(import))
            {
                continue;
            }

            reportedStatement = import.StatementStart;
            var text = module.File.GetString(module[import.StatementStart].Start, module[import.NameEnd].End - module[import.StatementStart].Start);
            ReportTokens(context, module, import.StatementStart, import.NameEnd, Collapse(text));
        }

        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            if (PySinks.IsBuiltinCall(module, call, "breakpoint"))
            {
                ReportCall(context, module, call, "breakpoint()");
                continue;
            }

            if (module.CallIsAny(call, SetTraceCalls))
            {
                ReportCall(context, module, call, NameOf(module, call) + "()");
            }
        }
    }

    private static bool IsDebuggerModule(in PyImport import)
    {
        foreach (var debugger in DebuggerModules)
        {
            var qualified = import.QualifiedName;
            if (qualified.Equals(debugger, StringComparison.Ordinal)
                || (qualified.StartsWith(debugger, StringComparison.Ordinal) && qualified.Length > debugger.Length && qualified[debugger.Length] == '.'))
            {
                return true;
            }
        }

        return false;
    }

    private static string Collapse(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\\' || c == '(')
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}

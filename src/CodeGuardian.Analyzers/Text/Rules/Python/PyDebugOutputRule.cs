using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG2001: <c>print(</c> in a module that is not a script entry point. Scripts are modules with
/// <c>if __name__ == "__main__":</c>, a shebang line, or the name <c>__main__.py</c>; test files are exempt.
/// </summary>
public sealed class PyDebugOutputRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.DebugOutput;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        if (context.IsTestFile || module.HasMainGuard || IsScript(module))
        {
            return;
        }

        foreach (var c in module.FindCalls("print"))
        {
            ref readonly var call = ref module.CallAt(c);
            if (PySinks.IsBuiltinCall(module, call, "print"))
            {
                ReportCall(context, module, call, "print");
            }
        }
    }

    private static bool IsScript(PyModule module)
    {
        // __main__.py, alone or after a '/' or '\\' (no normalized copy of the path).
        var path = module.File.Path;
        const string MainModule = "__main__.py";
        if (path.EndsWith(MainModule, StringComparison.Ordinal)
            && (path.Length == MainModule.Length || path[path.Length - MainModule.Length - 1] is '/' or '\\'))
        {
            return true;
        }

        var tokens = module.Tokens;
        for (var i = 0; i < tokens.Count && i < 2; i++)
        {
            if (tokens[i].Kind == TokenKind.Text && module.File.TextOf(tokens[i]).StartsWith("#!".AsSpan()))
            {
                return true;
            }
        }

        return false;
    }
}

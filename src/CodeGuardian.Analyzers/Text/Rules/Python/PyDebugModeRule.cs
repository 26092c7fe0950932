using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4014: <c>DEBUG = True</c> in a settings module (a file named <c>settings*.py</c> or under a
/// <c>settings/</c> folder) and <c>&lt;app&gt;.run(…, debug=True)</c>, unless inside an <c>if</c> that checks the
/// environment or a debug switch.
/// </summary>
public sealed class PyDebugModeRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.DebugModeEnabled;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        if (IsSettingsModule(module.File.Path))
        {
            var lines = module.Lines;
            for (var k = 0; k < lines.Length; k++)
            {
                var line = lines[k];
                var op = module.Next(line.First);
                var value = module.Next(op);
                if (module.IsIdentifier(line.First, "DEBUG") && module.IsPunctuation(op, "=") && module.IsIdentifier(value, "True")
                    && module.Next(value) >= line.End && !PySinks.IsEnvironmentGuarded(module, line.First))
                {
                    ReportTokens(context, module, line.First, value, "DEBUG = True");
                }
            }
        }

        foreach (var c in module.FindCalls("run"))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!module.LastPartIs(call, "run") || call.NameStart == call.NameEnd)
            {
                continue;
            }

            if (module.TryGetKeywordArgument(call.Open, "debug", out _, out var start, out var end)
                && PySinks.ValueIs(module, start, end, "True")
                && !PySinks.IsEnvironmentGuarded(module, call.NameStart))
            {
                ReportCall(context, module, call, NameOf(module, call) + "(debug=True)");
            }
        }
    }

    private static bool IsSettingsModule(string path)
    {
        var normalized = path.Replace('\\', '/');
        var slash = normalized.LastIndexOf('/');
        var name = slash < 0 ? normalized : normalized.Substring(slash + 1);
        return (name.StartsWith("settings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".py", StringComparison.OrdinalIgnoreCase))
            || normalized.IndexOf("/settings/", StringComparison.OrdinalIgnoreCase) >= 0
            || normalized.StartsWith("settings/", StringComparison.OrdinalIgnoreCase);
    }
}

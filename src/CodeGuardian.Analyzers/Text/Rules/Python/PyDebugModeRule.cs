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
        // Either separator counts; spans and index searches instead of a normalized copy of the path.
        var slash = path.LastIndexOfAny(Separators);
        var name = path.AsSpan(slash + 1);
        if (name.StartsWith("settings".AsSpan(), StringComparison.OrdinalIgnoreCase) && name.EndsWith(".py".AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // A folder named settings: "settings/" at the start or "/settings/" anywhere.
        const string Folder = "settings";
        for (var at = path.IndexOf(Folder, StringComparison.OrdinalIgnoreCase); at >= 0; at = path.IndexOf(Folder, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + Folder.Length;
            if (end < path.Length && IsSeparator(path[end]) && (at == 0 || IsSeparator(path[at - 1])))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly char[] Separators = { '/', '\\' };

    private static bool IsSeparator(char c) => c is '/' or '\\';
}

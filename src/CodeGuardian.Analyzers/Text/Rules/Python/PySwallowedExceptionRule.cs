using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG3001: an <c>except</c> clause whose whole body is <c>pass</c> or <c>...</c> (on the same line or the next
/// ones; comments do not count as handling). The span is the clause header (<c>except ValueError:</c>).
/// </summary>
public sealed class PySwallowedExceptionRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.SwallowedException;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        var lines = module.Lines;
        foreach (var k in module.HandlerLines)
        {
            var line = lines[k];
            if (line.Kind != PyBlockKind.Except || !module.IsIdentifier(line.First, "except"))
            {
                continue;
            }

            var bodyWord = EmptyBodyWord(module, k);
            if (bodyWord is null)
            {
                continue;
            }

            var header = PyHandlers.HeaderText(module, line);
            ReportTokens(context, module, line.First, line.Colon, "'" + header + " " + bodyWord + "'");
        }
    }

    /// <summary>"pass" or "..." when the clause's body holds nothing else; null when it does something.</summary>
    private static string? EmptyBodyWord(PyModule module, int headerLine)
    {
        var line = module.Lines[headerLine];
        var afterColon = module.Next(line.Colon);
        string? word = null;
        if (afterColon < line.End)
        {
            // One-line body: "except E: pass" (also "pass; pass").
            for (var i = afterColon; i < line.End; i = module.Next(i))
            {
                if (!IsNothing(module, i, ref word) && !module.IsPunctuation(i, ";"))
                {
                    return null;
                }
            }

            return word;
        }

        var (first, end) = module.BodyLines(headerLine);
        if (first >= end)
        {
            return null;
        }

        for (var k = first; k < end; k++)
        {
            var body = module.Lines[k];
            for (var i = body.First; i < body.End; i = module.Next(i))
            {
                if (!IsNothing(module, i, ref word) && !module.IsPunctuation(i, ";"))
                {
                    return null;
                }
            }
        }

        return word;
    }

    private static bool IsNothing(PyModule module, int index, ref string? word)
    {
        if (module.IsIdentifier(index, "pass"))
        {
            word ??= "pass";
            return true;
        }

        if (module.IsPunctuation(index, "..."))
        {
            word ??= "...";
            return true;
        }

        return false;
    }
}

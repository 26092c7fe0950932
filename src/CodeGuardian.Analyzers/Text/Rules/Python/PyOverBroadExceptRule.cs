using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG3002: a bare <c>except:</c> whose body neither re-raises (<c>raise</c>) nor looks at the exception
/// (<c>sys.exc_info()</c>, <c>sys.exception()</c>, <c>traceback.*</c>, <c>logger.exception(</c>, <c>exc_info=</c>).
/// </summary>
public sealed class PyOverBroadExceptRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.OverBroadCatch;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        var lines = module.Lines;
        foreach (var k in module.HandlerLines)
        {
            var line = lines[k];
            if (line.Kind != PyBlockKind.Except || !module.IsIdentifier(line.First, "except") || module.Next(line.First) != line.Colon)
            {
                continue;
            }

            if (HandlesException(module, module.Next(line.Colon), line.End))
            {
                continue;
            }

            var (first, end) = module.BodyLines(k);
            var handled = false;
            for (var b = first; b < end && !handled; b++)
            {
                handled = HandlesException(module, lines[b].First, lines[b].End);
            }

            if (!handled)
            {
                ReportTokens(context, module, line.First, line.Colon, "except:");
            }
        }
    }

    private static bool HandlesException(PyModule module, int start, int end)
    {
        for (var i = start; i < end; i = module.Next(i))
        {
            ref readonly var token = ref module[i];
            if (token.Kind != TokenKind.Identifier)
            {
                continue;
            }

            if (module.Is(i, "raise") || module.Is(i, "exc_info") || module.Is(i, "traceback") || module.Is(i, "format_exc")
                || module.Is(i, "print_exc") || module.Is(i, "exc_info"))
            {
                return true;
            }

            // logger.exception(...) / sys.exception()
            if (module.Is(i, "exception") && module.IsPunctuation(module.Previous(i), "."))
            {
                return true;
            }
        }

        return false;
    }
}

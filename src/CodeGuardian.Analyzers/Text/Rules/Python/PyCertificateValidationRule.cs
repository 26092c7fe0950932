using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4012: <c>verify=False</c> passed to a call or assigned to a <c>.verify</c> attribute,
/// <c>ssl._create_unverified_context</c>, and <c>CERT_NONE</c> used as a value (comparisons do not fire).
/// </summary>
public sealed class PyCertificateValidationRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.CertificateValidationDisabled;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        var calls = module.Calls;
        for (var c = 0; c < calls.Count; c++)
        {
            var call = calls[c];
            if (module.TryGetKeywordArgument(call.Open, "verify", out var keyword, out var start, out var end)
                && PySinks.ValueIs(module, start, end, "False"))
            {
                ReportTokens(context, module, keyword, start, "verify=False");
            }
        }

        var tokens = module.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (tokens[i].Kind != TokenKind.Identifier)
            {
                continue;
            }

            if (module.Is(i, "verify") && module.IsPunctuation(module.Previous(i), ".") && module.IsPunctuation(module.Next(i), "=")
                && module.IsIdentifier(module.Next(module.Next(i)), "False"))
            {
                ReportTokens(context, module, i, module.Next(module.Next(i)), "verify = False");
            }
            else if ((module.Is(i, "_create_unverified_context") || module.Is(i, "CERT_NONE"))
                && !module.IsIdentifier(module.Previous(i), "import") && !module.IsPunctuation(module.Previous(i), ",")
                && !IsCompared(module, i))
            {
                var first = module.DottedNameStart(i);
                ReportTokens(context, module, first, i, module.TextOf(first, i));
            }
        }
    }

    private static bool IsCompared(PyModule module, int index)
    {
        var before = module.Previous(module.DottedNameStart(index));
        var after = module.Next(index);
        return module.IsPunctuation(before, "==") || module.IsPunctuation(before, "!=") || module.IsIdentifier(before, "is")
            || module.IsIdentifier(before, "not") || module.IsPunctuation(after, "==") || module.IsPunctuation(after, "!=")
            || module.IsIdentifier(after, "is") || module.IsIdentifier(after, "in") || module.IsIdentifier(before, "in");
    }
}

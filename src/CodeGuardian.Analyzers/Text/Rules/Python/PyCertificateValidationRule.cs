using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
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
        foreach (var i in module.FindAssigned("verify"))
        {
            var value = module.Next(module.Next(i));
            if (module.IsPunctuation(module.Previous(i), "."))
            {
                // session.verify = False
                if (module.IsIdentifier(value, "False"))
                {
                    ReportTokens(context, module, i, value, "verify = False");
                }

                continue;
            }

            // verify=False as a keyword argument: the call's own (first) verify argument.
            var open = module.EnclosingBracket(i);
            if (module.TryGetCallAt(open, out var call)
                && module.TryGetKeywordArgument(call.Open, "verify", out var keyword, out var start, out var end)
                && keyword == i
                && PySinks.ValueIs(module, start, end, "False"))
            {
                ReportTokens(context, module, keyword, start, "verify=False");
            }
        }

        ReportUses(context, module, "_create_unverified_context");
        ReportUses(context, module, "CERT_NONE");
    }

    /// <summary>Reports <paramref name="name"/> used as a value (not imported, not compared).</summary>
    private void ReportUses(TextRuleContext context, PyModule module, string name)
    {
        foreach (var i in module.FindNames(name))
        {
            if (!module.IsIdentifier(module.Previous(i), "import") && !module.IsPunctuation(module.Previous(i), ",")
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

using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>CG1005: <c>raise NotImplementedError</c> outside abstract methods and Protocol members.</summary>
public sealed class PyNotImplementedRule : PythonRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.NotImplementedPlaceholder;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var error in module.FindNames("NotImplementedError"))
        {
            var i = module.Previous(error);
            if (!module.IsIdentifier(i, "raise") || IsAbstract(module, i))
            {
                continue;
            }

            var last = error;
            var open = module.Next(error);
            if (module.IsPunctuation(open, "(") && module.MatchOf(open) > open)
            {
                last = module.MatchOf(open);
            }

            ReportTokens(context, module, i, last, "raise NotImplementedError");
        }
    }

    private static bool IsAbstract(PyModule module, int raiseIndex)
    {
        var function = module.EnclosingFunction(raiseIndex);
        if (function < 0)
        {
            return false;
        }

        if (module.HasDecorator(function, "abstractmethod") || module.HasDecorator(function, "abstractproperty")
            || module.HasDecorator(function, "abstractclassmethod") || module.HasDecorator(function, "abstractstaticmethod"))
        {
            return true;
        }

        var owner = module.ClassOfMethod(function);
        return owner >= 0 && module.ClassHasBase(owner, "Protocol");
    }
}

using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4001: <c>.query(</c>, <c>.execute(</c>, <c>.raw(</c> (so also <c>sequelize.query</c>, <c>knex.raw</c>) whose first
/// argument is built at run time: a template literal with <c>${}</c> or a concatenation with a non-literal operand,
/// directly or through a variable. Placeholders with a values array, constant concatenation and tagged templates
/// (<c>sql`…${id}`</c>, which pass the holes as parameters) do not fire.
/// </summary>
public sealed class JsSqlInjectionRule : JsRule
{
    protected override DiagnosticDescriptor Descriptor => Descriptors.SqlInjection;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        for (var i = 1; i < syntax.Count; i++)
        {
            if (!syntax.IsPropertyName(i) || !(syntax.IsIdentifier(i, "query") || syntax.IsIdentifier(i, "execute") || syntax.IsIdentifier(i, "raw")))
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            if (open < 0 || !syntax.TryGetArgument(open, 0, out var start, out var end))
            {
                continue;
            }

            var reason = syntax.NonConstantReason(start, end);
            if (reason is not null)
            {
                var first = CalleeStart(syntax, i);
                Report(context, syntax, first, i, Describe(syntax, first, i), reason);
            }
        }
    }
}

using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4001: <c>.query(</c>, <c>.execute(</c>, <c>.raw(</c> (so also <c>sequelize.query</c>, <c>knex.raw</c>) whose first
/// argument is built at run time: a template literal with <c>${}</c> or a concatenation with a non-literal operand,
/// directly or through a variable. Placeholders with a values array, constant concatenation and tagged templates
/// (<c>sql`…${id}`</c>, which pass the holes as parameters) do not fire. <c>.execute(</c> is a common method name outside
/// databases, so for it the string parts must also contain an SQL keyword.
/// </summary>
public sealed class JsSqlInjectionRule : JsRule
{
    private static readonly string[] SqlKeywords =
    {
        "select", "insert", "update", "delete", "merge", "replace", "create", "drop", "alter", "truncate", "exec", "call", "grant", "with",
    };

    protected override DiagnosticDescriptor Descriptor => Descriptors.SqlInjection;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("query", "execute", "raw"))
        {
            if (i < 1 || !syntax.IsPropertyName(i))
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            if (open < 0 || !syntax.TryGetArgument(open, 0, out var start, out var end))
            {
                continue;
            }

            var reason = syntax.NonConstantReason(start, end);
            if (reason is not null && (!syntax.IsIdentifier(i, "execute") || MentionsSql(syntax, start, end)))
            {
                var first = CalleeStart(syntax, i);
                Report(context, syntax, first, i, Describe(syntax, first, i), reason);
            }
        }
    }

    /// <summary>A string token of the argument, or of the value a lone variable argument was assigned, holds an SQL keyword.</summary>
    private static bool MentionsSql(JsSyntax syntax, int start, int end)
    {
        if (end - start == 1 && syntax.IsKind(start, TokenKind.Identifier) && syntax.TryFindAssignment(start, out var valueStart, out var valueEnd))
        {
            start = valueStart;
            end = valueEnd;
        }

        for (var i = start; i < end; i++)
        {
            if (syntax.IsKind(i, TokenKind.String) && HasKeyword(syntax.TextOf(i)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasKeyword(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i]))
            {
                i++;
            }

            var wordStart = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            var word = text.Slice(wordStart, i - wordStart);
            foreach (var keyword in SqlKeywords)
            {
                if (word.Equals(keyword.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}

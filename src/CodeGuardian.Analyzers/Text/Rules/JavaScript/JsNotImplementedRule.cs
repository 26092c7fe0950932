using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG1005: <c>throw new Error("not implemented")</c> (any case, any <c>…Error</c> type, <c>throw "not implemented"</c>,
/// "Method not implemented.", "not yet implemented", "unimplemented", "implement me") and
/// <c>throw new NotImplementedError()</c>.
/// </summary>
public sealed class JsNotImplementedRule : JsRule
{
    private static readonly string[] Phrases = { "not implemented", "not yet implemented", "unimplemented", "implement me", "notimplemented" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.NotImplementedPlaceholder;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("throw"))
        {
            if (syntax.IsPropertyName(i))
            {
                continue;
            }

            var next = i + 1;
            if (syntax.IsConstantString(next))
            {
                if (HasPhrase(syntax, next))
                {
                    Report(context, syntax, i, next, Describe(syntax, i, next));
                }

                continue;
            }

            if (syntax.IsIdentifier(next, "new"))
            {
                next++;
            }

            // The error type, possibly qualified: errors.NotImplemented
            var type = next;
            while (syntax.IsKind(type, TokenKind.Identifier) && syntax.IsMemberDot(type + 1))
            {
                type += 2;
            }

            if (!syntax.IsKind(type, TokenKind.Identifier))
            {
                continue;
            }

            var typeName = syntax.TextOf(type);
            var namedNotImplemented = typeName.IndexOf("NotImplemented".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;
            var open = type + 1;
            var last = type;
            var messageSaysSo = false;
            if (syntax.IsPunctuation(open, "(") && syntax.MatchOf(open) > open)
            {
                last = syntax.MatchOf(open);
                messageSaysSo = syntax.TryGetArgument(open, 0, out var start, out var end) && end - start == 1 && syntax.IsConstantString(start)
                    && HasPhrase(syntax, start);
            }

            if (messageSaysSo || (namedNotImplemented && typeName.EndsWith("Error".AsSpan(), StringComparison.Ordinal)))
            {
                Report(context, syntax, i, last, Describe(syntax, i, last));
            }
        }
    }

    private static bool HasPhrase(JsSyntax syntax, int stringIndex)
    {
        var (start, length) = StringLiterals.ContentOf(syntax.File, syntax[stringIndex]);
        var content = syntax.File.Slice(start, length);
        foreach (var phrase in Phrases)
        {
            if (content.IndexOf(phrase.AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}

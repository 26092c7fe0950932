using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.JavaScript;

/// <summary>
/// Base of the JavaScript/TypeScript text rules: applies to JS files only, skips the work when the rule is off for
/// the file, and hands the rule the file's shared <see cref="JsSyntax"/>.
/// </summary>
public abstract class JsRule : TextRule
{
    private const int MaxMessageText = 80;

    protected abstract DiagnosticDescriptor Descriptor { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    public sealed override bool AppliesTo(TextLanguage language) => language == TextLanguage.JavaScript;

    public sealed override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptor))
        {
            return;
        }

        var syntax = JsSyntax.For(context.File);
        if (syntax.Count > 0)
        {
            Analyze(context, syntax);
        }
    }

    protected abstract void Analyze(TextRuleContext context, JsSyntax syntax);

    /// <summary>Reports the code tokens <paramref name="first"/>..<paramref name="last"/> (inclusive).</summary>
    protected void Report(TextRuleContext context, JsSyntax syntax, int first, int last, params object?[] args)
    {
        var start = syntax[first].Start;
        var end = syntax[last].End;
        context.Report(Descriptor, start, end - start, args);
    }

    /// <summary>Source text of code tokens <paramref name="first"/>..<paramref name="last"/>, whitespace collapsed and shortened, for messages.</summary>
    protected static string Describe(JsSyntax syntax, int first, int last)
    {
        var start = syntax[first].Start;
        var text = syntax.File.Slice(start, syntax[last].End - start);
        var builder = new System.Text.StringBuilder(Math.Min(text.Length, MaxMessageText + 1));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length > MaxMessageText)
            {
                builder.Length = MaxMessageText - 1;
                builder.Append('…');
                break;
            }
        }

        return builder.ToString();
    }

    /// <summary>First token of the callee whose last identifier is <paramref name="name"/>: the chain start, followed back through calls (<c>require('m').x</c>).</summary>
    protected static int CalleeStart(JsSyntax syntax, int name)
    {
        var start = syntax.ChainStart(name);
        for (var steps = 0; steps < 16 && syntax.IsPropertyName(start); steps++)
        {
            // Through a call: require('m').member, db.collection('x').findOne.
            var before = start - 2;
            var open = syntax.IsPunctuation(before, ")") ? syntax.MatchOf(before) : -1;
            if (open <= 0 || !syntax.IsKind(open - 1, Lexing.TokenKind.Identifier))
            {
                return start - 1;
            }

            start = syntax.ChainStart(open - 1);
        }

        return start;
    }

    /// <summary>A method or function definition <c>name(…) {</c> / <c>name(…): T {</c> rather than a call.</summary>
    protected static bool IsDefinition(JsSyntax syntax, int name, int open)
    {
        if (syntax.IsIdentifier(name - 1, "function"))
        {
            return true;
        }

        var close = syntax.MatchOf(open);
        if (close < 0)
        {
            return false;
        }

        if (syntax.IsPunctuation(close + 1, "{"))
        {
            return true;
        }

        // TypeScript return annotation: only at the start of a class member, never in a conditional "? f(x) : y".
        return syntax.IsPunctuation(close + 1, ":")
            && (syntax.IsPunctuation(name - 1, "{") || syntax.IsPunctuation(name - 1, "}") || syntax.IsPunctuation(name - 1, ";")
                || syntax.IsIdentifier(name - 1, "async") || syntax.IsIdentifier(name - 1, "static") || syntax.IsIdentifier(name - 1, "public")
                || syntax.IsIdentifier(name - 1, "private") || syntax.IsIdentifier(name - 1, "protected") || syntax.IsIdentifier(name - 1, "override"));
    }
}

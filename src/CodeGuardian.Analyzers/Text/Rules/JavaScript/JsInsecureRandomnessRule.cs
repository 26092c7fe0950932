using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4011: <c>Math.random()</c> whose value becomes something named like a secret — the assignment target or object
/// key of the same statement (<c>const resetToken = Math.random().toString(36)</c>, <c>{ nonce: Math.random() }</c>), or
/// the function it is returned from (<c>function generateOtp() { return … Math.random() … }</c>). Names are split into
/// words (<c>sessionId</c> → session, id), so <c>keyframe</c> or <c>monkey</c> do not count. A callback passed to a
/// call (<c>sort(() =&gt; Math.random() - 0.5)</c>) is a shuffle, not a value.
/// </summary>
public sealed class JsInsecureRandomnessRule : JsRule
{
    private const int MaxWalk = 256;

    private static readonly string[] SecretWords =
    {
        "token", "password", "passwd", "pwd", "secret", "key", "apikey", "salt", "nonce", "otp", "session", "code", "csrf", "pin", "passcode",
    };

    protected override DiagnosticDescriptor Descriptor => Descriptors.InsecureRandomness;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Strings)
        {
            if (syntax[i].Has(TokenFlags.Interpolated))
            {
                CheckTemplate(context, syntax, i);
            }
        }

        foreach (var i in syntax.Find("random"))
        {
            if (!syntax.IsChain(i, "Math", "random"))
            {
                continue;
            }

            var open = syntax.CallParenthesis(i);
            var close = syntax.MatchOf(open);
            if (open < 0 || close < 0)
            {
                continue;
            }

            var target = FindTarget(syntax, i - 2);
            if (target >= 0 && IsSecretName(syntax, target))
            {
                Report(context, syntax, i - 2, close, "Math.random()", NameText(syntax, target));
            }
        }
    }

    /// <summary>
    /// <c>Math.random()</c> inside a <c>${}</c> hole of a template literal (<c>`tok_${Math.random()}`</c>): holes are part of the
    /// String token, so the call is found in its text and reported at its exact position.
    /// </summary>
    private void CheckTemplate(TextRuleContext context, JsSyntax syntax, int index)
    {
        const string Call = "Math.random()";
        var text = syntax.TextOf(index);
        var at = text.IndexOf(Call.AsSpan(), StringComparison.Ordinal);
        if (at < 0 || (at > 0 && (char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '_' or '$' or '.')))
        {
            return;
        }

        var target = FindTarget(syntax, index);
        if (target >= 0 && IsSecretName(syntax, target))
        {
            context.Report(Descriptor, syntax[index].Start + at, Call.Length, Call, NameText(syntax, target));
        }
    }

    /// <summary>The name the value flows into (identifier or string key), or -1.</summary>
    private static int FindTarget(JsSyntax syntax, int start)
    {
        var crossedFunction = false;
        var p = start - 1;
        for (var steps = 0; p >= 0 && steps < MaxWalk; steps++)
        {
            if (syntax.IsCloseBracket(p))
            {
                var open = syntax.MatchOf(p);
                if (open < 0)
                {
                    return -1;
                }

                p = open - 1;
                continue;
            }

            if (syntax.IsOpenBracket(p))
            {
                if (syntax.IsPunctuation(p, "{") || (crossedFunction && syntax.IsPunctuation(p, "(")))
                {
                    return -1;
                }

                p--;
                continue;
            }

            if (syntax.IsPunctuation(p, ";"))
            {
                return -1;
            }

            if (syntax.IsPunctuation(p, ","))
            {
                var parent = syntax.ParentOf(p);
                if (parent < 0 || syntax.IsPunctuation(parent, "{") || crossedFunction)
                {
                    return -1;
                }

                p = parent - 1;
                continue;
            }

            if (syntax.IsPunctuation(p, "=>") || syntax.IsIdentifier(p, "function"))
            {
                crossedFunction = true;
            }
            else if (syntax.IsPunctuation(p, "=") || syntax.IsPunctuation(p, "+=") || syntax.IsPunctuation(p, ":") || syntax.IsPunctuation(p, "||=")
                || syntax.IsPunctuation(p, "??="))
            {
                var name = p - 1;
                return syntax.IsKind(name, TokenKind.Identifier) || syntax.IsConstantString(name) ? name : -1;
            }
            else if (syntax.IsIdentifier(p, "return") && !syntax.IsPropertyName(p))
            {
                return EnclosingFunctionName(syntax, p);
            }

            p--;
        }

        return -1;
    }

    /// <summary>Name of the function whose body holds <paramref name="index"/>: declaration, method, or <c>name = (…) =&gt; {</c>.</summary>
    private static int EnclosingFunctionName(JsSyntax syntax, int index)
    {
        var brace = syntax.ParentOf(index);
        for (var steps = 0; brace >= 0 && steps < 64; steps++)
        {
            if (!syntax.IsPunctuation(brace, "{"))
            {
                brace = syntax.ParentOf(brace);
                continue;
            }

            // Skip a TypeScript return type between ")" and "{".
            var before = brace - 1;
            for (var k = 0; k < 8 && before > 0 && !syntax.IsPunctuation(before, ")") && !syntax.IsPunctuation(before, "=>"); k++)
            {
                before--;
            }

            if (syntax.IsPunctuation(before, "=>"))
            {
                var parameters = before - 1;
                var open = syntax.IsPunctuation(parameters, ")") ? syntax.MatchOf(parameters) : parameters;
                var assign = syntax.IsIdentifier(open - 1, "async") ? open - 2 : open - 1;
                return (syntax.IsPunctuation(assign, "=") || syntax.IsPunctuation(assign, ":")) && syntax.IsKind(assign - 1, TokenKind.Identifier) ? assign - 1 : -1;
            }

            if (syntax.IsPunctuation(before, ")"))
            {
                var open = syntax.MatchOf(before);
                var name = open - 1;
                if (syntax.IsIdentifier(name, "if") || syntax.IsIdentifier(name, "for") || syntax.IsIdentifier(name, "while") || syntax.IsIdentifier(name, "switch")
                    || syntax.IsIdentifier(name, "catch") || syntax.IsIdentifier(name, "with"))
                {
                    brace = syntax.ParentOf(brace);
                    continue;
                }

                if (syntax.IsIdentifier(name, "function"))
                {
                    return syntax.IsPunctuation(name - 1, "=") || syntax.IsPunctuation(name - 1, ":") ? name - 2 : -1;
                }

                return syntax.IsKind(name, TokenKind.Identifier) ? name : -1;
            }

            if (syntax.IsIdentifier(before, "else") || syntax.IsIdentifier(before, "try") || syntax.IsIdentifier(before, "finally") || syntax.IsIdentifier(before, "do"))
            {
                brace = syntax.ParentOf(brace);
                continue;
            }

            return -1;
        }

        return -1;
    }

    private static ReadOnlySpan<char> NameSpan(JsSyntax syntax, int index)
    {
        if (syntax.IsConstantString(index))
        {
            var (start, length) = StringLiterals.ContentOf(syntax.File, syntax[index]);
            return syntax.File.Slice(start, length);
        }

        return syntax.TextOf(index);
    }

    private static string NameText(JsSyntax syntax, int index) => NameSpan(syntax, index).ToString();

    /// <summary>One of the words of the name (camelCase, snake_case, kebab-case) is a secret word, optionally plural.</summary>
    private static bool IsSecretName(JsSyntax syntax, int index)
    {
        var name = NameSpan(syntax, index);
        var i = 0;
        while (i < name.Length)
        {
            while (i < name.Length && !char.IsLetter(name[i]))
            {
                i++;
            }

            if (i >= name.Length)
            {
                break;
            }

            // A word ends before a non-letter, at a lower-to-upper step (apiKey), or before the last capital of an acronym (APIKey).
            var start = i++;
            while (i < name.Length && char.IsLetter(name[i])
                && !(char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])))))
            {
                i++;
            }

            if (IsSecretWord(name.Slice(start, i - start)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSecretWord(ReadOnlySpan<char> word)
    {
        if (word.Length > 1 && (word[word.Length - 1] == 's' || word[word.Length - 1] == 'S'))
        {
            var singular = word.Slice(0, word.Length - 1);
            foreach (var secret in SecretWords)
            {
                if (singular.Equals(secret.AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        foreach (var secret in SecretWords)
        {
            if (word.Equals(secret.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4005: request input (<c>req.params</c>, <c>req.query</c>, <c>req.body</c>, also on <c>request</c>) reaching a
/// file-system path: an argument of <c>fs.*</c> (and <c>fs/promises</c>, <c>fs-extra</c>, destructured names),
/// <c>res.sendFile</c>/<c>res.download</c>, <c>path.join</c>/<c>path.resolve</c> — directly, inside a template
/// literal argument, or through a variable assigned from it earlier in the same block. The innermost sink is reported.
/// A value reduced by <c>path.basename(…)</c> or a <c>sanitize…(…)</c> call does not fire.
/// </summary>
public sealed class JsPathTraversalRule : JsRule
{
    private const int MaxTainted = 32;
    private static readonly string[] FsModules = { "fs", "fs/promises", "fs-extra" };
    private static readonly string[] FsNames = { "fs", "fsp", "fsPromises", "fse" };
    private static readonly string[] InputMembers = { "params", "query", "body" };
    private static readonly string[] RequestPrefixes = { "req.", "request." };

    protected override DiagnosticDescriptor Descriptor => Descriptors.PathTraversal;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        List<Tainted>? tainted = null;
        foreach (var i in syntax.Find("req", "request"))
        {
            if (i + 2 >= syntax.Count || !IsRequestInput(syntax, i))
            {
                continue;
            }

            var label = Describe(syntax, i, syntax.IsMemberDot(i + 3) && syntax.IsKind(i + 4, TokenKind.Identifier) ? i + 4 : i + 2);
            if (!CheckFlow(context, syntax, i, label) && syntax.IsPunctuation(i - 1, "="))
            {
                Taint(syntax, i - 2, label, ref tainted);
            }
        }

        if (tainted is not null)
        {
            foreach (var variable in tainted)
            {
                foreach (var j in syntax.Find(variable.Name))
                {
                    if (j <= variable.Declaration)
                    {
                        continue;
                    }

                    if (j >= variable.ScopeEnd)
                    {
                        break;
                    }

                    if (!syntax.IsPropertyName(j) && !(syntax.IsPunctuation(j + 1, ":") && syntax.IsPunctuation(syntax.ParentOf(j), "{")))
                    {
                        CheckFlow(context, syntax, j, variable.Label + " (through '" + variable.Name + "')");
                    }
                }
            }
        }

        CheckTemplateArguments(context, syntax, tainted);
    }

    private static bool IsRequestInput(JsSyntax syntax, int index)
    {
        if (!(syntax.IsIdentifier(index, "req") || syntax.IsIdentifier(index, "request")) || syntax.IsPropertyName(index) || !syntax.IsMemberDot(index + 1))
        {
            return false;
        }

        foreach (var member in InputMembers)
        {
            if (syntax.IsIdentifier(index + 2, member))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Walks out through the enclosing calls of <paramref name="index"/>; reports the first sink. True when a sink or sanitizer was met.</summary>
    private bool CheckFlow(TextRuleContext context, JsSyntax syntax, int index, string label)
    {
        var bracket = syntax.ParentOf(index);
        for (var steps = 0; bracket >= 0 && steps < 32; steps++)
        {
            if (syntax.IsPunctuation(bracket, "{"))
            {
                return false;
            }

            if (syntax.IsPunctuation(bracket, "(") && syntax.IsKind(bracket - 1, TokenKind.Identifier))
            {
                var callee = bracket - 1;
                if (IsSanitizer(syntax, callee))
                {
                    return true;
                }

                if (IsSink(syntax, callee))
                {
                    var first = CalleeStart(syntax, callee);
                    Report(context, syntax, first, callee, Describe(syntax, first, callee), label);
                    return true;
                }
            }

            bracket = syntax.ParentOf(bracket);
        }

        return false;
    }

    /// <summary><c>NAME = req.x</c> or <c>{ a, b: c } = req.x</c>: the names now hold request input within their block.</summary>
    private static void Taint(JsSyntax syntax, int target, string label, ref List<Tainted>? tainted)
    {
        tainted ??= new List<Tainted>();
        var scope = syntax.ParentOf(target);
        var scopeEnd = scope >= 0 && syntax.MatchOf(scope) > 0 ? syntax.MatchOf(scope) : syntax.Count;
        if (syntax.IsKind(target, TokenKind.Identifier) && !syntax.IsPropertyName(target))
        {
            if (tainted.Count < MaxTainted)
            {
                tainted.Add(new Tainted(syntax.File.GetString(syntax[target]), target + 2, scopeEnd, label));
            }

            return;
        }

        if (!syntax.IsPunctuation(target, "}") || syntax.MatchOf(target) < 0)
        {
            return;
        }

        var open = syntax.MatchOf(target);
        scope = syntax.ParentOf(open);
        scopeEnd = scope >= 0 && syntax.MatchOf(scope) > 0 ? syntax.MatchOf(scope) : syntax.Count;
        for (var i = open + 1; i < target && tainted.Count < MaxTainted; i++)
        {
            // The local name: "a" in "{ a }" / "{ a = 1 }", "c" in "{ b: c }".
            if (syntax.IsKind(i, TokenKind.Identifier) && syntax.ParentOf(i) == open && !syntax.IsPunctuation(i + 1, ":")
                && !syntax.IsPunctuation(i - 1, "="))
            {
                tainted.Add(new Tainted(syntax.File.GetString(syntax[i]), target + 2, scopeEnd, label + "." + syntax.File.GetString(syntax[i])));
            }
        }
    }

    /// <summary>Sinks whose argument is a template literal mentioning request input or a tainted variable inside <c>${}</c>.</summary>
    private void CheckTemplateArguments(TextRuleContext context, JsSyntax syntax, List<Tainted>? tainted)
    {
        foreach (var i in syntax.Strings)
        {
            if (!syntax[i].Has(TokenFlags.Interpolated))
            {
                continue;
            }

            var bracket = syntax.ParentOf(i);
            if (!syntax.IsPunctuation(bracket, "(") || !syntax.IsKind(bracket - 1, TokenKind.Identifier))
            {
                continue;
            }

            // Without a tainted variable only request input can make a finding, and both its prefixes spell "req":
            // one search answers most template arguments before the callee is asked whether it is a sink.
            var text = syntax.TextOf(i);
            if ((tainted is null && text.IndexOf("req".AsSpan()) < 0) || !IsSink(syntax, bracket - 1))
            {
                continue;
            }

            var label = FindRequestInput(text);
            if (label is null && tainted is not null)
            {
                foreach (var variable in tainted)
                {
                    if (i > variable.Declaration && i < variable.ScopeEnd && ContainsWord(text, variable.Name))
                    {
                        label = variable.Label + " (through '" + variable.Name + "')";
                        break;
                    }
                }
            }

            if (label is not null)
            {
                var first = CalleeStart(syntax, bracket - 1);
                Report(context, syntax, first, bracket - 1, Describe(syntax, first, bracket - 1), label);
            }
        }
    }

    private static string? FindRequestInput(ReadOnlySpan<char> text)
    {
        foreach (var owner in RequestPrefixes)
        {
            var offset = 0;
            while (offset < text.Length)
            {
                var at = text.Slice(offset).IndexOf(owner.AsSpan(), StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var start = offset + at;
                offset = start + owner.Length;
                if (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '_' or '$' or '.'))
                {
                    continue;
                }

                foreach (var member in InputMembers)
                {
                    if (text.Slice(offset).StartsWith(member.AsSpan(), StringComparison.Ordinal))
                    {
                        var end = offset + member.Length;
                        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '_' or '$' or '.'))
                        {
                            end++;
                        }

                        return text.Slice(start, end - start).ToString();
                    }
                }
            }
        }

        return null;
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string word)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var at = text.Slice(offset).IndexOf(word.AsSpan(), StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var start = offset + at;
            var end = start + word.Length;
            var before = start == 0 ? ' ' : text[start - 1];
            var after = end >= text.Length ? ' ' : text[end];
            if (!IsWordChar(before) && before != '.' && !IsWordChar(after))
            {
                return true;
            }

            offset = end;
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    private static bool IsSink(JsSyntax syntax, int callee)
    {
        if (syntax.IsPropertyName(callee))
        {
            if (syntax.IsIdentifier(callee, "sendFile") || (syntax.IsIdentifier(callee, "download") && IsResponse(syntax, callee - 2)))
            {
                return true;
            }

            if (syntax.IsModuleMember(callee, "path", "join") || syntax.IsModuleMember(callee, "path", "resolve"))
            {
                return true;
            }

            var owner = syntax.ChainStart(callee);
            if (owner == callee)
            {
                return false;
            }

            foreach (var name in FsNames)
            {
                if (syntax.IsIdentifier(owner, name))
                {
                    return true;
                }
            }

            foreach (var module in FsModules)
            {
                if (syntax.IsModuleAlias(owner, module))
                {
                    return true;
                }
            }

            return false;
        }

        var member = syntax.ImportedMemberName(callee, "path");
        if (member is "join" or "resolve")
        {
            return true;
        }

        foreach (var module in FsModules)
        {
            if (syntax.IsBoundToModule(callee, module))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsResponse(JsSyntax syntax, int owner) =>
        syntax.IsIdentifier(owner, "res") || syntax.IsIdentifier(owner, "response") || syntax.IsIdentifier(owner, "reply");

    private static bool IsSanitizer(JsSyntax syntax, int callee) =>
        syntax.IsIdentifier(callee, "basename") || syntax.TextOf(callee).IndexOf("sanitize".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;

    private sealed class Tainted
    {
        public Tainted(string name, int declaration, int scopeEnd, string label)
        {
            Name = name;
            Declaration = declaration;
            ScopeEnd = scopeEnd;
            Label = label;
        }

        public string Name { get; }

        public int Declaration { get; }

        public int ScopeEnd { get; }

        public string Label { get; }
    }
}

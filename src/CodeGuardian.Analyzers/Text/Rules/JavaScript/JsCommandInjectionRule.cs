using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4002: <c>child_process</c> <c>exec</c>/<c>execSync</c> with a command built at run time, and
/// <c>spawn</c>/<c>spawnSync</c>/<c>execFile</c>/<c>execFileSync</c> with <c>{ shell: true }</c> and a non-constant
/// command or argument. The module may be reached as <c>child_process.x</c>, through an alias
/// (<c>const cp = require('child_process')</c>, <c>import * as cp</c>) or a destructured/renamed import.
/// Constant commands and argument arrays without a shell do not fire.
/// </summary>
public sealed class JsCommandInjectionRule : JsRule
{
    private const string Module = "child_process";
    private static readonly string[] ShellMembers = { "exec", "execSync" };
    private static readonly string[] ArgumentMembers = { "spawn", "spawnSync", "execFile", "execFileSync" };
    private static readonly string[] AllMembers = { "exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.CommandInjection;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        if (syntax.HasRenamedImport(Module, AllMembers))
        {
            // A member imported under another name: any identifier may be the call.
            for (var i = 0; i < syntax.Count; i++)
            {
                if (syntax[i].Kind == Lexing.TokenKind.Identifier)
                {
                    Check(context, syntax, i);
                }
            }

            return;
        }

        foreach (var i in syntax.Find("exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync"))
        {
            Check(context, syntax, i);
        }
    }

    private void Check(TextRuleContext context, JsSyntax syntax, int i)
    {
        var member = ResolveMember(syntax, i);
        if (member is null)
        {
            return;
        }

        var open = syntax.CallParenthesis(i);
        if (open < 0 || !syntax.TryGetArgument(open, 0, out var start, out var end))
        {
            return;
        }

        string? reason;
        if (member is "exec" or "execSync")
        {
            reason = syntax.NonConstantReason(start, end);
        }
        else
        {
            reason = HasShellOption(syntax, open) ? ShellReason(syntax, open, start, end) : null;
        }

        if (reason is not null)
        {
            var first = CalleeStart(syntax, i);
            Report(context, syntax, first, i, Module + "." + member, reason);
        }
    }

    private static string? ResolveMember(JsSyntax syntax, int index)
    {
        if (syntax.IsPropertyName(index))
        {
            foreach (var name in ShellMembers)
            {
                if (syntax.IsModuleMember(index, Module, name))
                {
                    return name;
                }
            }

            foreach (var name in ArgumentMembers)
            {
                if (syntax.IsModuleMember(index, Module, name))
                {
                    return name;
                }
            }

            return null;
        }

        var imported = syntax.ImportedMemberName(index, Module);
        return imported is "exec" or "execSync" or "spawn" or "spawnSync" or "execFile" or "execFileSync" ? imported : null;
    }

    /// <summary>An object literal argument with <c>shell: true</c> (or a truthy shell path string).</summary>
    private static bool HasShellOption(JsSyntax syntax, int open)
    {
        for (var n = 1; n < 4; n++)
        {
            if (!syntax.TryGetArgument(open, n, out var start, out var end))
            {
                return false;
            }

            if (!syntax.IsPunctuation(start, "{"))
            {
                continue;
            }

            for (var i = start + 1; i < end - 2; i++)
            {
                if (syntax.ParentOf(i) == start && syntax.IsIdentifier(i, "shell") && syntax.IsPunctuation(i + 1, ":")
                    && (syntax.IsIdentifier(i + 2, "true") || syntax.IsConstantString(i + 2)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string? ShellReason(JsSyntax syntax, int open, int start, int end)
    {
        var reason = syntax.NonConstantReason(start, end);
        if (reason is not null)
        {
            return reason + " run by a shell";
        }

        if (!syntax.IsConstant(start, end))
        {
            return "a run-time value run by a shell";
        }

        // The argument array is joined into the shell command line.
        if (syntax.TryGetArgument(open, 1, out var argsStart, out var argsEnd) && syntax.IsPunctuation(argsStart, "[")
            && syntax.MatchOf(argsStart) == argsEnd - 1)
        {
            for (var n = 0; syntax.TryGetArgumentOfBracket(argsStart, n, out var elementStart, out var elementEnd); n++)
            {
                if (!syntax.IsConstant(elementStart, elementEnd))
                {
                    return "run-time arguments joined into a shell command line";
                }
            }
        }

        return null;
    }
}

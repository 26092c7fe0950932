using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG4002 for Rust: <c>Command::new</c> of a shell (<c>sh</c>, <c>bash</c>, <c>zsh</c>, <c>dash</c>, <c>cmd</c>,
/// <c>cmd.exe</c>, <c>powershell</c>, <c>pwsh</c>, also by absolute path) whose argument after the command flag
/// (<c>-c</c>, <c>/C</c>, <c>-Command</c>) is not a literal or constant. Arguments come from the method chain
/// (<c>.arg(…)</c>, <c>.args([…])</c>, across lines) and, when the command is bound with <c>let</c>, from later
/// <c>cmd.arg(…)</c> statements in the same block. Reported on the non-constant argument.
/// </summary>
public sealed class RustCommandInjectionRule : TextRule
{
    private static readonly string[] CommandNew = { "Command", "new" };
    private static readonly string[] NewName = { "new" };

    private static readonly string[] Shells =
    {
        "sh", "bash", "zsh", "dash", "ksh", "cmd", "cmd.exe", "powershell", "powershell.exe", "pwsh", "pwsh.exe",
    };

    private static readonly string[] CommandFlags = { "-c", "/c", "-command", "/k" };

    private const int BlockScanLimit = 4000;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CommandInjection);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.CommandInjection))
        {
            return;
        }

        // "Command" is written at the call or in the use that the call's path goes through.
        var syntax = RsSyntax.Of(context.File);
        if (!syntax.HasName("Command"))
        {
            return;
        }

        List<(int Start, int End)>? arguments = null;
        var candidates = syntax.Candidates(NewName, withRenames: true);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (!syntax.IsName(i, "new") || !syntax.IsPunct(i + 1, "(") || !syntax.PathEndsWith(i, CommandNew, out var first))
            {
                continue;
            }

            var open = i + 1;
            var close = syntax.MatchOf(open);
            var program = close > open + 1 && close < syntax.Count ? syntax.LiteralOf(open + 1, close) : -1;
            if (program < 0 || !IsShell(syntax.StringContent(program)))
            {
                continue;
            }

            arguments ??= new List<(int Start, int End)>();
            arguments.Clear();
            var chainEnd = CollectChain(syntax, close, arguments);
            CollectLaterStatements(syntax, first, chainEnd, arguments);
            Check(context, syntax, program, arguments);
        }
    }

    private static bool IsShell(ReadOnlySpan<char> program)
    {
        var slash = program.LastIndexOfAny('/', '\\');
        var name = slash >= 0 ? program.Slice(slash + 1) : program;
        foreach (var shell in Shells)
        {
            if (name.Equals(shell.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds the arguments of <c>.arg</c>/<c>.args</c> calls chained after <paramref name="position"/>; returns the chain's last index.</summary>
    private static int CollectChain(RsSyntax syntax, int position, List<(int Start, int End)> arguments)
    {
        while (syntax.NextChainCall(position, out var name, out var open))
        {
            var close = syntax.MatchOf(open);
            if (close < 0 || close >= syntax.Count)
            {
                return syntax.Count;
            }

            if (syntax.Is(name, "arg"))
            {
                arguments.AddRange(syntax.Arguments(open));
            }
            else if (syntax.Is(name, "args"))
            {
                AddArrayElements(syntax, open, arguments);
            }

            position = close;
        }

        return position;
    }

    /// <summary><c>.args(["-c", x])</c>, <c>.args(&amp;[…])</c>, <c>.args(vec![…])</c>: the elements; anything else is one opaque argument.</summary>
    private static void AddArrayElements(RsSyntax syntax, int open, List<(int Start, int End)> arguments)
    {
        var outer = syntax.Arguments(open);
        if (outer.Count != 1)
        {
            arguments.AddRange(outer);
            return;
        }

        var (start, end) = outer[0];
        while (start < end && (syntax.IsPunct(start, "&") || syntax.IsName(start, "mut")))
        {
            start++;
        }

        if (syntax.IsMacroCall(start, "vec"))
        {
            start += 2;
        }

        if (syntax.IsPunct(start, "[") && syntax.MatchOf(start) == end - 1)
        {
            arguments.AddRange(syntax.Arguments(start));
        }
        else
        {
            arguments.Add(outer[0]);
        }
    }

    /// <summary>
    /// <c>let mut cmd = Command::new("sh");</c> followed by <c>cmd.arg("-c").arg(x);</c>: the later statements'
    /// arguments, in order, up to the end of the enclosing block.
    /// </summary>
    private static void CollectLaterStatements(RsSyntax syntax, int commandStart, int chainEnd, List<(int Start, int End)> arguments)
    {
        var nameIndex = commandStart - 2;
        if (!syntax.IsPunct(commandStart - 1, "=") || !syntax.IsName(nameIndex))
        {
            return;
        }

        var binding = nameIndex - 1;
        if (syntax.IsName(binding, "mut"))
        {
            binding--;
        }

        if (!syntax.IsName(binding, "let"))
        {
            return;
        }

        var name = syntax.File.TextOf(syntax[nameIndex]);
        var limit = Math.Min(syntax.Count, chainEnd + BlockScanLimit);
        var k = chainEnd + 1;
        while (k < limit)
        {
            if (syntax.IsPunct(k, "}"))
            {
                return;
            }

            if (syntax.IsName(k) && !syntax.IsPunct(k - 1, ".") && syntax.File.TextOf(syntax[k]).SequenceEqual(name))
            {
                if (syntax.IsName(k - 1, "let") || syntax.IsName(k - 1, "mut"))
                {
                    return; // shadowed
                }

                k = Math.Max(k + 1, CollectChain(syntax, k, arguments) + 1);
                continue;
            }

            k = syntax.SkipBracket(k);
        }
    }

    private static void Check(TextRuleContext context, RsSyntax syntax, int programIndex, List<(int Start, int End)> arguments)
    {
        for (var a = 0; a + 1 < arguments.Count; a++)
        {
            var (flagStart, flagEnd) = arguments[a];
            var flag = syntax.LiteralOf(flagStart, flagEnd);
            if (flag < 0 || !IsCommandFlag(syntax.StringContent(flag)))
            {
                continue;
            }

            var (valueStart, valueEnd) = arguments[a + 1];
            var kind = syntax.Classify(valueStart, valueEnd, traceLocals: true, out var reason);
            if (kind == RsValueKind.Constant)
            {
                continue;
            }

            if (kind == RsValueKind.Unknown)
            {
                reason = "a run-time value";
            }

            var shell = syntax.StringContent(programIndex).ToString() + " " + syntax.StringContent(flag).ToString();
            var (start, length) = syntax.SpanOf(valueStart, valueEnd);
            context.Report(Descriptors.CommandInjection, start, length, shell, reason);
            return;
        }
    }

    private static bool IsCommandFlag(ReadOnlySpan<char> flag)
    {
        foreach (var candidate in CommandFlags)
        {
            if (flag.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

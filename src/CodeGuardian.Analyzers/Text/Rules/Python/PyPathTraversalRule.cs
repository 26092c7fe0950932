using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4005: Flask request input (<c>request.args</c>, <c>request.form</c>, <c>request.values</c>,
/// <c>request.files[…].filename</c>) reaching <c>open(</c>, <c>send_file(</c> or <c>os.path.join(</c> without
/// <c>secure_filename</c> (or <c>os.path.basename</c>): in the call's arguments, or through a local variable
/// whose latest assignment in the same function holds the input.
/// </summary>
public sealed class PyPathTraversalRule : PythonRule
{
    private static readonly string[] Inputs = { "args", "form", "values", "files" };

    private static readonly string[] CandidateNames = { "open", "join", "send_file" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.PathTraversal;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        // Every finding starts at a 'request' name token: a file that never spells it has none.
        if (!Spells(module.File.Text, "request"))
        {
            return;
        }

        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsSink(module, call))
            {
                continue;
            }

            var close = module.ContentEnd(call.Open);
            if (FindInput(module, module.Next(call.Open), close, followVariables: true, out var input, out var variable))
            {
                var source = "request." + module.File.GetString(module[input]);
                if (variable >= 0)
                {
                    source += " via " + module.File.GetString(module[variable]);
                }

                ReportCall(context, module, call, NameOf(module, call), source);
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> contains <paramref name="word"/>, found from its 'q': a rare letter in code,
    /// so one vectorized search for it skips nearly everything (a search for the whole word stops at every 'r'…'t').
    /// </summary>
    private static bool Spells(ReadOnlySpan<char> text, string word)
    {
        var anchor = word.IndexOf('q');
        var from = anchor;
        while (from < text.Length)
        {
            var q = text.Slice(from).IndexOf('q');
            if (q < 0)
            {
                return false;
            }

            var start = from + q - anchor;
            if (start + word.Length <= text.Length && text.Slice(start, word.Length).SequenceEqual(word.AsSpan()))
            {
                return true;
            }

            from += q + 1;
        }

        return false;
    }

    private static bool IsSink(PyModule module, in PyCall call) =>
        PySinks.IsBuiltinCall(module, call, "open")
        || module.CallIs(call, "os.path.join")
        || PySinks.ResolvedLastPartIs(module, call, "send_file");

    /// <summary>
    /// Looks for unsanitized request input in tokens [start, end). Nested sink calls are skipped (they are
    /// reported on their own); a sanitizer anywhere in the range clears it.
    /// </summary>
    private static bool FindInput(PyModule module, int start, int end, bool followVariables, out int input, out int variable)
    {
        input = variable = -1;
        var found = -1;
        var foundVariable = -1;
        for (var i = start; i < end && i < module.Tokens.Count; i = module.Next(i))
        {
            ref readonly var token = ref module[i];
            if (token.Kind != TokenKind.Identifier)
            {
                continue;
            }

            if (module.Is(i, "secure_filename") || module.Is(i, "basename"))
            {
                return false;
            }

            var next = module.Next(i);
            if (module.IsPunctuation(next, "(") && module.TryGetCallAt(next, out var nested) && nested.NameEnd == i && IsSink(module, nested) && module.MatchOf(next) > next)
            {
                i = module.MatchOf(next);
                continue;
            }

            if (found < 0 && module.Is(i, "request") && module.IsPunctuation(next, ".") && !module.IsPunctuation(module.Previous(i), "."))
            {
                var member = module.Next(next);
                if (IsInput(module, member) && (!module.Is(member, "files") || HasFilename(module, member, end)))
                {
                    found = member;
                }
            }
            else if (found < 0 && followVariables && foundVariable < 0 && !module.IsPunctuation(module.Previous(i), ".")
                && !module.IsPunctuation(next, "(") && !module.IsPunctuation(next, "=")
                && PyExpressions.TryFindAssignment(module, i, out var valueStart, out var valueEnd, out _)
                && FindInput(module, valueStart, valueEnd, followVariables: false, out var assignedInput, out _))
            {
                found = assignedInput;
                foundVariable = i;
            }
        }

        input = found;
        variable = foundVariable;
        return found >= 0;
    }

    private static bool IsInput(PyModule module, int index)
    {
        foreach (var name in Inputs)
        {
            if (module.IsIdentifier(index, name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasFilename(PyModule module, int from, int end)
    {
        for (var i = from; i < end && i < module.Tokens.Count; i = module.Next(i))
        {
            if (module.IsIdentifier(i, "filename") && module.IsPunctuation(module.Previous(i), "."))
            {
                return true;
            }
        }

        return false;
    }
}

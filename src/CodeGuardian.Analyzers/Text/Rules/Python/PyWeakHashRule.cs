using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4009: <c>hashlib.md5(</c>/<c>hashlib.sha1(</c> (any import form) and <c>hashlib.new('md5'|'sha1')</c>,
/// unless called with <c>usedforsecurity=False</c> (the caller states it is not a security use).
/// </summary>
public sealed class PyWeakHashRule : PythonRule
{
    private static readonly string[] WeakAlgorithms = { "md5", "sha1", "sha-1", "md4" };

    private static readonly string[] CandidateNames = { "md5", "sha1", "new" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.WeakHash;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            string? construct = null;
            if (module.CallIs(call, "hashlib.md5") || module.CallIs(call, "hashlib.sha1"))
            {
                construct = NameOf(module, call);
            }
            else if (module.CallIs(call, "hashlib.new")
                && module.TryGetPositionalArgument(call.Open, 0, out var start, out var end)
                && module.Next(start) >= end && IsWeakName(module, start))
            {
                construct = NameOf(module, call) + "(" + module.File.GetString(module[start]) + ")";
            }

            if (construct is null)
            {
                continue;
            }

            if (module.TryGetKeywordArgument(call.Open, "usedforsecurity", out _, out var valueStart, out var valueEnd)
                && PySinks.ValueIs(module, valueStart, valueEnd, "False"))
            {
                continue;
            }

            ReportCall(context, module, call, construct);
        }
    }

    private static bool IsWeakName(PyModule module, int index)
    {
        if (!module.IsKind(index, TokenKind.String))
        {
            return false;
        }

        var (start, length) = StringLiterals.ContentOf(module.File, module[index]);
        var content = module.File.Slice(start, length);
        foreach (var algorithm in WeakAlgorithms)
        {
            if (content.Equals(algorithm.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

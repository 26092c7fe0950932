using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Rust;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Rust;

/// <summary>
/// CG4001 for Rust: the SQL argument of a query sink is built at run time — <c>format!</c> with arguments or
/// captures, concatenation with a non-literal, or a local initialised or extended (<c>push_str</c>, <c>+=</c>,
/// <c>write!</c>) that way. Sinks: sqlx/diesel functions <c>query</c>, <c>query_as</c>, <c>query_scalar</c>,
/// <c>query_with</c>, <c>raw_sql</c>, <c>sql_query</c>; methods <c>.query(</c>, <c>.execute(</c>,
/// <c>.query_one(</c>, <c>.query_opt(</c>, <c>.query_row(</c>, <c>.prepare(</c>, <c>.batch_execute(</c>,
/// <c>.execute_batch(</c>, <c>.simple_query(</c> (postgres, rusqlite, mysql). The compile-time checked macros
/// (<c>sqlx::query!</c>) and literal SQL with placeholders (<c>query("… $1").bind(x)</c>) do not fire. The span is
/// the SQL argument.
/// </summary>
public sealed class RustSqlInjectionRule : TextRule
{
    private static readonly string[] FunctionSinks = { "query", "query_as", "query_scalar", "query_with", "query_as_with", "raw_sql", "sql_query" };

    private static readonly string[] MethodSinks =
    {
        "query", "execute", "query_one", "query_opt", "query_row", "prepare", "prepare_cached", "batch_execute", "execute_batch", "simple_query",
    };

    private static readonly string[] AllSinks =
    {
        "query", "query_as", "query_scalar", "query_with", "query_as_with", "raw_sql", "sql_query",
        "execute", "query_one", "query_opt", "query_row", "prepare", "prepare_cached", "batch_execute", "execute_batch", "simple_query",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SqlInjection);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.SqlInjection))
        {
            return;
        }

        var syntax = RsSyntax.Of(context.File);
        var candidates = syntax.Candidates(AllSinks, withRenames: false);
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates[c];
            if (!syntax.IsName(i) || syntax.InDeclarationOrAttribute(i) || syntax.IsName(i - 1, "fn"))
            {
                continue;
            }

            var isMethod = syntax.IsPunct(i - 1, ".");
            if (!IsOneOf(syntax, i, isMethod ? MethodSinks : FunctionSinks))
            {
                continue;
            }

            var open = syntax.CallOpen(i);
            if (open < 0)
            {
                continue;
            }

            var arguments = syntax.Arguments(open);
            if (arguments.Count == 0)
            {
                continue;
            }

            var (argumentStart, argumentEnd) = arguments[0];
            if (syntax.Classify(argumentStart, argumentEnd, traceLocals: true, out var reason) != RsValueKind.NonConstant)
            {
                continue;
            }

            var sink = (isMethod ? "." : string.Empty) + syntax.File.GetString(syntax[i]);
            var (start, length) = syntax.SpanOf(argumentStart, argumentEnd);
            context.Report(Descriptors.SqlInjection, start, length, sink, reason);
        }
    }

    private static bool IsOneOf(RsSyntax syntax, int index, string[] names)
    {
        foreach (var name in names)
        {
            if (syntax.Is(index, name))
            {
                return true;
            }
        }

        return false;
    }
}

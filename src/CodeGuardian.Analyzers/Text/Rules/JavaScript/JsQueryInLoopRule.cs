using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG5001: an awaited database call — <c>await db.query(</c>, <c>.execute(</c>, ORM finders and writers such as
/// <c>findOne</c>, <c>findMany</c>, <c>findByPk</c>, <c>save</c> — inside a <c>for</c>/<c>while</c>/<c>do</c> body or a
/// <c>.forEach</c>/<c>.map</c> callback. The same call before or after the loop does not fire.
/// </summary>
public sealed class JsQueryInLoopRule : JsRule
{
    private const int MaxChain = 64;

    private static readonly string[] QueryMethods =
    {
        "query", "execute", "findOne", "findAll", "findMany", "findUnique", "findFirst", "findById", "findByPk", "findOneAndUpdate",
        "find", "count", "countDocuments", "aggregate", "insert", "insertOne", "updateOne", "updateMany", "deleteOne", "deleteMany",
        "create", "update", "upsert", "destroy", "save", "raw", "oneOrNone", "manyOrNone", "one", "many",
    };

    // Most members called after an await are none of these: rejected from two table reads before any comparison.
    private static readonly NameFilter QueryMethodFilter = new(QueryMethods);

    protected override DiagnosticDescriptor Descriptor => Descriptors.QueryInLoop;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        foreach (var i in syntax.Find("await"))
        {
            if (i + 1 >= syntax.Count || syntax.IsPropertyName(i))
            {
                continue;
            }

            var method = FindQueryCall(syntax, i + 1);
            if (method < 0 || !syntax.TryGetEnclosingLoop(i, out var loop))
            {
                continue;
            }

            Report(context, syntax, i + 1, method, Describe(syntax, i + 1, method), loop);
        }
    }

    /// <summary>The query method called in the member/call chain starting at <paramref name="start"/>, or -1.</summary>
    private static int FindQueryCall(JsSyntax syntax, int start)
    {
        if (!syntax.IsKind(start, TokenKind.Identifier) || syntax.IsIdentifier(start, "Promise"))
        {
            return -1;
        }

        var i = start + 1;
        for (var steps = 0; steps < MaxChain && i < syntax.Count; steps++)
        {
            if (syntax.IsMemberDot(i) && syntax.IsKind(i + 1, TokenKind.Identifier))
            {
                var member = i + 1;
                if (syntax.CallParenthesis(member) > 0 && IsQueryMethod(syntax, member))
                {
                    return member;
                }

                i = member + 1;
            }
            else if ((syntax.IsPunctuation(i, "(") || syntax.IsPunctuation(i, "[")) && syntax.MatchOf(i) > i)
            {
                i = syntax.MatchOf(i) + 1;
            }
            else if (syntax.IsPunctuation(i, "?.") && syntax.IsPunctuation(i + 1, "("))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        return -1;
    }

    private static bool IsQueryMethod(JsSyntax syntax, int index)
    {
        ref readonly var member = ref syntax[index];
        if (!QueryMethodFilter.MayBe(syntax.File.Text, member.Start, member.Length))
        {
            return false;
        }

        foreach (var name in QueryMethods)
        {
            if (syntax.Is(index, name))
            {
                return true;
            }
        }

        return false;
    }
}

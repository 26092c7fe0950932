using System;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>Questions several Python rules ask about calls and their surroundings.</summary>
public static class PySinks
{
    /// <summary>How many enclosing brackets are searched for a comprehension around a call.</summary>
    private const int ComprehensionSearchDepth = 32;

    private static readonly string[] DatabaseWords = { "db", "cur", "con", "cursor", "conn", "connection", "session", "engine", "database", "tx", "transaction" };

    private static readonly string[] EnvironmentWords = { "env", "environ", "getenv", "environment", "debug", "development", "dev", "local", "testing" };

    /// <summary>
    /// Whether the last part of the call's name is <paramref name="name"/> after resolving imports:
    /// <c>Markup(</c>, <c>markupsafe.Markup(</c> and <c>M(</c> after <c>from markupsafe import Markup as M</c>.
    /// </summary>
    public static bool ResolvedLastPartIs(PyModule module, in PyCall call, string name)
    {
        if (call.NameStart == call.NameEnd && call.Import >= 0)
        {
            var qualified = module.Imports[call.Import].QualifiedName;
            return qualified.Equals(name, StringComparison.Ordinal)
                || (qualified.EndsWith(name, StringComparison.Ordinal) && qualified.Length > name.Length && qualified[qualified.Length - name.Length - 1] == '.');
        }

        return module.LastPartIs(call, name);
    }

    /// <summary>A bare call of a builtin: <c>eval(</c> with no receiver, no dots and no import rebinding the name.</summary>
    public static bool IsBuiltinCall(PyModule module, in PyCall call, string name) =>
        (!call.HasReceiver && call.NameStart == call.NameEnd && call.Import < 0 && module.Is(call.NameStart, name))
        || (module.Is(call.NameStart, "builtins") && module.LastPartIs(call, name) && module.PartCount(call) == 2);

    /// <summary>
    /// The name of the object a method is called on: <c>cursor</c> in <c>cursor.execute(</c> and
    /// <c>self.cursor.execute(</c>, <c>cursor</c> in <c>conn.cursor().execute(</c>; -1 when there is none.
    /// </summary>
    public static int ReceiverName(PyModule module, in PyCall call)
    {
        var dot = module.Previous(call.NameEnd);
        if (!module.IsPunctuation(dot, "."))
        {
            return -1;
        }

        var receiver = module.Previous(dot);
        if (module.IsPunctuation(receiver, ")"))
        {
            var open = module.MatchOf(receiver);
            receiver = open >= 0 ? module.Previous(open) : -1;
        }

        return module.IsKind(receiver, TokenKind.Identifier) ? receiver : -1;
    }

    /// <summary>Whether a method call's receiver is named like a database handle (cursor, conn, session, db, engine …).</summary>
    public static bool HasDatabaseReceiver(PyModule module, in PyCall call)
    {
        var receiver = ReceiverName(module, call);
        if (receiver < 0)
        {
            return false;
        }

        var name = module.File.TextOf(module[receiver]);
        return PyNames.HasWord(name, DatabaseWords)
            || name.IndexOf("cursor".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("conn".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("session".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>Whether the value range [start, end) is exactly the name <paramref name="literalName"/> (True, False …).</summary>
    public static bool ValueIs(PyModule module, int start, int end, string literalName) => module.RangeIs(start, end, literalName);

    /// <summary>
    /// Whether the token sits inside an <c>if</c>/<c>elif</c> whose condition looks at the environment or a
    /// debug switch (<c>os.environ</c>, <c>getenv</c>, <c>settings.DEBUG</c>, <c>"development"</c> …).
    /// </summary>
    public static bool IsEnvironmentGuarded(PyModule module, int tokenIndex)
    {
        var levels = 0;
        for (var block = module.FirstEnclosingBlock(tokenIndex); block >= 0 && levels++ < PyModule.MaxBlockNesting; block = module.OuterBlock(block))
        {
            var line = module.Lines[block];
            if (line.Kind == PyBlockKind.Def || line.Kind == PyBlockKind.Class)
            {
                return false;
            }

            if (line.Kind != PyBlockKind.If)
            {
                continue;
            }

            for (var i = module.Next(line.First); i < line.Colon; i = module.Next(i))
            {
                ref readonly var token = ref module[i];
                if (token.Kind == TokenKind.Identifier && PyNames.HasWord(module.File.TextOf(token), EnvironmentWords))
                {
                    return true;
                }

                if (token.Kind == TokenKind.String)
                {
                    var (start, length) = Engine.StringLiterals.ContentOf(module.File, token);
                    if (PyNames.HasWord(module.File.Slice(start, length), EnvironmentWords))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The loop around a token in the same function: "for", "while", "comprehension", or null.</summary>
    public static string? EnclosingLoop(PyModule module, int tokenIndex)
    {
        // In a comprehension only the element expression (before the first 'for') runs per item.
        var inner = tokenIndex;
        var depth = 0;
        for (var bracket = module.EnclosingBracket(tokenIndex); bracket >= 0 && depth++ < ComprehensionSearchDepth; bracket = module.EnclosingBracket(bracket))
        {
            var forToken = module.ComprehensionFor(bracket);
            if (forToken > inner)
            {
                return "comprehension";
            }

            inner = bracket;
        }

        var levels = 0;
        for (var block = module.FirstEnclosingBlock(tokenIndex); block >= 0 && levels++ < PyModule.MaxBlockNesting; block = module.OuterBlock(block))
        {
            switch (module.Lines[block].Kind)
            {
                case PyBlockKind.Def:
                case PyBlockKind.Class:
                    return null;
                case PyBlockKind.For:
                    return "for";
                case PyBlockKind.While:
                    return "while";
            }
        }

        return null;
    }
}

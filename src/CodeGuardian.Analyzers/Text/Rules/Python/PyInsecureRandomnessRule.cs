using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4011: a <c>random</c> module function (any import form) whose result becomes a security value: assigned
/// to a name, passed as a keyword argument, or returned from a function whose name has a word such as token,
/// password, secret, key, salt, nonce, otp, session, code. Names about shuffling, jitter or delays, and
/// <c>random.SystemRandom()</c>, do not fire.
/// </summary>
public sealed class PyInsecureRandomnessRule : PythonRule
{
    private static readonly string[] RandomFunctions =
    {
        "random", "randint", "randrange", "choice", "choices", "sample", "getrandbits", "uniform", "randbytes",
    };

    /// <summary><c>random.&lt;function&gt;</c>, built once rather than per call.</summary>
    private static readonly string[] QualifiedRandomFunctions = Array.ConvertAll(RandomFunctions, static function => "random." + function);

    private static readonly string[] SecretWords =
    {
        "token", "password", "passwd", "pwd", "secret", "key", "apikey", "salt", "nonce", "otp", "session", "code", "pin", "csrf", "iv",
    };

    private static readonly string[] HarmlessWords = { "jitter", "delay", "backoff", "sleep", "shuffle", "color", "colour", "sort", "retry" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.InsecureRandomness;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        var reportedLine = -1;
        foreach (var c in module.FindCalls(RandomFunctions))
        {
            ref readonly var call = ref module.CallAt(c);
            if (!IsRandomCall(module, call))
            {
                continue;
            }

            var line = module.LineIndexOf(call.NameStart);
            if (line == reportedLine)
            {
                continue;
            }

            var target = TargetName(module, call);
            if (target < 0)
            {
                continue;
            }

            var name = module.File.TextOf(module[target]);
            if (PyNames.HasWord(name, SecretWords) && !PyNames.HasWord(name, HarmlessWords))
            {
                reportedLine = line;
                ReportCall(context, module, call, NameOf(module, call), module.File.GetString(module[target]));
            }
        }
    }

    private static bool IsRandomCall(PyModule module, in PyCall call)
    {
        foreach (var function in QualifiedRandomFunctions)
        {
            if (module.CallIs(call, function))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name the call's result goes to: keyword argument, assignment target, or the returning function.</summary>
    private static int TargetName(PyModule module, in PyCall call)
    {
        // Keyword argument of an enclosing call: make_user(token=random.choice(...)).
        var bracket = module.EnclosingBracket(call.NameStart);
        if (bracket >= 0 && module.IsPunctuation(bracket, "("))
        {
            var cursor = module.Next(bracket);
            while (module.TryNextArgument(bracket, ref cursor, out var start, out var end))
            {
                if (start <= call.NameStart && call.NameStart < end)
                {
                    var keyword = module.KeywordOf(start);
                    if (keyword >= 0)
                    {
                        return keyword;
                    }

                    break;
                }
            }
        }

        var lineIndex = module.LineIndexOf(call.NameStart);
        var line = module.Lines[lineIndex];
        if (module.IsIdentifier(line.First, "return"))
        {
            var function = module.EnclosingFunction(call.NameStart);
            return function >= 0 ? module.DefinitionName(function) : -1;
        }

        // Assignment: the last name before the first top-level '=' (self.token = …, token: str = …).
        var target = -1;
        for (var i = line.First; i < line.End && i < call.NameStart; i = module.Next(i))
        {
            if (module.IsPunctuation(i, "=") || module.IsPunctuation(i, "+="))
            {
                return target;
            }

            if (module.IsPunctuation(i, ":"))
            {
                // Annotation follows; keep the name before it.
                while (i < line.End && !module.IsPunctuation(i, "="))
                {
                    var skip = module.MatchOf(i);
                    i = skip > i ? module.Next(skip) : module.Next(i);
                }

                return module.IsPunctuation(i, "=") && i < call.NameStart ? target : -1;
            }

            var match = module.MatchOf(i);
            if (match > i)
            {
                // Subscript target d["token"] = …: not a name.
                target = -1;
                i = match;
                continue;
            }

            if (module[i].Kind == TokenKind.Identifier)
            {
                target = i;
            }
        }

        return -1;
    }
}

using System;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>How an expression's value comes about, as far as the tokens tell.</summary>
public enum PyValueKind : byte
{
    /// <summary>Nothing there.</summary>
    None = 0,

    /// <summary>Literals only (concatenated or %-formatted literals and ALL_CAPS constants included).</summary>
    Constant,

    /// <summary>An f-string with a <c>{expression}</c>.</summary>
    FString,

    /// <summary><c>"…" % value</c> with a non-literal operand.</summary>
    PercentFormat,

    /// <summary><c>"…".format(value)</c> with a non-literal argument.</summary>
    FormatCall,

    /// <summary><c>+</c> with a non-literal operand.</summary>
    Concatenation,

    /// <summary>A run-time value not built here: a name, attribute, call or subscript.</summary>
    Opaque,
}

/// <summary>The result of classifying an expression, following one local variable when the expression is a name.</summary>
public readonly struct PyValue
{
    public PyValue(PyValueKind kind, int variable = -1)
    {
        Kind = kind;
        Variable = variable;
    }

    public PyValueKind Kind { get; }

    /// <summary>When the value came through a local variable, its name token at the use; else -1.</summary>
    public int Variable { get; }

    /// <summary>Built at run time from an f-string, formatting or concatenation with run-time parts.</summary>
    public bool IsBuilt => Kind is PyValueKind.FString or PyValueKind.PercentFormat or PyValueKind.FormatCall or PyValueKind.Concatenation;

    /// <summary>Anything that is not a literal: built here, or an opaque run-time value.</summary>
    public bool IsNonConstant => IsBuilt || Kind == PyValueKind.Opaque;
}

/// <summary>
/// The "non-constant" test of the catalog for Python expressions: f-strings with holes, <c>%</c> formatting,
/// <c>.format(</c>, <c>+</c> with a non-literal operand are built at run time; literals and their
/// concatenation are constant. Linear in the expression's tokens, no allocation.
/// </summary>
public static class PyExpressions
{
    /// <summary>Maximum logical lines searched backwards for a variable's assignment.</summary>
    private const int AssignmentSearchLines = 400;

    /// <summary>Classifies tokens [start, end) without following variables.</summary>
    public static PyValueKind Classify(PyModule module, int start, int end)
    {
        if (start < 0 || start >= end)
        {
            return PyValueKind.None;
        }

        var file = module.File;
        bool fString = false, percent = false, plus = false, format = false, nonLiteral = false;
        var i = start;
        while (i < end && i < module.Tokens.Count)
        {
            ref readonly var token = ref module[i];
            switch (token.Kind)
            {
                case TokenKind.String:
                    if (token.Has(TokenFlags.Interpolated))
                    {
                        fString = true;
                    }

                    break;
                case TokenKind.Identifier:
                {
                    var text = file.TextOf(token);
                    var next = module.Next(i);
                    if (module.IsPunctuation(next, "(") && !PyNames.IsKeyword(text))
                    {
                        // A call: its result is a run-time value. str.format is the one call we look into.
                        if (module.IsPunctuation(module.Previous(i), ".") && text.SequenceEqual("format".AsSpan()))
                        {
                            format = true;
                            i = next + 1;
                            continue;
                        }

                        nonLiteral = true;
                        var close = module.MatchOf(next);
                        i = close > next ? close + 1 : next + 1;
                        continue;
                    }

                    if (module.IsPunctuation(module.Previous(i), "."))
                    {
                        // An attribute of something already counted (a literal's method, a name's field).
                        break;
                    }

                    if (!PyNames.IsKeyword(text) && !PyNames.IsConstantName(text))
                    {
                        nonLiteral = true;
                    }

                    break;
                }

                case TokenKind.Punctuation:
                    if (token.Length == 1)
                    {
                        var c = file.CharAt(token.Start);
                        if (c == '%')
                        {
                            percent = true;
                        }
                        else if (c == '+')
                        {
                            plus = true;
                        }
                    }
                    else if (file.Is(token, "+="))
                    {
                        plus = true;
                    }
                    else if (file.Is(token, "%="))
                    {
                        percent = true;
                    }

                    break;
            }

            i++;
        }

        if (fString)
        {
            return PyValueKind.FString;
        }

        if (format && nonLiteral)
        {
            return PyValueKind.FormatCall;
        }

        if (percent && nonLiteral)
        {
            return PyValueKind.PercentFormat;
        }

        if (plus && nonLiteral)
        {
            return PyValueKind.Concatenation;
        }

        return nonLiteral ? PyValueKind.Opaque : PyValueKind.Constant;
    }

    /// <summary>
    /// Classifies tokens [start, end); when they are a single local name, classifies the value of its latest
    /// assignment (<c>name = …</c>, <c>name += …</c>) earlier in the same function instead.
    /// </summary>
    public static PyValue ClassifyFollowingVariable(PyModule module, int start, int end)
    {
        var kind = Classify(module, start, end);
        if (kind != PyValueKind.Opaque || module.Next(start) < end || !module.IsKind(start, TokenKind.Identifier))
        {
            return new PyValue(kind);
        }

        if (TryFindAssignment(module, start, out var valueStart, out var valueEnd, out var augmented))
        {
            var assigned = Classify(module, valueStart, valueEnd);
            if (augmented && assigned == PyValueKind.Opaque)
            {
                assigned = PyValueKind.Concatenation;
            }

            return assigned is PyValueKind.None ? new PyValue(kind) : new PyValue(assigned, start);
        }

        return new PyValue(kind);
    }

    /// <summary>
    /// The value range of the latest assignment to the name at <paramref name="nameIndex"/> before it, in the
    /// same function (or at module level when the use is): <c>name = value</c>, <c>name: T = value</c>,
    /// <c>name += value</c> (then <paramref name="augmented"/>).
    /// </summary>
    public static bool TryFindAssignment(PyModule module, int nameIndex, out int valueStart, out int valueEnd, out bool augmented)
    {
        valueStart = valueEnd = -1;
        augmented = false;
        var useLine = module.LineIndexOf(nameIndex);
        if (useLine < 0)
        {
            return false;
        }

        var function = module.EnclosingFunction(nameIndex);
        var name = module.File.TextOf(module[nameIndex]);
        var lines = module.Lines;
        var limit = useLine - AssignmentSearchLines;
        for (var k = useLine; k >= 0 && k > limit && k > function; k--)
        {
            var line = lines[k];
            var first = line.First;
            if (k == useLine && first >= nameIndex)
            {
                continue;
            }

            if (!module.IsKind(first, TokenKind.Identifier) || !module.File.TextOf(module[first]).SequenceEqual(name))
            {
                continue;
            }

            var op = module.Next(first);
            if (module.IsPunctuation(op, ":"))
            {
                // Annotated assignment: skip the annotation up to '='.
                var i = module.Next(op);
                while (i < line.End && !module.IsPunctuation(i, "="))
                {
                    var match = module.MatchOf(i);
                    i = match > i ? module.Next(match) : module.Next(i);
                }

                op = i;
            }

            if (module.IsPunctuation(op, "=") || module.IsPunctuation(op, "+=") || module.IsPunctuation(op, "%="))
            {
                augmented = !module.IsPunctuation(op, "=");
                valueStart = module.Next(op);
                valueEnd = k == useLine ? nameIndex : line.End;
                return valueStart < valueEnd;
            }
        }

        return false;
    }

    /// <summary>Words for messages: "an f-string", "%-formatting" …</summary>
    public static string Describe(PyValueKind kind) => kind switch
    {
        PyValueKind.FString => "an f-string",
        PyValueKind.PercentFormat => "%-formatting",
        PyValueKind.FormatCall => "str.format()",
        PyValueKind.Concatenation => "string concatenation",
        PyValueKind.Opaque => "a run-time value",
        _ => "a constant",
    };

    /// <summary>"an f-string", or "an f-string assigned to 'query'" when it came through a variable.</summary>
    public static string Describe(PyModule module, PyValue value)
    {
        var words = Describe(value.Kind);
        if (value.Variable >= 0)
        {
            return words + " assigned to '" + module.File.GetString(module[value.Variable]) + "'";
        }

        return words;
    }

    /// <summary>For an opaque value, names the expression (shortened) so the message says what was passed.</summary>
    public static string DescribeArgument(PyModule module, PyValue value, int start, int end)
    {
        if (value.Kind != PyValueKind.Opaque || value.Variable >= 0)
        {
            return Describe(module, value);
        }

        // Names only: an expression holding a literal could carry a secret, so it is not echoed.
        for (var i = start; i < end; i = module.Next(i))
        {
            if (module.IsKind(i, TokenKind.String))
            {
                return Describe(PyValueKind.Opaque);
            }
        }

        var text = module.TextOf(start, end - 1);
        if (text.Length > 40)
        {
            text = text.Substring(0, 37) + "...";
        }

        return "the run-time value '" + text + "'";
    }
}

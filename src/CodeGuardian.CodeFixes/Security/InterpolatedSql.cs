using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.CodeFixes.Security;

/// <summary>
/// Splits an interpolated SQL string into text and holes so a fix can turn the holes into parameters.
/// Constant holes (<c>{TableName}</c> with a <c>const</c>) are folded into the text, since identifiers cannot be
/// parameters. A non-constant hole inside a quoted SQL literal must be exactly quoted (<c>'{name}'</c>): the quotes
/// are dropped, because a parameter is a value, not text inside a literal. Anything else inside quotes
/// (<c>'%{x}%'</c>), alignment or format clauses, and raw string literals make the string unsupported.
/// </summary>
internal sealed class InterpolatedSql
{
    private readonly List<string> _texts = new();
    private readonly List<ExpressionSyntax?> _holes = new();

    private InterpolatedSql(bool verbatim) => IsVerbatim = verbatim;

    public bool IsVerbatim { get; }

    /// <summary>The non-constant hole expressions, in order.</summary>
    public List<ExpressionSyntax> Values { get; } = new();

    public static InterpolatedSql? TryParse(InterpolatedStringExpressionSyntax text, SemanticModel model)
    {
        var start = text.StringStartToken;
        var verbatim = start.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken);
        if (!verbatim && !start.IsKind(SyntaxKind.InterpolatedStringStartToken))
        {
            return null;
        }

        var result = new InterpolatedSql(verbatim);
        var pending = new StringBuilder();
        var quotes = 0;
        var contents = text.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            switch (contents[i])
            {
                case InterpolatedStringTextSyntax part:
                    var raw = part.TextToken.Text;
                    if (result._holes.Count > 0 && result._holes[result._holes.Count - 1] is not null && pending.Length == 0 && result.StripNextQuote)
                    {
                        raw = raw.Substring(1);
                        result.StripNextQuote = false;
                    }

                    pending.Append(raw);
                    quotes += Count(part.TextToken.Text, '\'');
                    break;

                case InterpolationSyntax hole:
                    if (hole.AlignmentClause is not null || hole.FormatClause is not null)
                    {
                        return null;
                    }

                    var constant = model.GetConstantValue(hole.Expression);
                    if (constant.HasValue)
                    {
                        var value = ConstantText(constant.Value);
                        if (value is null)
                        {
                            return null;
                        }

                        pending.Append(Escape(value, verbatim));
                        quotes += Count(value, '\'');
                        break;
                    }

                    if (quotes % 2 == 1)
                    {
                        // Inside a quoted SQL literal: only '{x}' exactly can become a parameter.
                        var next = i + 1 < contents.Count ? contents[i + 1] as InterpolatedStringTextSyntax : null;
                        if (pending.Length == 0 || pending[pending.Length - 1] != '\'' || next is null || !next.TextToken.Text.StartsWith("'", System.StringComparison.Ordinal))
                        {
                            return null;
                        }

                        pending.Length--;
                        result.StripNextQuote = true;
                    }

                    result._texts.Add(pending.ToString());
                    pending.Clear();
                    result._holes.Add(hole.Expression);
                    result.Values.Add(hole.Expression);
                    break;

                default:
                    return null;
            }
        }

        if (result.StripNextQuote)
        {
            return null;
        }

        result._texts.Add(pending.ToString());
        return result;
    }

    private bool StripNextQuote { get; set; }

    /// <summary>Source text of a plain string literal with <c>@p0</c>, <c>@p1</c>… in place of the holes.</summary>
    public string ToParameterizedLiteral(string parameterPrefix)
    {
        var builder = new StringBuilder(IsVerbatim ? "@\"" : "\"");
        for (var i = 0; i < _texts.Count; i++)
        {
            builder.Append(_texts[i].Replace("{{", "{").Replace("}}", "}"));
            if (i < _holes.Count)
            {
                builder.Append(parameterPrefix).Append(i.ToString(CultureInfo.InvariantCulture));
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Source text of an interpolated string with only the non-constant holes left, unquoted.</summary>
    public string ToInterpolatedString()
    {
        var builder = new StringBuilder(IsVerbatim ? "$@\"" : "$\"");
        for (var i = 0; i < _texts.Count; i++)
        {
            builder.Append(_texts[i]);
            if (i < _holes.Count)
            {
                builder.Append('{').Append(_holes[i]!.ToString()).Append('}');
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Whether the SQL text already uses names that look like <paramref name="prefix"/>N.</summary>
    public bool MentionsPrefix(string prefix)
    {
        foreach (var text in _texts)
        {
            if (text.IndexOf(prefix, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static string? ConstantText(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        char c => c.ToString(),
        bool b => b ? "True" : "False",
        int or long or short or byte or uint or ulong or ushort or sbyte or decimal => System.Convert.ToString(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>Escapes folded constant text as interpolated-string text of the literal kind (quotes, backslashes, braces).</summary>
    private static string Escape(string value, bool verbatim)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append(verbatim ? "\"\"" : "\\\"");
                    break;
                case '\\' when !verbatim:
                    builder.Append("\\\\");
                    break;
                case '{':
                    builder.Append("{{");
                    break;
                case '}':
                    builder.Append("}}");
                    break;
                case '\n' when !verbatim:
                    builder.Append("\\n");
                    break;
                case '\r' when !verbatim:
                    builder.Append("\\r");
                    break;
                case '\t' when !verbatim:
                    builder.Append("\\t");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static int Count(string text, char c)
    {
        var count = 0;
        foreach (var current in text)
        {
            if (current == c)
            {
                count++;
            }
        }

        return count;
    }
}

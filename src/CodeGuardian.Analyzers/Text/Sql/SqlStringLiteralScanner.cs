using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// Finds SQL findings inside the string literals of a JS, Python or Rust file, at file positions. A literal is
/// analysed only when its content starts with a SQL verb. When the rest of an UPDATE/DELETE may come from
/// elsewhere — the literal is concatenated (<c>"DELETE FROM t " + filter</c>, Python implicit concatenation) or ends
/// in a hole (<c>${filter}</c>, <c>{}</c>, <c>%s</c>) in clause position — a missing WHERE is not reported.
/// </summary>
internal static class SqlStringLiteralScanner
{
    public static void FindSelectStar(TextRuleContext context, List<SqlMatch> results) => Find(context, selectStar: true, results);

    public static void FindUnfilteredWrites(TextRuleContext context, List<SqlMatch> results) => Find(context, selectStar: false, results);

    private static void Find(TextRuleContext context, bool selectStar, List<SqlMatch> results)
    {
        var file = context.File;
        var tokens = file.Tokens.AsSpan();
        List<SqlMatch>? scratch = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            // Character literals and docstrings are not queries.
            if (token.Kind != TokenKind.String || token.Has(TokenFlags.Char) || token.Has(TokenFlags.Documentation))
            {
                continue;
            }

            var (contentStart, contentLength) = StringLiterals.ContentOf(file, token);
            var content = file.Slice(contentStart, contentLength);
            if (!SqlFacts.LooksLikeSql(content))
            {
                continue;
            }

            var options = token.Has(TokenFlags.Raw) ? SqlLexerOptions.None : SqlLexerOptions.HostEscapes;
            scratch ??= new List<SqlMatch>();
            scratch.Clear();
            if (selectStar)
            {
                SqlFacts.FindSelectStar(content, scratch, options, context.CancellationToken);
            }
            else
            {
                SqlFacts.FindUnfilteredWrites(content, scratch, options, context.CancellationToken);
            }

            foreach (var match in scratch)
            {
                if (!selectStar && MayBeCompletedElsewhere(content, match, IsContinued(file, tokens, i)))
                {
                    continue;
                }

                results.Add(new SqlMatch(contentStart + match.Start, match.Length, match.Kind, contentStart + match.StatementEnd));
            }
        }
    }

    /// <summary>The literal is followed by <c>+</c>, <c>%</c> or another string literal (implicit concatenation).</summary>
    private static bool IsContinued(ScannedFile file, ReadOnlySpan<Token> tokens, int index)
    {
        var next = index + 1;
        while (next < tokens.Length && tokens[next].Kind is TokenKind.Comment or TokenKind.Newline)
        {
            next++;
        }

        return next < tokens.Length && (tokens[next].Kind == TokenKind.String || (tokens[next].Kind == TokenKind.Punctuation && IsConcatenation(file.CharAt(tokens[next].Start))));
    }

    private static bool IsConcatenation(char c) => c is '+' or '%';

    /// <summary>Only whitespace and host escapes (<c>\n</c>, <c>\t</c>) remain.</summary>
    private static bool IsBlank(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                continue;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MayBeCompletedElsewhere(ReadOnlySpan<char> content, SqlMatch match, bool continued)
    {
        var end = match.StatementEnd;
        if (end <= 0 || end > content.Length)
        {
            return false;
        }

        // A hole at the end of the statement: JS ${…}, Python/Rust {…}, %s / %(name)s.
        var last = content[end - 1];
        if (last == '}')
        {
            var open = content.Slice(0, end).LastIndexOf('{');
            if (open > match.Start)
            {
                var holeStart = open > 0 && content[open - 1] == '$' ? open - 1 : open;
                return SqlFacts.ClauseMayFollow(content.Slice(0, holeStart));
            }
        }

        if (last == 's' && end >= 2 && (content[end - 2] == '%' || content[end - 2] == ')'))
        {
            var percent = content.Slice(0, end).LastIndexOf('%');
            if (percent > match.Start)
            {
                return SqlFacts.ClauseMayFollow(content.Slice(0, percent));
            }
        }

        // The statement runs to the end of a literal that is concatenated with something.
        if (continued && IsBlank(content.Slice(end)))
        {
            return SqlFacts.ClauseMayFollow(content.Slice(0, end));
        }

        return false;
    }
}

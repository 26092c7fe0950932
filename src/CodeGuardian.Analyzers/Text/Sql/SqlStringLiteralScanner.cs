using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Performance;
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
    /// <summary>The matches, or null when there are none (most files: nothing is allocated for them).</summary>
    public static List<SqlMatch>? FindSelectStar(TextRuleContext context) => Find(context, selectStar: true);

    /// <summary>The matches, or null when there are none.</summary>
    public static List<SqlMatch>? FindUnfilteredWrites(TextRuleContext context) => Find(context, selectStar: false);

    private static List<SqlMatch>? Find(TextRuleContext context, bool selectStar)
    {
        List<SqlMatch>? results = null;
        var file = context.File;
        var candidates = file.Layer(static f => new SqlLiterals(f));
        if (candidates.Count == 0)
        {
            return null;
        }

        var tokens = file.Tokens.AsSpan();
        // Matches of one literal before they are filtered: one list per thread, reused file after file.
        var scratch = ThreadSpare<List<SqlMatch>>.Take() ?? new List<SqlMatch>();
        for (var c = 0; c < candidates.Count; c++)
        {
            var i = candidates.TokenIndexes[c];
            ref readonly var token = ref tokens[i];
            var contentStart = candidates.ContentStarts[c];
            var content = file.Slice(contentStart, candidates.ContentLengths[c]);
            var options = token.Has(TokenFlags.Raw) ? SqlLexerOptions.None : SqlLexerOptions.HostEscapes;
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

                (results ??= new List<SqlMatch>()).Add(new SqlMatch(contentStart + match.Start, match.Length, match.Kind, contentStart + match.StatementEnd));
            }
        }

        scratch.Clear();
        ThreadSpare<List<SqlMatch>>.Give(scratch);
        return results;
    }

    /// <summary>
    /// The string literals of a file whose content starts with a SQL verb, found once per file for both rules. Most
    /// literals are rejected on their first characters, before any SQL lexing.
    /// </summary>
    private sealed class SqlLiterals
    {
        public SqlLiterals(ScannedFile file)
        {
            var tokens = file.Tokens.AsSpan();
            var text = file.Text;
            foreach (var i in TokenKinds.For(file).Strings)
            {
                ref readonly var token = ref tokens[i];

                // Character literals and docstrings are not queries.
                if ((token.Flags & (TokenFlags.Char | TokenFlags.Documentation)) != 0)
                {
                    continue;
                }

                var (contentStart, contentLength) = StringLiterals.ContentOf(file, token);

                // Exact shortcuts of LooksLikeSql: a verb (4+ letters) and one more character; a content that starts
                // with a letter starts with the verb itself, and every verb begins with s, i, u, d, w, m or r.
                if (contentLength < 5 || (IsAsciiLetter(text[contentStart]) && !IsVerbInitial(text[contentStart]))
                    || !SqlFacts.LooksLikeSql(file.Slice(contentStart, contentLength)))
                {
                    continue;
                }

                if (Count == TokenIndexes.Length)
                {
                    TokenIndexes = file.Grow(TokenIndexes, Count);
                    ContentStarts = file.Grow(ContentStarts, Count);
                    ContentLengths = file.Grow(ContentLengths, Count);
                }

                TokenIndexes[Count] = i;
                ContentStarts[Count] = contentStart;
                ContentLengths[Count++] = contentLength;
            }
        }

#pragma warning disable CA1051, SA1401 // A private layer's plain fields.
        public int[] TokenIndexes = Array.Empty<int>();

        // Each literal's content, found here once for both rules.
        public int[] ContentStarts = Array.Empty<int>();

        public int[] ContentLengths = Array.Empty<int>();

        public int Count;
#pragma warning restore CA1051, SA1401

        private static bool IsVerbInitial(char c) => (c | 0x20) is 's' or 'i' or 'u' or 'd' or 'w' or 'm' or 'r';

        private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';
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

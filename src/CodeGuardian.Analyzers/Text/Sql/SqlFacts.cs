using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// SQL questions about any text span — the content of a string literal in C#, JS, Python or Rust, or a slice of a
/// .sql file. Offsets in results are relative to the span. The span is lexed into a per-thread reused token list,
/// so calls do not allocate beyond growing the caller's result list.
/// </summary>
public static class SqlFacts
{
    /// <summary>A token list grown past this is not kept for the next call (one huge literal must not pin memory).</summary>
    private const int MaxCachedTokens = 16 * 1024;

    [ThreadStatic]
    private static TokenList? cachedTokens;

    [ThreadStatic]
    private static byte[]? cachedKeywords;

    [ThreadStatic]
    private static int[]? cachedWriteSteps;

    [ThreadStatic]
    private static int[]? cachedSelectSteps;

    /// <summary>
    /// Whether the text starts (after whitespace, host escapes like <c>\n</c>, SQL comments and opening parentheses)
    /// with a SQL statement verb — SELECT, INSERT, UPDATE, DELETE, WITH, MERGE, UPSERT, REPLACE — written in one case
    /// (<c>Delete the rows?</c> is a sentence). Cheap: no lexing.
    /// </summary>
    public static bool LooksLikeSql(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || c == '(')
            {
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                i += 2;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                var close = text.Slice(i + 2).IndexOf("*/".AsSpan());
                if (close < 0)
                {
                    return false;
                }

                i += close + 4;
            }
            else
            {
                break;
            }
        }

        var start = i;
        while (i < text.Length && char.IsLetter(text[i]))
        {
            i++;
        }

        if (i == start || !SqlWords.IsVerb(text.Slice(start, i - start)) || !IsSingleCase(text.Slice(start, i - start)))
        {
            return false;
        }

        // The verb must be a whole word followed by more text ("Selected" and a bare "Update" are not SQL).
        return i < text.Length && !char.IsLetterOrDigit(text[i]) && text[i] != '_';
    }

    /// <summary>SQL verbs are written <c>SELECT</c> or <c>select</c>; <c>Select</c>/<c>Delete</c> start sentences.</summary>
    private static bool IsSingleCase(ReadOnlySpan<char> word)
    {
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsUpper(c))
            {
                upper++;
            }
        }

        return upper == 0 || upper == word.Length;
    }

    /// <summary><c>SELECT *</c> / <c>SELECT t.*</c> in <paramref name="sql"/>; each match spans the <c>*</c>.</summary>
    public static void FindSelectStar(ReadOnlySpan<char> sql, List<SqlMatch> results, SqlLexerOptions options = SqlLexerOptions.None, CancellationToken cancellationToken = default)
    {
        // A match is a '*' token after a SELECT word: text without both cannot have one (no lexing needed).
        if (sql.IndexOf('*') < 0 || sql.IndexOf("SELECT".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        var tokens = Lex(sql, options, cancellationToken);
        try
        {
            SqlAnalysis.FindSelectStar(Classified(sql, tokens), results, cancellationToken);
        }
        finally
        {
            Release(tokens);
        }
    }

    /// <summary>UPDATE/DELETE statements without their own WHERE in <paramref name="sql"/>; each match spans the keyword.</summary>
    public static void FindUnfilteredWrites(ReadOnlySpan<char> sql, List<SqlMatch> results, SqlLexerOptions options = SqlLexerOptions.None, CancellationToken cancellationToken = default)
    {
        // A match is an UPDATE or DELETE word: text without either cannot have one (no lexing needed).
        if (sql.IndexOf("UPDATE".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0 && sql.IndexOf("DELETE".AsSpan(), StringComparison.OrdinalIgnoreCase) < 0)
        {
            return;
        }

        var tokens = Lex(sql, options, cancellationToken);
        try
        {
            SqlAnalysis.FindUnfilteredWrites(Classified(sql, tokens), results, cancellationToken);
        }
        finally
        {
            Release(tokens);
        }
    }

    /// <summary>
    /// For SQL assembled from pieces: whether a run-time hole right after <paramref name="textBeforeHole"/> may hold a
    /// clause (such as the WHERE of <c>"DELETE FROM t " + filter</c>), rather than a value or a name (as in
    /// <c>"UPDATE t SET a = " + v</c> or <c>$"DELETE FROM {table}"</c>).
    /// </summary>
    public static bool ClauseMayFollow(ReadOnlySpan<char> textBeforeHole)
    {
        var end = textBeforeHole.Length;
        while (end > 0 && char.IsWhiteSpace(textBeforeHole[end - 1]))
        {
            end--;
        }

        if (end == 0)
        {
            return true;
        }

        var last = textBeforeHole[end - 1];
        if ("=<>!,(+-*/%|&^~".IndexOf(last) >= 0)
        {
            return false;
        }

        if (!char.IsLetter(last))
        {
            return true;
        }

        var start = end;
        while (start > 0 && (char.IsLetterOrDigit(textBeforeHole[start - 1]) || textBeforeHole[start - 1] == '_'))
        {
            start--;
        }

        var word = textBeforeHole.Slice(start, end - start);
        return !(SqlAnalysis.Is(word, "FROM") || SqlAnalysis.Is(word, "UPDATE") || SqlAnalysis.Is(word, "DELETE")
            || SqlAnalysis.Is(word, "JOIN") || SqlAnalysis.Is(word, "SET") || SqlAnalysis.Is(word, "INTO")
            || SqlAnalysis.Is(word, "AND") || SqlAnalysis.Is(word, "OR") || SqlAnalysis.Is(word, "NOT")
            || SqlAnalysis.Is(word, "WHERE") || SqlAnalysis.Is(word, "ON") || SqlAnalysis.Is(word, "BY")
            || SqlAnalysis.Is(word, "IN") || SqlAnalysis.Is(word, "LIKE") || SqlAnalysis.Is(word, "IS")
            || SqlAnalysis.Is(word, "TABLE") || SqlAnalysis.Is(word, "TOP"));
    }

    /// <summary>The lexed text with every token's keyword classified once and the walks' steps listed, into per-thread reused buffers.</summary>
    private static SqlCode Classified(ReadOnlySpan<char> sql, TokenList tokens)
    {
        var keywords = cachedKeywords;
        var writeSteps = cachedWriteSteps;
        var selectSteps = cachedSelectSteps;
        if (keywords is null || writeSteps is null || selectSteps is null || keywords.Length < tokens.Count + 1)
        {
            var size = Math.Max(64, tokens.Count + 1);
            keywords = new byte[size];
            writeSteps = new int[size];
            selectSteps = new int[size];
            if (tokens.Count <= MaxCachedTokens)
            {
                cachedKeywords = keywords;
                cachedWriteSteps = writeSteps;
                cachedSelectSteps = selectSteps;
            }
        }

        var span = tokens.AsSpan();
        var (writeStepCount, selectStepCount) = SqlTokenIndex.Build(span, keywords, writeSteps, selectSteps);
        return new SqlCode(sql, span, keywords, new ReadOnlySpan<int>(writeSteps, 0, writeStepCount), new ReadOnlySpan<int>(selectSteps, 0, selectStepCount));
    }

    private static void Release(TokenList tokens)
    {
        if (tokens.Count > MaxCachedTokens)
        {
            cachedTokens = null;
            tokens.Dispose();
        }
        else
        {
            tokens.Clear();
        }
    }

    private static TokenList Lex(ReadOnlySpan<char> sql, SqlLexerOptions options, CancellationToken cancellationToken)
    {
        var tokens = cachedTokens ??= new TokenList(64);
        tokens.Clear();
        try
        {
            SqlLexer.Tokenize(sql, tokens, options, cancellationToken);
        }
        catch
        {
            Release(tokens);
            throw;
        }

        return tokens;
    }
}

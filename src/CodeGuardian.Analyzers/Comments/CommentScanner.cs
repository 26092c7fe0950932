using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>
/// Finds task tags (CG1001–CG1004), elided-code placeholders (CG1006) and chat-assistant phrases (CG1007) in
/// the text of one comment, delimiters included. Shared by the C# trivia analyzer and the text rules, so the
/// same comment reads the same in every language. One pass over the words of the comment; the phrase
/// checks run only when a trigger word was seen, on a short normalized copy, with time-bounded regexes.
/// </summary>
public static class CommentScanner
{
    private const int MaxExcerpt = 80;
    private const int MaxPhraseText = 240;
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(100);

    // Whole-comment shapes that stand for missing code; the comment must be essentially only the phrase.
    private static readonly Regex ElidedCode = new(
        @"^(?:\.\.\.\s*)?\(?\s*(?:"
        + @"(?:the\s+)?(?:rest|remainder)\s+of\s+(?:the\s+|your\s+)?(?:code|implementation|file|function|method|class|logic|component|module|body|methods|properties)(?:\s+(?:remains|stays|is|are)\s+(?:the\s+same|unchanged|as\s+before))?"
        + @"|(?:existing|previous|other|remaining|original|same|unchanged)\s+(?:code|implementation|logic|methods|functions|properties|fields|imports|tests)(?:\s+(?:remains\s+the\s+same|stays\s+the\s+same|unchanged|omitted|here|as\s+before|goes\s+here|\.\.\.))*"
        + @"|(?:add|insert|put|write|place|implement)\s+(?:your|the)\s+(?:own\s+)?(?:code|logic|implementation|business\s+logic)\s+here"
        + @"|your\s+(?:own\s+)?(?:code|logic|implementation|business\s+logic)\s+(?:goes\s+)?here"
        + @"|(?:the\s+)?implementation\s+(?:goes\s+here|here|omitted|elided)"
        + @"|(?:code|implementation|logic|details)\s+(?:omitted|elided|truncated|skipped)(?:\s+for\s+brevity)?"
        + @"|(?:more|other|additional|similar)\s+(?:code|methods|fields|properties|cases|functions)\s+(?:here|omitted|\.\.\.)"
        + @")\s*\)?\s*(?:\.\.\.)?\s*[.:;]?$",
        RegexOptions.CultureInvariant,
        RegexTimeout);

    private static readonly string[] AssistantPhrases =
    {
        "as an ai language model",
        "as an ai model",
        "as a large language model",
        "i'm an ai",
        "here's the updated code",
        "here is the updated code",
        "here's the modified code",
        "here is the modified code",
        "here's the complete code",
        "here is the complete code",
        "here's the corrected code",
        "here is the corrected code",
        "here's the refactored code",
        "here is the refactored code",
        "here's the full code",
        "here is the full code",
        "here's an updated version",
        "here is an updated version",
        "i hope this helps",
        "hope this helps!",
        "certainly! here",
        "sure! here",
        "sure, here's",
        "sure, here is",
        "let me know if you need any",
        "let me know if you have any questions",
        "i apologize for the confusion",
        "i've updated the code",
        "i have updated the code",
        "i've refactored the code",
    };

    // By word length: a bit per first letter (a–z) of a tag or trigger word of that length.
    private static readonly uint[] RelevantFirstLetters = BuildRelevantFirstLetters();

    [Flags]
    private enum Triggers
    {
        None = 0,
        Elided = 1,
        Assistant = 2,
    }

    [MethodImpl(HotPath.Optimize)]
    public static void Scan(ReadOnlySpan<char> comment, int absoluteStart, CommentScanSettings settings, List<CommentFinding> findings)
    {
        var triggers = Triggers.None;
        var lineStart = 0;
        var firstContent = -1;
        var lastContentEnd = -1;
        while (lineStart < comment.Length)
        {
            var lineEnd = comment.Slice(lineStart).IndexOfAny('\n', '\r');
            lineEnd = lineEnd < 0 ? comment.Length : lineStart + lineEnd;
            var (contentStart, contentEnd) = ContentRange(comment, lineStart, lineEnd);
            if (contentEnd > contentStart)
            {
                if (firstContent < 0)
                {
                    firstContent = contentStart;
                }

                lastContentEnd = contentEnd;
                triggers |= ScanLine(comment, contentStart, contentEnd, absoluteStart, settings, findings);
            }

            lineStart = lineEnd + 1;
            if (lineEnd < comment.Length && comment[lineEnd] == '\r' && lineStart < comment.Length && comment[lineStart] == '\n')
            {
                lineStart++;
            }
        }

        if (triggers == Triggers.None || firstContent < 0 || lastContentEnd - firstContent > MaxPhraseText)
        {
            return;
        }

        var normalized = Normalize(comment.Slice(firstContent, lastContentEnd - firstContent), out var map);
        if ((triggers & Triggers.Elided) != 0 && IsElided(normalized))
        {
            findings.Add(new CommentFinding(Descriptors.ElidedCode, absoluteStart + firstContent, lastContentEnd - firstContent, Excerpt(comment.Slice(firstContent, lastContentEnd - firstContent))));
        }

        if ((triggers & Triggers.Assistant) != 0)
        {
            foreach (var phrase in AssistantPhrases)
            {
                var at = normalized.IndexOf(phrase, StringComparison.Ordinal);
                if (at >= 0)
                {
                    var start = map[at];
                    var end = map[at + phrase.Length - 1] + 1;
                    findings.Add(new CommentFinding(Descriptors.AiAssistantArtifact, absoluteStart + firstContent + start, end - start, Excerpt(comment.Slice(firstContent + start, end - start))));
                    break;
                }
            }
        }
    }

    /// <summary>The content of one line of a comment: without the opener/closer and a block comment's leading '*'.</summary>
    private static (int Start, int End) ContentRange(ReadOnlySpan<char> comment, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(comment[start]) || comment[start] is '/' or '#' or '!'
            || (comment[start] == '*' && !(start + 1 < end && comment[start + 1] == '/'))
            || (comment[start] == '-' && start + 1 < end && comment[start + 1] == '-')))
        {
            start++;
        }

        // SQL "--" is consumed in pairs above; a single "-" bullet is consumed here.
        if (start < end && comment[start] == '-' && start + 1 < end && comment[start + 1] == ' ')
        {
            start += 2;
        }

        if (end - start >= 2 && comment[end - 1] == '/' && comment[end - 2] == '*')
        {
            end -= 2;
        }

        while (end > start && (char.IsWhiteSpace(comment[end - 1]) || comment[end - 1] == '*'))
        {
            end--;
        }

        return (start, end);
    }

    [MethodImpl(HotPath.Optimize)]
    private static Triggers ScanLine(ReadOnlySpan<char> comment, int contentStart, int contentEnd, int absoluteStart, CommentScanSettings settings, List<CommentFinding> findings)
    {
        var triggers = Triggers.None;
        var reportedTodo = false;
        var reportedFixme = false;
        var reportedHack = false;
        var reportedBug = false;
        var hasExtraTags = settings.HasExtraTags;
        var i = contentStart;
        while (i < contentEnd)
        {
            if (!IsWordChar(comment[i]))
            {
                if (comment[i] == '.' && i + 2 < contentEnd && comment[i + 1] == '.' && comment[i + 2] == '.')
                {
                    triggers |= Triggers.Elided;
                }

                i++;
                continue;
            }

            var wordStart = i;
            while (i < contentEnd && IsWordChar(comment[i]))
            {
                i++;
            }

            var word = comment.Slice(wordStart, i - wordStart);
            if (!hasExtraTags && !MayMatter(word))
            {
                continue;
            }

            var atStart = wordStart == contentStart || comment[wordStart - 1] == '@';
            var next = NextNonSpace(comment, i, contentEnd);
            var tagShaped = atStart || next is ':' or '(' or '-';
            triggers |= TriggerOf(word);

            if (!reportedTodo && IsTag(word, "TODO", settings.TodoTags, tagShaped))
            {
                reportedTodo = Add(findings, Descriptors.TodoComment, comment, wordStart, contentEnd, absoluteStart);
            }
            else if (!reportedFixme && IsTag(word, "FIXME", settings.FixmeTags, tagShaped))
            {
                reportedFixme = Add(findings, Descriptors.FixmeComment, comment, wordStart, contentEnd, absoluteStart);
            }
            else if (!reportedHack && IsTag(word, "HACK", settings.HackTags, tagShaped))
            {
                reportedHack = Add(findings, Descriptors.HackComment, comment, wordStart, contentEnd, absoluteStart);
            }
            else if (!reportedBug && IsBugMarker(word, next, settings.BugTags, tagShaped))
            {
                reportedBug = Add(findings, Descriptors.BugComment, comment, wordStart, contentEnd, absoluteStart);
            }
        }

        return triggers;
    }

    /// <summary>Upper-case tag anywhere; any case when shaped like a tag (comment start, or followed by ':' '(' '-').</summary>
    private static bool IsTag(ReadOnlySpan<char> word, string tag, string[] extraTags, bool tagShaped)
    {
        if (word.Length == tag.Length && word.Equals(tag.AsSpan(), StringComparison.OrdinalIgnoreCase))
        {
            return tagShaped || word.SequenceEqual(tag.AsSpan());
        }

        foreach (var extra in extraTags)
        {
            if (word.Equals(extra.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return tagShaped || word.SequenceEqual(extra.AsSpan());
            }
        }

        return false;
    }

    /// <summary><c>BUG:</c>/<c>BUG(</c> in upper case, upper-case <c>XXX</c>, or an extra tag; never "bug" in prose.</summary>
    private static bool IsBugMarker(ReadOnlySpan<char> word, char next, string[] extraTags, bool tagShaped)
    {
        if (word.SequenceEqual("BUG".AsSpan()))
        {
            return next is ':' or '(';
        }

        if (word.SequenceEqual("XXX".AsSpan()))
        {
            return true;
        }

        return extraTags.Length > 0 && IsTag(word, "\0", extraTags, tagShaped);
    }

    /// <summary>
    /// Cheap exact pre-check: without extra tags, only words of these lengths and first letters can be a tag or a
    /// trigger word (see <see cref="TriggerOf"/>, <see cref="IsTag"/>, <see cref="IsBugMarker"/>); most words of a
    /// comment are rejected here without further comparisons.
    /// </summary>
    private static bool MayMatter(ReadOnlySpan<char> word)
    {
        var length = word.Length;
        var first = word[0] | 0x20;
        if (length >= RelevantFirstLetters.Length || first < 'a' || first > 'z')
        {
            return false;
        }

        return (RelevantFirstLetters[length] & (1u << (first - 'a'))) != 0;
    }

    private static uint[] BuildRelevantFirstLetters()
    {
        var words = new[]
        {
            "todo", "fixme", "hack", "bug", "xxx", "ai", "rest", "your", "hope", "here", "sure", "know", "existing",
            "implementation", "omitted", "remainder", "elided", "previous", "unchanged", "truncated", "certainly",
            "apologize", "updated", "refactored",
        };
        var table = new uint[15];
        foreach (var word in words)
        {
            table[word.Length] |= 1u << (word[0] - 'a');
        }

        return table;
    }

    private static Triggers TriggerOf(ReadOnlySpan<char> word)
    {
        switch (word.Length)
        {
            case 2:
                return word.Equals("ai".AsSpan(), StringComparison.OrdinalIgnoreCase) ? Triggers.Assistant : Triggers.None;
            case 4:
                if (word.Equals("rest".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("your".AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return Triggers.Elided;
                }

                return word.Equals("hope".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("here".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || word.Equals("sure".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("know".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    ? Triggers.Assistant | Triggers.Elided
                    : Triggers.None;
            default:
                if (word.Equals("existing".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("implementation".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || word.Equals("omitted".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("remainder".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || word.Equals("elided".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("previous".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || word.Equals("unchanged".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("truncated".AsSpan(), StringComparison.OrdinalIgnoreCase))
                {
                    return Triggers.Elided;
                }

                return word.Equals("certainly".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("apologize".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    || word.Equals("updated".AsSpan(), StringComparison.OrdinalIgnoreCase) || word.Equals("refactored".AsSpan(), StringComparison.OrdinalIgnoreCase)
                    ? Triggers.Assistant
                    : Triggers.None;
        }
    }

    private static bool Add(List<CommentFinding> findings, Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, ReadOnlySpan<char> comment, int start, int end, int absoluteStart)
    {
        findings.Add(new CommentFinding(descriptor, absoluteStart + start, end - start, Excerpt(comment.Slice(start, end - start))));
        return true;
    }

    private static bool IsElided(string normalized)
    {
        try
        {
            return ElidedCode.IsMatch(normalized);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Lower-case, one space between words, typographic quotes and ellipsis folded; map gives original offsets.</summary>
    private static string Normalize(ReadOnlySpan<char> text, out int[] map)
    {
        var builder = new StringBuilder(text.Length);
        var offsets = new List<int>(text.Length);
        var pendingSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || (c is '*' or '/' or '#' && i > 0 && text[i - 1] is '\n' or ' ' or '\t'))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                offsets.Add(i);
                pendingSpace = false;
            }

            switch (c)
            {
                case '\u2019':
                case '\u2018':
                    c = '\'';
                    break;
                case '\u2026':
                    builder.Append("..");
                    offsets.Add(i);
                    offsets.Add(i);
                    c = '.';
                    break;
            }

            builder.Append(char.ToLowerInvariant(c));
            offsets.Add(i);
        }

        map = offsets.ToArray();
        return builder.ToString();
    }

    private static char NextNonSpace(ReadOnlySpan<char> text, int from, int end)
    {
        while (from < end && (text[from] == ' ' || text[from] == '\t'))
        {
            from++;
        }

        return from < end ? text[from] : '\0';
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsWordChar(char c) =>
        c < 0x80 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_' : char.IsLetterOrDigit(c);

    private static string Excerpt(ReadOnlySpan<char> text)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= MaxExcerpt ? trimmed.ToString() : trimmed.Slice(0, MaxExcerpt - 1).ToString() + "…";
    }
}

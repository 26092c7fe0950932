using System;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>
/// Finds markdown code-fence lines (<c>```</c> or <c>```python</c> alone on a line), the tell of chat output pasted
/// into a source file. Callers decide whether the position is code (strings and comments are not scanned).
/// </summary>
public static class MarkdownFence
{
    /// <summary>Next fence at or after <paramref name="from"/>: returns its start (the first backtick) and length, or -1.</summary>
    public static int FindNext(ReadOnlySpan<char> text, int from, out int length)
    {
        length = 0;
        while (from < text.Length)
        {
            var hit = text.Slice(from).IndexOf("```".AsSpan(), StringComparison.Ordinal);
            if (hit < 0)
            {
                return -1;
            }

            var start = from + hit;
            from = start + 3;
            if (IsFenceLine(text, start, out length))
            {
                return start;
            }

            // Skip the rest of a longer backtick run.
            while (from < text.Length && text[from] == '`')
            {
                from++;
            }
        }

        return -1;
    }

    private static bool IsFenceLine(ReadOnlySpan<char> text, int start, out int length)
    {
        length = 0;

        // Only whitespace before the fence on its line.
        for (var i = start - 1; i >= 0 && text[i] != '\n' && text[i] != '\r'; i--)
        {
            if (text[i] != ' ' && text[i] != '\t')
            {
                return false;
            }
        }

        // Backticks, an optional language word, then only whitespace to the end of the line.
        var j = start;
        while (j < text.Length && text[j] == '`')
        {
            j++;
        }

        while (j < text.Length && (char.IsLetterOrDigit(text[j]) || text[j] is '+' or '-' or '#' or '_' or '.'))
        {
            j++;
        }

        var end = j;
        while (j < text.Length && (text[j] == ' ' || text[j] == '\t'))
        {
            j++;
        }

        if (j < text.Length && text[j] != '\n' && text[j] != '\r')
        {
            return false;
        }

        length = end - start;
        return true;
    }
}

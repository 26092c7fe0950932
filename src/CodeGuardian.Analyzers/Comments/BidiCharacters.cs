using System;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Performance;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>
/// The explicit Unicode bidirectional formatting characters used by Trojan Source (CVE-2021-42574):
/// embeddings U+202A/U+202B, pop U+202C, overrides U+202D/U+202E, isolates U+2066–U+2069.
/// Implicit marks (LRM/RLM/ALM) cannot reorder code on their own and are not reported.
/// </summary>
public static class BidiCharacters
{
    private static readonly char[] Embeddings = { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E' };

    private static readonly char[] Isolates = { '\u2066', '\u2067', '\u2068', '\u2069' };

    public static bool IsBidiControl(char c) => (uint)(c - '\u202A') <= 4u || (uint)(c - '\u2066') <= 3u;

    /// <summary>Index of the next bidi control character at or after <paramref name="from"/>, or -1.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static int FindNext(ReadOnlySpan<char> text, int from)
    {
        if ((uint)from >= (uint)text.Length)
        {
            return -1;
        }

        // Vectorized searches for the two groups (five and four values) instead of a test of every character: files
        // almost never hold one, so this is the whole cost of the rule. Windows that double in size keep the work
        // proportional to the distance to the hit when one group is dense and the other absent.
        var window = 64;
        for (var start = from; start < text.Length; start += window, window = Math.Min(window * 2, 1 << 20))
        {
            var chunk = text.Slice(start, Math.Min(window, text.Length - start));
            var embedding = chunk.IndexOfAny(Embeddings.AsSpan());
            var isolate = (embedding < 0 ? chunk : chunk.Slice(0, embedding)).IndexOfAny(Isolates.AsSpan());
            var found = isolate >= 0 ? isolate : embedding;
            if (found >= 0)
            {
                return start + found;
            }
        }

        return -1;
    }

    public static string CodePoint(char c) => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}

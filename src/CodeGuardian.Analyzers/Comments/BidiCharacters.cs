using System;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>
/// The explicit Unicode bidirectional formatting characters used by Trojan Source (CVE-2021-42574):
/// embeddings U+202A/U+202B, pop U+202C, overrides U+202D/U+202E, isolates U+2066–U+2069.
/// Implicit marks (LRM/RLM/ALM) cannot reorder code on their own and are not reported.
/// </summary>
public static class BidiCharacters
{
    public static bool IsBidiControl(char c) => (uint)(c - '\u202A') <= 4u || (uint)(c - '\u2066') <= 3u;

    /// <summary>Index of the next bidi control character at or after <paramref name="from"/>, or -1.</summary>
    public static int FindNext(ReadOnlySpan<char> text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            // Every candidate is in U+2000–U+206F: one compare rejects almost every character.
            if (text[i] >= '\u202A' && IsBidiControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public static string CodePoint(char c) => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}

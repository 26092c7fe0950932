using System;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>Character statistics that tell random values from words, placeholders and sequences.</summary>
public static class Entropy
{
    /// <summary>Shannon entropy in bits per character (ASCII counted exactly, other characters in one bucket).</summary>
    public static double BitsPerChar(ReadOnlySpan<char> value)
    {
        if (value.Length == 0)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[129];
        counts.Clear();
        foreach (var c in value)
        {
            counts[c < 128 ? c : 128]++;
        }

        double bits = 0;
        double length = value.Length;
        foreach (var count in counts)
        {
            if (count > 0)
            {
                var p = count / length;
                bits -= p * Math.Log(p, 2);
            }
        }

        return bits;
    }

    /// <summary>How many of: lower-case letter, upper-case letter, digit, other — appear.</summary>
    public static int CharacterClasses(ReadOnlySpan<char> value)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z')
            {
                lower = true;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (c is >= '0' and <= '9')
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    /// <summary>
    /// Made of runs: the same character six times in a row (<c>xxxxxx</c>, <c>000000</c>), or mostly ascending or
    /// descending neighbours (<c>1234567890abcdef</c>, <c>abcdefgh</c>).
    /// </summary>
    public static bool LooksPatterned(ReadOnlySpan<char> value)
    {
        if (value.Length < 2)
        {
            return true;
        }

        var run = 1;
        var steps = 0;
        for (var i = 1; i < value.Length; i++)
        {
            var previous = char.ToLowerInvariant(value[i - 1]);
            var current = char.ToLowerInvariant(value[i]);
            run = current == previous ? run + 1 : 1;
            if (run >= 6)
            {
                return true;
            }

            // '9' → 'a' continues a hex sequence.
            if (current == previous + 1 || current == previous - 1 || (previous == '9' && current == 'a'))
            {
                steps++;
            }
        }

        return steps * 2 >= value.Length;
    }
}

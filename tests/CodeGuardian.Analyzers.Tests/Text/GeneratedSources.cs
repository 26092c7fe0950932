using System;
using System.Collections.Generic;
using System.Text;

namespace CodeGuardian.Analyzers.Tests.Text;

/// <summary>
/// Inputs for checking a lexer's fast paths against a character-by-character scan: random concatenations of pieces that
/// open, close, escape and break strings and comments. Seeded, so a failure repeats.
/// </summary>
internal static class GeneratedSources
{
    public static IEnumerable<string> From(string[] pieces, int count, int seed = 20261127)
    {
        var random = new Random(seed);
        var builder = new StringBuilder();
        for (var round = 0; round < count; round++)
        {
            builder.Clear();
            var length = random.Next(1, 40);
            for (var k = 0; k < length; k++)
            {
                builder.Append(pieces[random.Next(pieces.Length)]);
            }

            yield return builder.ToString();
        }
    }

    /// <summary>Where a line comment starting at <paramref name="i"/> ends: before the next line break, or at the end.</summary>
    public static int LineEndFrom(string text, int i)
    {
        while (i < text.Length && text[i] != '\n' && text[i] != '\r')
        {
            i++;
        }

        return i;
    }
}

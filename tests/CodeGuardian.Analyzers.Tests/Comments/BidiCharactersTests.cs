using System;
using CodeGuardian.Analyzers.Comments;

namespace CodeGuardian.Analyzers.Tests.Comments;

/// <summary>The block-wise search for bidi control characters agrees with a test of every character.</summary>
public class BidiCharactersTests
{
    private static readonly char[] Controls = { '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069' };

    // Neighbours of both ranges, and other non-ASCII text, are not controls.
    private static readonly char[] Neighbours = { '\u2029', '\u202F', '\u2065', '\u206A', '\u200E', '\u200F', 'é', '中', 'a', ' ' };

    private static int Oracle(string text, int from)
    {
        for (var i = Math.Max(from, 0); i < text.Length; i++)
        {
            if (BidiCharacters.IsBidiControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    [Fact]
    public void EveryControlAtEveryPositionOfShortAndLongTexts()
    {
        foreach (var length in new[] { 1, 15, 16, 17, 31, 32, 33, 64, 100 })
        {
            for (var at = 0; at < length; at++)
            {
                foreach (var control in Controls)
                {
                    var chars = new char[length];
                    for (var i = 0; i < length; i++)
                    {
                        chars[i] = Neighbours[i % Neighbours.Length];
                    }

                    chars[at] = control;
                    var text = new string(chars);
                    foreach (var from in new[] { 0, 1, at - 1, at, at + 1 })
                    {
                        if (from < 0)
                        {
                            continue;
                        }

                        Assert.Equal(Oracle(text, from), BidiCharacters.FindNext(text.AsSpan(), from));
                    }
                }
            }
        }
    }

    [Fact]
    public void TextWithoutControlsHasNone()
    {
        var text = new string(Neighbours) + new string('x', 200) + new string(Neighbours);
        Assert.Equal(-1, BidiCharacters.FindNext(text.AsSpan(), 0));
        Assert.Equal(-1, BidiCharacters.FindNext(text.AsSpan(), text.Length));
        Assert.Equal(-1, BidiCharacters.FindNext(ReadOnlySpan<char>.Empty, 0));
    }
}

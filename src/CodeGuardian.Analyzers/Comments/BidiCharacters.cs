using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CodeGuardian.Analyzers.Performance;

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
    [MethodImpl(HotPath.Optimize)]
    public static int FindNext(ReadOnlySpan<char> text, int from)
    {
        if ((uint)from >= (uint)text.Length)
        {
            return -1;
        }

        // One vector test of both ranges per block instead of a test of every character: files almost never hold one,
        // so this is the whole cost of the rule. A block with a hit is searched character by character.
        var i = from;
        var width = Vector.IsHardwareAccelerated ? Vector<ushort>.Count : 0;
        if (width > 0 && text.Length - i >= width)
        {
            var bytes = MemoryMarshal.AsBytes(text);
            var embeddingStart = new Vector<ushort>('\u202A');
            var embeddingSpan = new Vector<ushort>(4);
            var isolateStart = new Vector<ushort>('\u2066');
            var isolateSpan = new Vector<ushort>(3);
            var belowControls = new Vector<short>(0x2029);
            var last = text.Length - width;

            // Two blocks per test: the signed maximum of two blocks is above U+2029 in a lane exactly when one of them is.
            var lastPair = text.Length - (2 * width);
            for (; i <= lastPair; i += 2 * width)
            {
                var pair = bytes.Slice(i * sizeof(char), 2 * Vector<byte>.Count);
                var first = Vector.AsVectorInt16(MemoryMarshal.Read<Vector<ushort>>(pair));
                var second = Vector.AsVectorInt16(MemoryMarshal.Read<Vector<ushort>>(pair.Slice(Vector<byte>.Count)));
                if (Vector.GreaterThanAny(Vector.Max(first, second), belowControls)
                    && (IsAnyControl(Vector.AsVectorUInt16(first), embeddingStart, embeddingSpan, isolateStart, isolateSpan)
                        || IsAnyControl(Vector.AsVectorUInt16(second), embeddingStart, embeddingSpan, isolateStart, isolateSpan)))
                {
                    // Found block by block below.
                    break;
                }
            }

            for (; i <= last; i += width)
            {
                var block = MemoryMarshal.Read<Vector<ushort>>(bytes.Slice(i * sizeof(char)));

                // First one signed compare: U+202A..U+7FFF are the only lanes above U+2029 as signed 16-bit values, so
                // ASCII and most other text passes with one test; U+8000 and above read as negative and pass too.
                if (!Vector.GreaterThanAny(Vector.AsVectorInt16(block), belowControls))
                {
                    continue;
                }

                if (IsAnyControl(block, embeddingStart, embeddingSpan, isolateStart, isolateSpan))
                {
                    for (var k = i; k < i + width; k++)
                    {
                        if (IsBidiControl(text[k]))
                        {
                            return k;
                        }
                    }
                }
            }
        }

        for (; i < text.Length; i++)
        {
            if (IsBidiControl(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Whether a lane holds a bidi control (unsigned wrap-around: c - first &lt;= span exactly when c lies in [first, first + span]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAnyControl(Vector<ushort> block, Vector<ushort> embeddingStart, Vector<ushort> embeddingSpan, Vector<ushort> isolateStart, Vector<ushort> isolateSpan) =>
        (Vector.LessThanOrEqual(block - embeddingStart, embeddingSpan) | Vector.LessThanOrEqual(block - isolateStart, isolateSpan)) != Vector<ushort>.Zero;

    public static string CodePoint(char c) => ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
}

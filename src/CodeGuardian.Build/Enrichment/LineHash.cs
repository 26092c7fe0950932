using System.Collections.Generic;
using System.Globalization;

namespace CodeGuardian.Build.Enrichment;

/// <summary>
/// GitHub code scanning's <c>primaryLocationLineHash</c>, computed the way the upload action does, so alerts keep
/// their identity whether the action or this task computes the value.
/// </summary>
/// <remarks>
/// For every line, a polynomial rolling hash (base 37, 64-bit wrap-around) over the next 100 characters counted
/// from the line's first character, where spaces and tabs are skipped, CR and CRLF read as LF, the end of the
/// text is one U+FFFF character followed by NULs. The hex value (no leading zeros) is followed by
/// <c>:n</c>, the n-th time that value occurs in the file, so identical lines stay distinct.
/// </remarks>
internal static class LineHash
{
    private const int BlockSize = 100;
    private const ulong Multiplier = 37;
    private const char EndOfText = '\uffff';

    /// <summary>The hash of every line: index 0 holds line 1.</summary>
    public static List<string> Compute(string text)
    {
        var state = new State();
        foreach (var character in text)
        {
            state.Process(character);
        }

        state.Process(EndOfText);
        state.Flush();
        return state.Hashes;
    }

    private sealed class State
    {
        private readonly ulong[] _window = new ulong[BlockSize];
        private readonly int[] _lineAtSlot = NewLineSlots();
        private readonly Dictionary<ulong, int> _occurrences = new();
        private readonly ulong _dropFactor = Power(Multiplier, BlockSize);
        private ulong _hash;
        private int _index;
        private int _lineNumber;
        private bool _atLineStart = true;
        private bool _previousWasCarriageReturn;

        public List<string> Hashes { get; } = new();

        public void Process(char character)
        {
            if (character == ' ' || character == '\t' || (_previousWasCarriageReturn && character == '\n'))
            {
                _previousWasCarriageReturn = false;
                return;
            }

            var current = character;
            if (current == '\r')
            {
                current = '\n';
                _previousWasCarriageReturn = true;
            }
            else
            {
                _previousWasCarriageReturn = false;
            }

            if (_lineAtSlot[_index] != -1)
            {
                Emit();
            }

            if (_atLineStart)
            {
                _atLineStart = false;
                _lineNumber++;
                _lineAtSlot[_index] = _lineNumber;
            }

            if (current == '\n')
            {
                _atLineStart = true;
            }

            Update(current);
        }

        public void Flush()
        {
            for (var i = 0; i < BlockSize; i++)
            {
                if (_lineAtSlot[_index] != -1)
                {
                    Emit();
                }

                Update(0);
            }
        }

        private void Emit()
        {
            _occurrences.TryGetValue(_hash, out var count);
            count++;
            _occurrences[_hash] = count;
            var line = _lineAtSlot[_index];
            while (Hashes.Count < line)
            {
                Hashes.Add("");
            }

            Hashes[line - 1] = _hash.ToString("x", CultureInfo.InvariantCulture) + ":" + count.ToString(CultureInfo.InvariantCulture);
            _lineAtSlot[_index] = -1;
        }

        private void Update(ulong current)
        {
            var dropped = _window[_index];
            _window[_index] = current;
            unchecked
            {
                _hash = (Multiplier * _hash) + current - (_dropFactor * dropped);
            }

            _index = (_index + 1) % BlockSize;
        }

        private static int[] NewLineSlots()
        {
            var slots = new int[BlockSize];
            for (var i = 0; i < slots.Length; i++)
            {
                slots[i] = -1;
            }

            return slots;
        }

        private static ulong Power(ulong value, int exponent)
        {
            ulong result = 1;
            unchecked
            {
                for (var i = 0; i < exponent; i++)
                {
                    result *= value;
                }
            }

            return result;
        }
    }
}

using System.Collections.Generic;

namespace CodeGuardian.Analyzers.Tests.Secrets;

/// <summary>The word splitter as it was before the allocation-free walker: the reference for it.</summary>
internal static class ReferenceIdentifierWords
{
    public static List<string> Split(string identifier)
    {
        var words = new List<string>(4);
        if (string.IsNullOrEmpty(identifier))
        {
            return words;
        }

        var start = -1;
        for (var i = 0; i <= identifier.Length; i++)
        {
            var c = i < identifier.Length ? identifier[i] : '\0';
            if (!char.IsLetterOrDigit(c))
            {
                if (start >= 0)
                {
                    words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                    start = -1;
                }

                continue;
            }

            if (start < 0)
            {
                start = i;
                continue;
            }

            var previous = identifier[i - 1];
            var boundary =
                (char.IsLower(previous) && char.IsUpper(c))
                || (char.IsDigit(previous) != char.IsDigit(c))
                || (char.IsUpper(previous) && char.IsUpper(c) && i + 1 < identifier.Length && char.IsLower(identifier[i + 1]));
            if (boundary)
            {
                words.Add(identifier.Substring(start, i - start).ToLowerInvariant());
                start = i;
            }
        }

        return words;
    }
}

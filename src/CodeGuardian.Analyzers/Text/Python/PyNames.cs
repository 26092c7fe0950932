using System;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>Facts about Python words: keywords, and the shape of names rules care about.</summary>
public static class PyNames
{
    private static readonly string[] Keywords =
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda",
        "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>prefix + name + suffix for every name: builds qualified-name tables once, at type initialization.</summary>
    public static string[] Qualify(string prefix, string[] names, string suffix = "")
    {
        var result = new string[names.Length];
        for (var k = 0; k < names.Length; k++)
        {
            result[k] = prefix + names[k] + suffix;
        }

        return result;
    }

    /// <summary>Every combination module + "." + member.</summary>
    public static string[] Combine(string[] modules, string[] members)
    {
        var result = new string[modules.Length * members.Length];
        var k = 0;
        foreach (var module in modules)
        {
            foreach (var member in members)
            {
                result[k++] = module + "." + member;
            }
        }

        return result;
    }

    public static bool IsKeyword(ReadOnlySpan<char> word)
    {
        if (word.Length < 2 || word.Length > 8)
        {
            return false;
        }

        foreach (var keyword in Keywords)
        {
            if (word.SequenceEqual(keyword.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>True</c>, <c>False</c>, <c>None</c>: literals spelled as names.</summary>
    public static bool IsLiteralName(ReadOnlySpan<char> word) =>
        word.SequenceEqual("True".AsSpan()) || word.SequenceEqual("False".AsSpan()) || word.SequenceEqual("None".AsSpan());

    /// <summary>A module-level constant by convention: upper case letters, digits and underscores, at least one letter.</summary>
    public static bool IsConstantName(ReadOnlySpan<char> word)
    {
        var letters = 0;
        foreach (var c in word)
        {
            if (c >= 'A' && c <= 'Z')
            {
                letters++;
            }
            else if (c != '_' && !(c >= '0' && c <= '9'))
            {
                return false;
            }
        }

        return letters > 0;
    }

    /// <summary>
    /// Whether a name contains, as one of its words (split at '_' and lower-to-upper case changes),
    /// a word that starts with one of <paramref name="words"/> (lower case): <c>reset_token</c>,
    /// <c>sessionKey</c>, <c>api_keys</c> match "token"/"key"; <c>keyboard</c> does not match "key".
    /// </summary>
    public static bool HasWord(ReadOnlySpan<char> name, string[] words, bool allowSuffixS = true)
    {
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length
                || name[i] == '_'
                || (char.IsUpper(name[i]) && char.IsLower(name[i - 1]));
            if (!boundary)
            {
                continue;
            }

            var part = name.Slice(start, i - start);
            while (part.Length > 0 && part[0] == '_')
            {
                part = part.Slice(1);
            }

            if (part.Length > 0 && MatchesWord(part, words, allowSuffixS))
            {
                return true;
            }

            start = i;
        }

        return false;
    }

    private static bool MatchesWord(ReadOnlySpan<char> part, string[] words, bool allowSuffixS)
    {
        foreach (var word in words)
        {
            if (part.Length == word.Length && part.Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (allowSuffixS && part.Length == word.Length + 1 && (part[word.Length] == 's' || part[word.Length] == 'S')
                && part.Slice(0, word.Length).Equals(word.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using System;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>Facts about Python words: keywords, and the shape of names rules care about.</summary>
public static class PyNames
{
    // Module and member names that most Python files import: returned as these constants instead of a new string
    // per import of every file (imports are read for every file, and small files are mostly imports).
    private static readonly string[] CommonNames =
    {
        "os", "re", "io", "sys", "json", "time", "math", "uuid", "enum", "glob", "shutil", "random", "typing", "pathlib",
        "logging", "asyncio", "hashlib", "pickle", "sqlite3", "requests", "datetime", "argparse", "tempfile", "threading",
        "functools", "itertools", "subprocess", "collections", "dataclasses", "dataclass", "field", "Path", "Any",
        "Optional", "List", "Dict", "Tuple", "Union", "Iterable", "defaultdict", "namedtuple", "wraps", "partial",
        "flask", "Flask", "request", "jsonify", "django", "numpy", "np", "pandas", "pd", "yaml", "base64", "hmac",
        "secrets", "socket", "ssl", "urllib", "abc", "ABC", "abstractmethod", "contextlib", "contextmanager", "copy",
        "csv", "struct", "traceback", "unittest", "pytest", "pprint", "string", "textwrap", "timedelta", "timezone",
    };

    /// <summary>The name as a string: a shared constant for a common module or member name, else a new string.</summary>
    public static string Shared(ReadOnlySpan<char> name)
    {
        foreach (var common in CommonNames)
        {
            if (common.Length == name.Length && name.SequenceEqual(common.AsSpan()))
            {
                return common;
            }
        }

        return name.ToString();
    }

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

    /// <summary>
    /// The distinct last parts of dotted names (<c>os.system</c> → <c>system</c>): what a rule passes to
    /// <see cref="PyModule.FindCalls(string[])"/> to find the candidates of its qualified names.
    /// </summary>
    public static string[] LastParts(params string[][] qualifiedNames)
    {
        var parts = new System.Collections.Generic.List<string>();
        foreach (var names in qualifiedNames)
        {
            foreach (var name in names)
            {
                var part = name.Substring(name.LastIndexOf('.') + 1);
                if (!parts.Contains(part))
                {
                    parts.Add(part);
                }
            }
        }

        return parts.ToArray();
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
        // By length, then first letter: a word is compared with one or two candidates at most.
        switch (word.Length)
        {
            case 2:
                return word[0] switch
                {
                    'a' => word[1] == 's',
                    'i' => word[1] == 'f' || word[1] == 'n' || word[1] == 's',
                    'o' => word[1] == 'r',
                    _ => false,
                };
            case 3:
                return word[0] switch
                {
                    'a' => Is(word, "and"),
                    'd' => Is(word, "def") || Is(word, "del"),
                    'f' => Is(word, "for"),
                    'n' => Is(word, "not"),
                    't' => Is(word, "try"),
                    _ => false,
                };
            case 4:
                return word[0] switch
                {
                    'N' => Is(word, "None"),
                    'T' => Is(word, "True"),
                    'e' => Is(word, "elif") || Is(word, "else"),
                    'f' => Is(word, "from"),
                    'p' => Is(word, "pass"),
                    'w' => Is(word, "with"),
                    _ => false,
                };
            case 5:
                return word[0] switch
                {
                    'F' => Is(word, "False"),
                    'a' => Is(word, "async") || Is(word, "await"),
                    'b' => Is(word, "break"),
                    'c' => Is(word, "class"),
                    'r' => Is(word, "raise"),
                    'w' => Is(word, "while"),
                    'y' => Is(word, "yield"),
                    _ => false,
                };
            case 6:
                return word[0] switch
                {
                    'a' => Is(word, "assert"),
                    'e' => Is(word, "except"),
                    'g' => Is(word, "global"),
                    'i' => Is(word, "import"),
                    'l' => Is(word, "lambda"),
                    'r' => Is(word, "return"),
                    _ => false,
                };
            case 7:
                return Is(word, "finally");
            case 8:
                return Is(word, "continue") || Is(word, "nonlocal");
            default:
                return false;
        }
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => word.SequenceEqual(keyword.AsSpan());

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

using System;
using System.Text;
using System.Text.RegularExpressions;

namespace CodeGuardian.Analyzers.Configuration.EditorConfig;

/// <summary>
/// An EditorConfig section glob: <c>*</c>, <c>**</c>, <c>?</c>, <c>[abc]</c>, <c>[!abc]</c>, <c>{a,b}</c>,
/// <c>{1..3}</c>. A glob without '/' matches a file name in any folder; with '/' it is relative to the
/// .editorconfig folder. Compiled once to a regex with a match timeout, so no section can hang the build.
/// </summary>
public sealed class GlobPattern
{
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Regex _regex;

    private GlobPattern(Regex regex) => _regex = regex;

    public static GlobPattern? TryCreate(string glob)
    {
        if (glob.Length == 0 || glob.Length > 1024)
        {
            return null;
        }

        var pattern = new StringBuilder("^");
        var body = glob;
        if (body.IndexOf('/') < 0)
        {
            pattern.Append("(?:.*/)?");
        }
        else if (body[0] == '/')
        {
            body = body.Substring(1);
        }

        var braceDepth = 0;
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            switch (c)
            {
                case '*':
                    if (i + 1 < body.Length && body[i + 1] == '*')
                    {
                        // "**/" matches zero or more folders; "**" elsewhere any characters.
                        if (i + 2 < body.Length && body[i + 2] == '/')
                        {
                            pattern.Append("(?:.*/)?");
                            i += 2;
                        }
                        else
                        {
                            pattern.Append(".*");
                            i++;
                        }
                    }
                    else
                    {
                        pattern.Append("[^/]*");
                    }

                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[':
                    var close = body.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        pattern.Append("\\[");
                        break;
                    }

                    var set = body.Substring(i + 1, close - i - 1);
                    pattern.Append('[');
                    if (set.StartsWith("!", StringComparison.Ordinal))
                    {
                        pattern.Append('^');
                        set = set.Substring(1);
                    }

                    pattern.Append(set.Replace("\\", "\\\\").Replace("[", "\\["));
                    pattern.Append(']');
                    i = close;
                    break;
                case '{':
                    var end = body.IndexOf('}', i + 1);
                    if (end > i && TryNumericRange(body.Substring(i + 1, end - i - 1), pattern))
                    {
                        i = end;
                        break;
                    }

                    braceDepth++;
                    pattern.Append("(?:");
                    break;
                case '}' when braceDepth > 0:
                    braceDepth--;
                    pattern.Append(')');
                    break;
                case ',' when braceDepth > 0:
                    pattern.Append('|');
                    break;
                case '\\' when i + 1 < body.Length:
                    pattern.Append(Regex.Escape(body[++i].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braceDepth != 0)
        {
            return null;
        }

        pattern.Append('$');
        try
        {
            return new GlobPattern(new Regex(pattern.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, MatchTimeout));
        }
        catch (ArgumentException)
        {
            // An unparsable section name matches nothing, as in the compiler.
            return null;
        }
    }

    public bool IsMatch(string relativePath)
    {
        try
        {
            return _regex.IsMatch(relativePath);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static bool TryNumericRange(string content, StringBuilder pattern)
    {
        var dots = content.IndexOf("..", StringComparison.Ordinal);
        if (dots <= 0 || !int.TryParse(content.Substring(0, dots), out var low) || !int.TryParse(content.Substring(dots + 2), out var high) || high < low || high - low > 1000)
        {
            return false;
        }

        pattern.Append("(?:");
        for (var n = low; n <= high; n++)
        {
            if (n > low)
            {
                pattern.Append('|');
            }

            pattern.Append(n);
        }

        pattern.Append(')');
        return true;
    }
}

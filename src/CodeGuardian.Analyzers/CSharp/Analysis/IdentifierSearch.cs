using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Performance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// The names an analyzer looks for: whole identifiers (<c>Break</c>, <c>Sleep</c>), identifiers that start with a
/// prefix (<c>Write…</c>) or end with a suffix (<c>…Async</c>). ASCII only, so that the search can compare the file's
/// characters.
/// </summary>
internal sealed class IdentifierNames
{
    private readonly string[] _names;
    private readonly NamePart[] _parts;

    private IdentifierNames(string[] names, NamePart[] parts)
    {
        foreach (var name in names)
        {
            if (name.Length == 0 || !IsAsciiIdentifier(name))
            {
                throw new ArgumentException("Identifier names are non-empty ASCII identifiers: '" + name + "'.", nameof(names));
            }
        }

        _names = names;
        _parts = parts;
    }

    /// <summary>Which part of an identifier a listed name must be.</summary>
    internal enum NamePart : byte
    {
        Whole,
        Prefix,
        Suffix,
    }

    /// <summary>Identifiers spelled exactly as one of <paramref name="names"/>.</summary>
    public static IdentifierNames Of(params string[] names) => new(names, Parts(names.Length, NamePart.Whole));

    /// <summary>Identifiers that start with one of <paramref name="prefixes"/>.</summary>
    public static IdentifierNames StartingWith(params string[] prefixes) => new(prefixes, Parts(prefixes.Length, NamePart.Prefix));

    /// <summary>Identifiers spelled as one of <paramref name="names"/>, starting with one of <paramref name="prefixes"/> or ending with one of <paramref name="suffixes"/>.</summary>
    public static IdentifierNames Create(string[] names, string[] prefixes, string[] suffixes)
    {
        var all = new string[names.Length + prefixes.Length + suffixes.Length];
        var parts = new NamePart[all.Length];
        var i = 0;
        foreach (var (list, part) in new[] { (names, NamePart.Whole), (prefixes, NamePart.Prefix), (suffixes, NamePart.Suffix) })
        {
            foreach (var name in list)
            {
                all[i] = name;
                parts[i++] = part;
            }
        }

        return new(all, parts);
    }

    internal int Count => _names.Length;

    internal string Name(int index) => _names[index];

    internal NamePart Part(int index) => _parts[index];

    /// <summary>Whether an identifier's value (escapes resolved, no <c>@</c>) is one of the names.</summary>
    public bool Matches(string valueText) => FirstMatch(valueText) >= 0;

    /// <summary>The first listed name that <paramref name="identifier"/> matches, or -1.</summary>
    internal int FirstMatch(string identifier)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            var name = _names[i];
            var matches = _parts[i] switch
            {
                NamePart.Prefix => identifier.StartsWith(name, StringComparison.Ordinal),
                NamePart.Suffix => identifier.EndsWith(name, StringComparison.Ordinal),
                _ => identifier == name,
            };
            if (matches)
            {
                return i;
            }
        }

        return -1;
    }

    private static NamePart[] Parts(int count, NamePart part)
    {
        var parts = new NamePart[count];
        for (var i = 0; i < count; i++)
        {
            parts[i] = part;
        }

        return parts;
    }

    private static bool IsAsciiIdentifier(string name)
    {
        foreach (var c in name)
        {
            if (!IdentifierSearch.IsAsciiIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Finds the tokens of a C# file that spell one of a few names, by a vectorized search of the file's text, with the
/// syntax tree consulted only where the text matches. An analyzer that looks at one call among thousands (a
/// <c>Debugger.Break()</c>, a <c>Thread.Sleep</c>) then runs once per file instead of once per invocation: the
/// compiler charges every node callback to its analyzer, an empty one included, and those charges add up to most of
/// such an analyzer's cost.
/// <para>
/// Exact, not a heuristic: a match counts only when the token found at its position is an identifier (or contextual
/// keyword) that starts there and whose value is the name — so matches in comments, strings and disabled code are
/// dropped, and verbatim identifiers (<c>@Break</c>) are found. Names cannot be aliased in C# (a <c>using</c> alias
/// names a type or namespace, never a member), so only Unicode escapes inside an identifier (<c>Bre\u0061k</c>)
/// hide a name from the text; each <c>\u</c>/<c>\U</c> in the file is checked against the token it stands in.
/// </para>
/// </summary>
internal static class IdentifierSearch
{
    /// <summary>Calls <paramref name="found"/> for each identifier token in <paramref name="span"/> that <paramref name="names"/> match.</summary>
    [MethodImpl(HotPath.Optimize)]
    public static void ForEach<TArg>(
        SyntaxNode root,
        SourceText text,
        TextSpan span,
        IdentifierNames names,
        Action<SyntaxToken, TArg> found,
        TArg argument,
        CancellationToken cancellationToken)
    {
        if (span.Length == 0)
        {
            return;
        }

        using var copy = new RentedText(text);
        var all = copy.Chars;
        for (var index = 0; index < names.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            FindWritten(root, all, span, names, index, found, argument);
        }

        FindEscapedIdentifiers(root, all, span, names, found, argument);
    }

    /// <summary>
    /// Calls <paramref name="found"/> for each string literal expression (<c>"…"</c>, <c>@"…"</c>, raw) that starts in
    /// <paramref name="span"/>: each <c>"</c> of the text is looked up in the tree, and a literal counts at its opening
    /// quote only. UTF-8 literals (<c>"…"u8</c>) and interpolated strings are other expressions.
    /// </summary>
    [MethodImpl(HotPath.Optimize)]
    public static void ForEachStringLiteral<TArg>(
        SyntaxNode root,
        SourceText text,
        TextSpan span,
        Action<LiteralExpressionSyntax, TArg> found,
        TArg argument,
        CancellationToken cancellationToken)
    {
        if (span.Length == 0)
        {
            return;
        }

        using var copy = new RentedText(text);
        var all = copy.Chars;
        var from = span.Start;
        var checkedQuotes = 0;
        while (from < span.End)
        {
            var at = all.Slice(from, span.End - from).IndexOf('"');
            if (at < 0)
            {
                return;
            }

            var position = from + at;
            from = position + 1;
            if ((++checkedQuotes & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var token = root.FindToken(position);
            var start = position > 0 && all[position - 1] == '@' ? position - 1 : position;
            if (token.SpanStart == start && token.Parent is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                found(literal, argument);
                from = Math.Max(from, token.Span.End);
            }
        }
    }

    /// <summary>
    /// Identifiers in which listed name <paramref name="index"/> is written out (no escape in that part). A token that
    /// an earlier listed name finds as written is left to that name, so each token is found once.
    /// </summary>
    private static void FindWritten<TArg>(
        SyntaxNode root,
        ReadOnlySpan<char> all,
        TextSpan span,
        IdentifierNames names,
        int index,
        Action<SyntaxToken, TArg> found,
        TArg argument)
    {
        var name = names.Name(index);
        var part = names.Part(index);
        var from = span.Start;
        while (from < span.End)
        {
            var at = all.Slice(from, span.End - from).IndexOf(name.AsSpan(), StringComparison.Ordinal);
            if (at < 0)
            {
                return;
            }

            var position = from + at;
            from = position + 1;
            var end = position + name.Length;
            var startsHere = position == 0 || !IsAsciiIdentifierPart(all[position - 1]);
            var endsHere = end >= all.Length || !IsAsciiIdentifierPart(all[end]);
            if ((part != IdentifierNames.NamePart.Suffix && !startsHere) || (part != IdentifierNames.NamePart.Prefix && !endsHere))
            {
                continue;
            }

            var token = root.FindToken(position);
            if (!IsIdentifierLike(token) || !span.Contains(token.SpanStart))
            {
                continue;
            }

            // Where the name must sit in the token: at its start (after a verbatim @) or at its end.
            var expectedStart = position > 0 && all[position - 1] == '@' ? position - 1 : position;
            var placed = part == IdentifierNames.NamePart.Suffix ? token.Span.End == end && token.Span.Contains(position) : token.SpanStart == expectedStart;
            if (placed && names.Matches(token.ValueText) && names.FirstMatch(WithoutAt(token.Text)) == index)
            {
                found(token, argument);
            }
        }
    }

    /// <summary>
    /// The nodes (<paramref name="nodeAt"/> of a token) whose token contains one of <paramref name="words"/>, compared
    /// without regard to ASCII case, each once and in file order. For rules whose findings need one of a few words in a
    /// literal (<c>localhost</c>, <c>select</c>): the words are searched in the text, and only tokens that contain one
    /// are handed on, so comments, code and other literals cost a vectorized search.
    /// </summary>
    public static List<SyntaxNode>? NodesOfTokensContaining(
        SyntaxNode root,
        SourceText text,
        TextSpan span,
        string[] words,
        Func<SyntaxToken, SyntaxNode?> nodeAt,
        CancellationToken cancellationToken)
    {
        if (span.Length == 0)
        {
            return null;
        }

        HashSet<SyntaxNode>? nodes = null;
        using (var copy = new RentedText(text))
        {
            var all = copy.Chars;
            foreach (var word in words)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = span.Start;
                while (from < span.End)
                {
                    var at = all.Slice(from, span.End - from).IndexOf(word.AsSpan(), StringComparison.OrdinalIgnoreCase);
                    if (at < 0)
                    {
                        break;
                    }

                    var position = from + at;
                    from = position + 1;
                    var token = root.FindToken(position);
                    if (token.Span.Contains(position) && position + word.Length <= token.Span.End && nodeAt(token) is { } node)
                    {
                        (nodes ??= new HashSet<SyntaxNode>()).Add(node);
                        from = Math.Max(from, token.Span.End);
                    }
                }
            }
        }

        if (nodes is null)
        {
            return null;
        }

        var ordered = new List<SyntaxNode>(nodes);
        ordered.Sort(static (a, b) => a.SpanStart.CompareTo(b.SpanStart));
        return ordered;
    }

    internal static bool IsAsciiIdentifierPart(char c) =>
        (uint)((c | 0x20) - 'a') <= 'z' - 'a' || (uint)(c - '0') <= 9 || c == '_';

    /// <summary>Identifiers written with Unicode escapes: each escape is looked up in the tree, each token reported once.</summary>
    private static void FindEscapedIdentifiers<TArg>(
        SyntaxNode root,
        ReadOnlySpan<char> all,
        TextSpan span,
        IdentifierNames names,
        Action<SyntaxToken, TArg> found,
        TArg argument)
    {
        var lastReported = -1;
        var from = span.Start;
        while (from < span.End)
        {
            var at = all.Slice(from, span.End - from).IndexOf('\\');
            if (at < 0)
            {
                return;
            }

            var position = from + at;
            from = position + 1;
            if (from >= all.Length || (all[from] != 'u' && all[from] != 'U'))
            {
                continue;
            }

            var token = root.FindToken(position);
            if (token.Span.Contains(position) && token.SpanStart != lastReported && IsIdentifierLike(token)
                && span.Contains(token.SpanStart) && names.Matches(token.ValueText) && !names.Matches(WithoutAt(token.Text)))
            {
                lastReported = token.SpanStart;
                found(token, argument);
            }
        }
    }

    /// <summary>The text as written, without a verbatim <c>@</c>: a token it matches was found by the plain search.</summary>
    private static string WithoutAt(string text) => text.Length > 0 && text[0] == '@' ? text.Substring(1) : text;

    private static bool IsIdentifierLike(SyntaxToken token) =>
        token.IsKind(SyntaxKind.IdentifierToken) || SyntaxFacts.IsContextualKeyword(token.Kind());
}

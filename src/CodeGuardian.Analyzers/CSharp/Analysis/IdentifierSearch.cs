using System;
using System.Buffers;
using System.Runtime.CompilerServices;
using System.Threading;
using CodeGuardian.Analyzers.Performance;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// The names an analyzer looks for: whole identifiers (<c>Break</c>, <c>Sleep</c>) or identifiers that start with a
/// prefix (<c>Write…</c>). ASCII only, so that the search can compare the file's characters.
/// </summary>
internal sealed class IdentifierNames
{
    private readonly string[] _names;
    private readonly bool _prefixes;

    private IdentifierNames(string[] names, bool prefixes)
    {
        foreach (var name in names)
        {
            if (name.Length == 0 || !IsAsciiIdentifier(name))
            {
                throw new ArgumentException("Identifier names are non-empty ASCII identifiers: '" + name + "'.", nameof(names));
            }
        }

        _names = names;
        _prefixes = prefixes;
    }

    /// <summary>Identifiers spelled exactly as one of <paramref name="names"/>.</summary>
    public static IdentifierNames Of(params string[] names) => new(names, prefixes: false);

    /// <summary>Identifiers that start with one of <paramref name="prefixes"/>.</summary>
    public static IdentifierNames StartingWith(params string[] prefixes) => new(prefixes, prefixes: true);

    internal string[] Names => _names;

    internal bool Prefixes => _prefixes;

    /// <summary>Whether an identifier's value (escapes resolved, no <c>@</c>) is one of the names.</summary>
    public bool Matches(string valueText)
    {
        foreach (var name in _names)
        {
            if (_prefixes ? valueText.StartsWith(name, StringComparison.Ordinal) : valueText == name)
            {
                return true;
            }
        }

        return false;
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

        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            var all = new ReadOnlySpan<char>(chars, 0, text.Length);
            foreach (var name in names.Names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var from = span.Start;
                while (from < span.End)
                {
                    var at = all.Slice(from, span.End - from).IndexOf(name.AsSpan(), StringComparison.Ordinal);
                    if (at < 0)
                    {
                        break;
                    }

                    var position = from + at;
                    from = position + 1;
                    var end = position + name.Length;
                    if ((position > 0 && IsAsciiIdentifierPart(all[position - 1]))
                        || (!names.Prefixes && end < all.Length && IsAsciiIdentifierPart(all[end])))
                    {
                        continue;
                    }

                    var token = root.FindToken(position);
                    var start = position > 0 && all[position - 1] == '@' ? position - 1 : position;
                    if (token.SpanStart == start && IsIdentifierLike(token) && names.Matches(token.ValueText))
                    {
                        found(token, argument);
                    }
                }
            }

            FindEscapedIdentifiers(root, all, span, names, found, argument);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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

        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            var all = new ReadOnlySpan<char>(chars, 0, text.Length);
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
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Rust;

/// <summary>Where a code token sits, as far as the Rust rules care.</summary>
[Flags]
internal enum RsRegion : byte
{
    None = 0,

    /// <summary>Inside a <c>#[cfg(test)]</c> item, a <c>#[test]</c>-like fn, or a file with <c>#![cfg(test)]</c>.</summary>
    Test = 1 << 0,

    /// <summary>Inside the body of the crate-level <c>fn main</c>.</summary>
    MainBody = 1 << 1,

    /// <summary>Part of a <c>use</c> declaration.</summary>
    UseDeclaration = 1 << 2,

    /// <summary>Part of an attribute <c>#[…]</c> / <c>#![…]</c>.</summary>
    Attribute = 1 << 3,
}

/// <summary>How much a rule can say about the value of an expression.</summary>
internal enum RsValueKind
{
    /// <summary>Literals and constants only.</summary>
    Constant,

    /// <summary>Built at run time from something that is not constant (format! with arguments, concatenation …).</summary>
    NonConstant,

    /// <summary>A variable, parameter or call whose origin is not visible.</summary>
    Unknown,
}

/// <summary>
/// The query layer the Rust rules share, built once per file from the lexer's tokens: code tokens without
/// comments, matching brackets, per-token region facts (test code, <c>fn main</c>, <c>use</c>, attributes),
/// <c>use</c> aliases, and questions about paths, macro invocations, method chains, call arguments and whether an
/// expression is constant. All indices are into <see cref="Code"/>.
/// </summary>
internal sealed class RsSyntax
{
    private const int LocalSearchLimit = 2000;

    // Per-code-token arrays rented from the file (their Length may exceed _count).
    private readonly Token[] _code;
    private readonly int _count;
    private readonly int[] _match;
    private readonly RsRegion[] _region;
    private readonly int[] _strings;
    private readonly int _stringCount;

    // Paths named by use declarations, as a tree of segments: pairs [code index of the segment, parent segment or -1].
    // Aliases: pairs [code index of the name a use binds, last segment of the path it stands for or -1].
    // Rented on the first use declaration.
    private int[] _segments = Array.Empty<int>();
    private int _segmentCount;
    private int[] _aliases = Array.Empty<int>();
    private int _aliasCount;

    [ThreadStatic]
    private static List<int>? s_candidates;

    /// <summary>
    /// The names the Rust rules look up. Only identifiers that may be one of them go into the name index, which keeps
    /// building it cheap; a name outside this list is still found, by a walk over the tokens.
    /// </summary>
    private static readonly string[] IndexedNameList =
    {
        "unsafe", "transmute", "from_raw",
        "dbg", "println", "print", "eprintln", "eprint",
        "todo", "unimplemented",
        "unwrap", "expect", "panic", "unreachable",
        "query", "query_as", "query_scalar", "query_with", "query_as_with", "raw_sql", "sql_query",
        "execute", "query_one", "query_opt", "query_row", "prepare", "prepare_cached", "batch_execute", "execute_batch", "simple_query",
        "Command", "new",
        "compute", "md5", "sha1", "Sha1", "Md5", "Md4", "SHA1_FOR_LEGACY_USE_ONLY", "new_with_prefix", "default", "digest", "from",
        "danger_accept_invalid_certs", "danger_accept_invalid_hostnames", "NONE", "verify_server_cert",
    };

    private static readonly NameFilter IndexedNames = new(IndexedNameList);

    // The names this layer acts on (the indexed names and the two keywords the region walk acts on), by length: bit
    // (c & 63) of NameFirstCharacters[length] (NameLastCharacters[length]) is set when such a name starts (ends) with c.
    // This is NameFilter.MayBe's test on the layer's own names, with the arrays in static readonly fields of known length,
    // so a length test is also the bounds check: through a NameFilter instance the rule set measured 3 % slower.
    private const int MaxNameLength = 64;
    private static readonly ulong[] NameFirstCharacters = CharacterBits(IndexedNameList, first: true);
    private static readonly ulong[] NameLastCharacters = CharacterBits(IndexedNameList, first: false);

    private RsSyntax(ScannedFile file)
    {
        File = file;
        var all = file.Tokens.AsSpan();
        var text = file.Text;

        // One pass: copy the code tokens, match brackets (a rented stack: nesting may be as deep as the file is
        // long), and note the string literals and the names the index may need. Sized by the token count, an
        // upper bound; the pool makes the slack free. The arrays are held in locals: a field would be read again
        // after every store.
        var code = _code = file.Rent<Token>(all.Length);
        var match = _match = file.Rent<int>(all.Length);
        var strings = _strings = file.Rent<int>(all.Length);
        var names = file.Rent<int>(all.Length);

        // Open brackets: code index times four plus the bracket's kind (OpenParen, OpenSquare, OpenBrace), so
        // closing one needs no look back at its text.
        var stack = file.Rent<int>(all.Length);

        // The tokens the region walk acts on (the punctuation it tracks, the names 'use' and 'fn') and what each
        // is; every other token just takes the region around it, which the walk fills in bulk.
        var events = file.Rent<int>(all.Length);
        var eventKinds = file.Rent<RegionEvent>(all.Length);
        var eventCount = 0;
        var count = 0;
        var nameCount = 0;
        var stringCount = 0;
        var depth = 0;

        // The code tokens are copied a run at a time (at each comment and at the end), not one by one: the loop
        // reads them where the lexer put them. Only brackets have a partner. The punctuation this pass acts on the lexer
        // tagged (Token.Tag, 0 for other tokens), so the pass reads one byte instead of the token's text. Names are
        // classified here (NameEvent): in the lexer's loop the same test cost more than it saves here.
        new Span<int>(match, 0, all.Length).Fill(-1);
        var runStart = 0;
        for (var t = 0; t < all.Length; t++)
        {
            ref readonly var token = ref all[t];
            var tag = token.Tag;
            if (tag == 0)
            {
                // Names first: they are most of these tokens.
                var kind = token.Kind;
                if (kind == TokenKind.Identifier)
                {
                    var nameEvent = NameEvent(text, token);
                    if (nameEvent == RegionEvent.IndexedName)
                    {
                        names[nameCount++] = count;
                    }
                    else if (nameEvent != RegionEvent.None)
                    {
                        events[eventCount] = count;
                        eventKinds[eventCount++] = nameEvent;
                    }
                }
                else if (kind == TokenKind.String)
                {
                    if (!token.Has(TokenFlags.Char))
                    {
                        strings[stringCount++] = count;
                    }
                }
                else if (kind is TokenKind.Comment or TokenKind.Text)
                {
                    all.Slice(runStart, t - runStart).CopyTo(new Span<Token>(code, count - (t - runStart), t - runStart));
                    runStart = t + 1;
                    continue;
                }

                count++;
                continue;
            }

            var i = count++;
            var eventKind = (RegionEvent)(tag - 1);
            events[eventCount] = i;
            eventKinds[eventCount++] = eventKind;
            if (eventKind <= RegionEvent.OpenBrace)
            {
                stack[depth++] = (i << 2) | (int)eventKind;
            }
            else if (eventKind <= RegionEvent.CloseBrace && depth > 0)
            {
                var open = stack[depth - 1];
                if ((open & 3) == (int)eventKind - 3)
                {
                    depth--;
                    match[open >> 2] = i;
                    match[i] = open >> 2;
                }
            }
        }

        all.Slice(runStart).CopyTo(new Span<Token>(code, count - (all.Length - runStart), all.Length - runStart));

        // Unclosed openers (half-typed code) run to the end.
        while (depth > 0)
        {
            match[stack[--depth] >> 2] = count;
        }

        _count = count;
        _stringCount = stringCount;
        _names = new NameIndex(file, nameCount, IndexedNames.Count);
        for (var k = 0; k < nameCount; k++)
        {
            ref readonly var token = ref code[names[k]];
            _names.Add(names[k], token.Start, token.Length);
        }

        _region = file.Rent<RsRegion>(count);
        ComputeRegions(events, eventKinds, eventCount);
    }

    /// <summary>
    /// The tokens the region walk acts on: the punctuation's are the lexer's tag minus one (<see cref="RustLexer.OpenParenTag"/>
    /// …), the three openers first, in the order of their closers; then the names <c>use</c> and <c>fn</c>.
    /// <see cref="IndexedName"/> (a name for the index) and <see cref="None"/> are no walk events.
    /// </summary>
    private enum RegionEvent : byte
    {
        OpenParen = RustLexer.OpenParenTag - 1,
        OpenSquare = RustLexer.OpenSquareTag - 1,
        OpenBrace = RustLexer.OpenBraceTag - 1,
        CloseParen = RustLexer.CloseParenTag - 1,
        CloseSquare = RustLexer.CloseSquareTag - 1,
        CloseBrace = RustLexer.CloseBraceTag - 1,
        Semicolon = RustLexer.SemicolonTag - 1,
        Hash = RustLexer.HashTag - 1,
        Use,
        Fn,
        IndexedName,
        None,
    }

    /// <summary>
    /// What the name token is to this layer: <see cref="RegionEvent.Fn"/>, <see cref="RegionEvent.Use"/>,
    /// <see cref="RegionEvent.IndexedName"/> for a plain name that may be one of the indexed names (a near miss only
    /// costs an index entry no query finds), <see cref="RegionEvent.None"/> for any other name or a lifetime.
    /// Two table reads, no hashing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static RegionEvent NameEvent(ReadOnlySpan<char> text, in Token token)
    {
        var start = token.Start;
        var length = token.Length;
        var first = NameFirstCharacters;
        var last = NameLastCharacters;
        if (token.Has(TokenFlags.Lifetime)
            || (uint)length >= (uint)first.Length || (uint)length >= (uint)last.Length
            || ((first[length] >> (text[start] & 63)) & 1) == 0
            || ((last[length] >> (text[start + length - 1] & 63)) & 1) == 0)
        {
            return RegionEvent.None;
        }

        if (length == 2 && text[start] == 'f' && text[start + 1] == 'n')
        {
            return RegionEvent.Fn;
        }

        return length == 3 && text[start] == 'u' && text[start + 1] == 's' && text[start + 2] == 'e'
            ? RegionEvent.Use
            : RegionEvent.IndexedName;
    }

    private static ulong[] CharacterBits(string[] indexedNames, bool first)
    {
        var bits = new ulong[MaxNameLength];
        foreach (var name in indexedNames)
        {
            bits[name.Length] |= 1UL << ((first ? name[0] : name[name.Length - 1]) & 63);
        }

        bits[2] |= 1UL << (first ? 'f' & 63 : 'n' & 63);
        bits[3] |= 1UL << (first ? 'u' & 63 : 'e' & 63);
        return bits;
    }

    public ScannedFile File { get; }

    /// <summary>Number of code tokens.</summary>
    public int Count => _count;

    /// <summary>Whether the file defines a crate-level <c>fn main</c>.</summary>
    public bool DefinesMain { get; private set; }

    public ReadOnlySpan<Token> Code => new(_code, 0, _count);

    // Where the plain names (not lifetimes) that may be one of IndexedNames occur, by code index.
    private readonly NameIndex _names;

    /// <summary>Whether the plain name <paramref name="name"/> occurs in the file's code (in a path, a use, anywhere).</summary>
    public bool HasName(string name)
    {
        if (IsIndexed(name))
        {
            return _names.Contains(name);
        }

        for (var i = 0; i < _count; i++)
        {
            if (IsName(i, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Number of string literals (not chars).</summary>
    public int StringCount => _stringCount;

    /// <summary>Code index of the <paramref name="k"/>-th string literal.</summary>
    public int StringAt(int k) => _strings[k];

    /// <summary>The model of <paramref name="file"/>, built on first use and shared by every Rust rule.</summary>
    public static RsSyntax Of(ScannedFile file) => file.Layer(static f => new RsSyntax(f));

    public ref readonly Token this[int index] => ref _code[index];

    public RsRegion RegionOf(int index) => index >= 0 && index < _count ? _region[index] : RsRegion.None;

    public bool InTest(int index) => (RegionOf(index) & RsRegion.Test) != 0;

    public bool InMainBody(int index) => (RegionOf(index) & RsRegion.MainBody) != 0;

    /// <summary>Inside a <c>use</c> declaration or an attribute: names there are not calls.</summary>
    public bool InDeclarationOrAttribute(int index) => (RegionOf(index) & (RsRegion.UseDeclaration | RsRegion.Attribute)) != 0;

    /// <summary>The partner of the bracket at <paramref name="index"/>; <see cref="Count"/> for an unclosed opener, -1 otherwise.</summary>
    public int MatchOf(int index) => index >= 0 && index < _count ? _match[index] : -1;

    public bool Is(int index, string text) => index >= 0 && index < _count && File.Is(_code[index], text);

    public bool IsPunct(int index, string text) =>
        index >= 0 && index < _count && _code[index].Kind == TokenKind.Punctuation && File.Is(_code[index], text);

    /// <summary>An Identifier that is a plain name or keyword (not a lifetime).</summary>
    public bool IsName(int index) =>
        index >= 0 && index < _count && _code[index].Kind == TokenKind.Identifier && !_code[index].Has(TokenFlags.Lifetime);

    public bool IsName(int index, string text) => IsName(index) && File.Is(_code[index], text);

    public bool IsOpenBracket(int index) => IsPunct(index, "(") || IsPunct(index, "[") || IsPunct(index, "{");

    /// <summary>A string literal (not a char or byte char).</summary>
    public bool IsStringLiteral(int index) =>
        index >= 0 && index < _count && _code[index].Kind == TokenKind.String && !_code[index].Has(TokenFlags.Char);

    /// <summary>Content of the string literal at <paramref name="index"/>, without prefix, quotes and hashes.</summary>
    public ReadOnlySpan<char> StringContent(int index)
    {
        var (start, length) = StringLiterals.ContentOf(File, _code[index]);
        return File.Slice(start, length);
    }

    /// <summary><c>name!(…)</c>, <c>name![…]</c> or <c>name!{…}</c> at <paramref name="index"/>.</summary>
    public bool IsMacroCall(int index, string name) =>
        IsName(index, name) && IsPunct(index + 1, "!") && IsOpenBracket(index + 2) && !IsPunct(index - 1, ".");

    /// <summary>A method call <c>.name(</c>: <paramref name="index"/> is the name.</summary>
    public bool IsMethodCall(int index, string name) =>
        IsPunct(index - 1, ".") && IsName(index, name) && IsPunct(index + 1, "(");

    /// <summary>A call <c>name(</c> or <c>path::name(</c> that is not a method call (<paramref name="index"/> is the name).</summary>
    public bool IsFunctionCall(int index, string name) =>
        !IsPunct(index - 1, ".") && IsName(index, name) && IsPunct(index + 1, "(") && !IsName(index - 1, "fn");

    /// <summary>
    /// Whether the path written up to <paramref name="lastIndex"/> (<c>a::b::c</c>), with its first segment expanded
    /// through the file's <c>use</c> aliases, ends with <paramref name="expected"/>. <paramref name="firstIndex"/> is
    /// the written path's first segment, so a rule can report the span as written.
    /// </summary>
    public bool PathEndsWith(int lastIndex, string[] expected, out int firstIndex)
    {
        firstIndex = lastIndex;
        if (!IsName(lastIndex) || InDeclarationOrAttribute(lastIndex))
        {
            return false;
        }

        while (IsPunct(firstIndex - 1, "::") && IsName(firstIndex - 2))
        {
            firstIndex -= 2;
        }

        var e = expected.Length - 1;
        var k = lastIndex;

        // Compare the written segments right to left, except the first one.
        while (k > firstIndex && e >= 0)
        {
            if (!File.Is(_code[k], expected[e]))
            {
                return false;
            }

            k -= 2;
            e--;
        }

        if (e < 0)
        {
            return true;
        }

        // The first written segment: itself, or the path it is an alias of.
        if (TryGetAlias(firstIndex, out var segment) && !IsPunct(firstIndex - 1, "::"))
        {
            for (; segment >= 0 && e >= 0; segment = _segments[(2 * segment) + 1], e--)
            {
                if (!File.Is(_code[_segments[2 * segment]], expected[e]))
                {
                    return false;
                }
            }

            return e < 0;
        }

        return e == 0 && File.Is(_code[firstIndex], expected[0]);
    }

    /// <summary>
    /// Whether the name at <paramref name="index"/> is imported by <c>use</c> (the last import of that name wins);
    /// <paramref name="lastSegment"/> is the last segment of the path it stands for (walk the segments' parents), -1 for none.
    /// </summary>
    private bool TryGetAlias(int index, out int lastSegment)
    {
        var text = File.TextOf(_code[index]);
        for (var a = _aliasCount - 1; a >= 0; a--)
        {
            if (text.SequenceEqual(File.TextOf(_code[_aliases[2 * a]])))
            {
                lastSegment = _aliases[(2 * a) + 1];
                return true;
            }
        }

        lastSegment = -1;
        return false;
    }

    /// <summary>
    /// Code indices, ascending and without duplicates, of every occurrence of <paramref name="names"/> and, with
    /// <paramref name="withRenames"/>, of every name a <c>use</c> binds to a path ending in one of them
    /// (<c>use std::mem::transmute as t;</c>): every place where a path ending in one of the names can end, for a
    /// rule to check instead of walking all tokens. The list is shared per thread: read it before asking again.
    /// </summary>
    public List<int> Candidates(string[] names, bool withRenames)
    {
        var list = s_candidates ??= new List<int>();
        list.Clear();
        foreach (var name in names)
        {
            AddOccurrences(name, list);
        }

        if (withRenames)
        {
            for (var a = 0; a < _aliasCount; a++)
            {
                var alias = _aliases[2 * a];
                var target = _aliases[(2 * a) + 1];
                if (target >= 0 && !IsOneOf(alias, names) && IsOneOf(_segments[2 * target], names))
                {
                    AddOccurrences(File.GetString(_code[alias]), list);
                }
            }
        }

        list.Sort();
        var kept = 0;
        for (var k = 0; k < list.Count; k++)
        {
            if (kept == 0 || list[k] != list[kept - 1])
            {
                list[kept++] = list[k];
            }
        }

        list.RemoveRange(kept, list.Count - kept);
        return list;
    }

    private void AddOccurrences(string name, List<int> list)
    {
        if (IsIndexed(name))
        {
            foreach (var index in _names.Find(name))
            {
                list.Add(index);
            }

            return;
        }

        for (var i = 0; i < _count; i++)
        {
            if (IsName(i, name))
            {
                list.Add(i);
            }
        }
    }

    private static bool IsIndexed(string name) => IndexedNames.Contains(name);

    private bool IsOneOf(int index, string[] names)
    {
        foreach (var name in names)
        {
            if (File.Is(_code[index], name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(string[] names, string name)
    {
        foreach (var candidate in names)
        {
            if (string.Equals(candidate, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The top-level, comma-separated arguments between the bracket at <paramref name="open"/> and its partner, as
    /// [start, end) ranges of code indices; empty arguments (a trailing comma) are left out.
    /// </summary>
    public List<(int Start, int End)> Arguments(int open)
    {
        var result = new List<(int Start, int End)>();
        var close = MatchOf(open);
        if (close < 0)
        {
            return result;
        }

        var start = open + 1;
        var i = start;
        while (i < close)
        {
            if (IsOpenBracket(i))
            {
                var partner = MatchOf(i);
                i = partner > i ? partner + 1 : i + 1;
                continue;
            }

            if (IsPunct(i, ","))
            {
                if (i > start)
                {
                    result.Add((start, i));
                }

                start = i + 1;
            }

            i++;
        }

        if (close > start)
        {
            result.Add((start, Math.Min(close, _count)));
        }

        return result;
    }

    /// <summary>
    /// The next call of a method chain after <paramref name="position"/> (a closing bracket or a name):
    /// <c>.name(…)</c>, skipping <c>?</c> and <c>.await</c>, across lines. Returns false at the end of the chain.
    /// </summary>
    public bool NextChainCall(int position, out int nameIndex, out int openIndex)
    {
        var j = position + 1;
        while (true)
        {
            if (IsPunct(j, "?"))
            {
                j++;
                continue;
            }

            if (IsPunct(j, ".") && IsName(j + 1, "await"))
            {
                j += 2;
                continue;
            }

            break;
        }

        if (IsPunct(j, ".") && IsName(j + 1) && IsPunct(j + 2, "("))
        {
            nameIndex = j + 1;
            openIndex = j + 2;
            return true;
        }

        nameIndex = -1;
        openIndex = -1;
        return false;
    }

    /// <summary>
    /// Classifies the expression in [start, end): literals, <c>concat!</c> of literals and SCREAMING_CASE constants
    /// are constant; <c>format!</c> with arguments or <c>{name}</c> captures, and concatenation with a non-literal
    /// are non-constant; a bare local is traced to its <c>let</c> (and later <c>push_str</c>/<c>+=</c>) when
    /// <paramref name="traceLocals"/> is set. <paramref name="reason"/> names what made it non-constant.
    /// </summary>
    public RsValueKind Classify(int start, int end, bool traceLocals, out string reason)
    {
        reason = string.Empty;
        (start, end) = StripWrappers(start, end);
        if (start >= end)
        {
            return RsValueKind.Unknown;
        }

        if (end - start == 1)
        {
            if (IsStringLiteral(start) || _code[start].Kind == TokenKind.Number)
            {
                return RsValueKind.Constant;
            }

            if (IsName(start))
            {
                if (IsConstantName(start))
                {
                    return RsValueKind.Constant;
                }

                return traceLocals ? ClassifyLocal(start, out reason) : RsValueKind.Unknown;
            }

            return RsValueKind.Unknown;
        }

        // Concatenation at the top level: constant only when every piece is.
        if (HasTopLevel(start, end, "+"))
        {
            var i = start;
            var pieceStart = start;
            while (i <= end)
            {
                if (i == end || IsPunct(i, "+"))
                {
                    if (!IsConstantPiece(pieceStart, i))
                    {
                        reason = "string concatenation with a run-time value";
                        return RsValueKind.NonConstant;
                    }

                    pieceStart = i + 1;
                    i++;
                    continue;
                }

                i = Math.Min(SkipBracket(i), end);
            }

            return RsValueKind.Constant;
        }

        if (IsMacroCall(start, "format") && (MatchOf(start + 2) == end - 1 || IsConversionChain(MatchOf(start + 2) + 1, end)))
        {
            return ClassifyFormat(start + 2, out reason);
        }

        if (IsConstantPiece(start, end))
        {
            return RsValueKind.Constant;
        }

        // A local followed by a conversion: sql.as_str(), sql.clone(), &*sql.
        if (traceLocals && IsName(start) && IsPunct(start + 1, ".") && IsConversionChain(start + 1, end))
        {
            return ClassifyLocal(start, out reason);
        }

        return RsValueKind.Unknown;
    }

    /// <summary>
    /// The string literal an expression is, possibly borrowed or converted: <c>"-c"</c>, <c>&amp;"-c"</c>,
    /// <c>"-c".to_string()</c>, <c>String::from("-c")</c>. -1 otherwise.
    /// </summary>
    public int LiteralOf(int start, int end)
    {
        (start, end) = StripWrappers(start, end);
        if (start >= end)
        {
            return -1;
        }

        if (IsStringLiteral(start) && (end - start == 1 || IsConversionChain(start + 1, end)))
        {
            return start;
        }

        // String::from("x"), OsStr::new("x"), OsString::from("x")
        if (IsName(start) && IsPunct(start + 1, "::") && IsName(start + 2) && IsPunct(start + 3, "(")
            && IsStringLiteral(start + 4) && MatchOf(start + 3) == start + 5 && end == start + 6)
        {
            return start + 4;
        }

        return -1;
    }

    /// <summary>The format string and arguments of <c>format!</c>-like macros whose bracket is at <paramref name="open"/>.</summary>
    public RsValueKind ClassifyFormat(int open, out string reason)
    {
        reason = string.Empty;
        var args = Arguments(open);
        if (args.Count == 0)
        {
            return RsValueKind.Constant;
        }

        var (formatStart, formatEnd) = args[0];
        if (formatEnd - formatStart != 1 || !IsStringLiteral(formatStart))
        {
            reason = "format! with a run-time format string";
            return RsValueKind.NonConstant;
        }

        var placeholders = HasCapturedPlaceholder(StringContent(formatStart));
        for (var a = 1; a < args.Count; a++)
        {
            var (s, e) = args[a];
            if (Classify(s, e, traceLocals: false, out _) != RsValueKind.Constant)
            {
                reason = "format! with arguments";
                return RsValueKind.NonConstant;
            }
        }

        if (placeholders)
        {
            reason = "format! with inline arguments";
            return RsValueKind.NonConstant;
        }

        return RsValueKind.Constant;
    }

    /// <summary>
    /// The opening parenthesis of the call whose name is at <paramref name="nameIndex"/>: right after it, or after a
    /// turbofish (<c>query_as::&lt;_, User&gt;(</c>); -1 when the name is not called.
    /// </summary>
    public int CallOpen(int nameIndex)
    {
        if (IsPunct(nameIndex + 1, "("))
        {
            return nameIndex + 1;
        }

        if (!IsPunct(nameIndex + 1, "::") || !IsPunct(nameIndex + 2, "<"))
        {
            return -1;
        }

        var depth = 0;
        var limit = Math.Min(_count, nameIndex + 64);
        for (var k = nameIndex + 2; k < limit; k++)
        {
            if (IsPunct(k, "<"))
            {
                depth++;
            }
            else if (IsPunct(k, ">"))
            {
                depth--;
            }
            else if (IsPunct(k, ">>"))
            {
                depth -= 2;
            }
            else if (IsPunct(k, ";") || IsPunct(k, "{"))
            {
                return -1;
            }

            if (depth <= 0)
            {
                return IsPunct(k + 1, "(") ? k + 1 : -1;
            }
        }

        return -1;
    }

    /// <summary>Index of the token after the bracket group at <paramref name="i"/>, or <paramref name="i"/> + 1.</summary>
    public int SkipBracket(int i)
    {
        if (IsOpenBracket(i))
        {
            var partner = MatchOf(i);
            return partner > i ? partner + 1 : i + 1;
        }

        return i + 1;
    }

    /// <summary>Code index of the first token at or after <paramref name="position"/> in the file text.</summary>
    public int IndexAt(int position)
    {
        int lo = 0, hi = _count - 1, found = _count;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_code[mid].End > position)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found;
    }

    /// <summary>Start offset and length in the file of the code tokens [start, end).</summary>
    public (int Start, int Length) SpanOf(int start, int end)
    {
        if (start >= _count || end <= start)
        {
            return (start < _count ? _code[start].Start : File.Length, 0);
        }

        var last = Math.Min(end, _count) - 1;
        return (_code[start].Start, _code[last].End - _code[start].Start);
    }

    /// <summary>SCREAMING_CASE names are constants or statics by Rust convention.</summary>
    public bool IsConstantName(int index)
    {
        var text = File.TextOf(_code[index]);
        var hasLetter = false;
        foreach (var c in text)
        {
            if (c >= 'a' && c <= 'z')
            {
                return false;
            }

            hasLetter |= c >= 'A' && c <= 'Z';
        }

        return hasLetter && text.Length > 1;
    }

    private static bool HasCapturedPlaceholder(ReadOnlySpan<char> content)
    {
        for (var i = 0; i < content.Length; i++)
        {
            if (content[i] != '{')
            {
                continue;
            }

            if (i + 1 < content.Length && content[i + 1] == '{')
            {
                i++;
                continue;
            }

            if (i + 1 < content.Length && (char.IsLetter(content[i + 1]) || content[i + 1] == '_'))
            {
                return true;
            }
        }

        return false;
    }

    private (int Start, int End) StripWrappers(int start, int end)
    {
        while (start < end)
        {
            if (IsPunct(start, "&") || IsPunct(start, "&&") || IsPunct(start, "*") || IsName(start, "mut"))
            {
                start++;
                continue;
            }

            if (IsPunct(start, "(") && MatchOf(start) == end - 1)
            {
                start++;
                end--;
                continue;
            }

            break;
        }

        return (start, end);
    }

    private bool HasTopLevel(int start, int end, string punct)
    {
        var i = start;
        while (i < end)
        {
            if (IsPunct(i, punct))
            {
                return true;
            }

            i = SkipBracket(i);
        }

        return false;
    }

    /// <summary>
    /// A piece that is constant: literals, constants, <c>concat!</c>, and conversions of those
    /// (<c>"a".to_string()</c>, <c>String::from("a")</c>, <c>&amp;X</c>).
    /// </summary>
    private bool IsConstantPiece(int start, int end)
    {
        (start, end) = StripWrappers(start, end);
        if (start >= end)
        {
            return false;
        }

        if (IsMacroCall(start, "concat") || IsMacroCall(start, "format"))
        {
            var open = start + 2;
            var close = MatchOf(open);
            if (close != end - 1 && !IsConversionChain(close + 1, end))
            {
                return false;
            }

            if (IsName(start, "format"))
            {
                return ClassifyFormat(open, out _) == RsValueKind.Constant;
            }

            var args = Arguments(open);
            foreach (var (s, e) in args)
            {
                if (!IsConstantPiece(s, e))
                {
                    return false;
                }
            }

            return true;
        }

        for (var i = start; i < end; i++)
        {
            var token = _code[i];
            switch (token.Kind)
            {
                case TokenKind.String:
                case TokenKind.Number:
                    continue;
                case TokenKind.Identifier:
                    if (IsConstantName(i) || IsConversionName(i))
                    {
                        continue;
                    }

                    return false;
                case TokenKind.Punctuation:
                    if (IsPunct(i, ".") || IsPunct(i, "::") || IsPunct(i, "(") || IsPunct(i, ")") || IsPunct(i, "&"))
                    {
                        continue;
                    }

                    return false;
                default:
                    return false;
            }
        }

        return true;
    }

    private bool IsConversionName(int index) =>
        IsName(index, "to_string") || IsName(index, "to_owned") || IsName(index, "into") || IsName(index, "as_str")
        || IsName(index, "String") || IsName(index, "from") || IsName(index, "str") || IsName(index, "clone")
        || IsName(index, "as_ref") || IsName(index, "borrow") || IsName(index, "new");

    /// <summary>[start, end) is only <c>.as_str()</c>, <c>.clone()</c>, <c>.to_string()</c> … calls.</summary>
    private bool IsConversionChain(int start, int end)
    {
        var i = start;
        while (i < end)
        {
            if (IsPunct(i, ".") && IsConversionName(i + 1) && IsPunct(i + 2, "(") && MatchOf(i + 2) == i + 3)
            {
                i += 4;
                continue;
            }

            return false;
        }

        return true;
    }

    /// <summary>
    /// A local's value: its nearest preceding <c>let</c> in the same function, then any
    /// <c>name.push_str(x)</c>, <c>name += x</c> or <c>write!(name, …)</c> between there and the use.
    /// </summary>
    private RsValueKind ClassifyLocal(int useIndex, out string reason)
    {
        reason = string.Empty;
        var nameToken = _code[useIndex];
        var limit = Math.Max(0, useIndex - LocalSearchLimit);
        var letIndex = -1;
        for (var i = useIndex - 1; i >= limit; i--)
        {
            if (IsName(i, "fn"))
            {
                break;
            }

            if (_code[i].Kind == TokenKind.Identifier && File.TextOf(_code[i]).SequenceEqual(File.TextOf(nameToken)))
            {
                var before = i - 1;
                if (IsName(before, "mut"))
                {
                    before--;
                }

                if (IsName(before, "let"))
                {
                    letIndex = i;
                    break;
                }
            }
        }

        if (letIndex < 0)
        {
            return RsValueKind.Unknown;
        }

        // Mutations after the binding.
        for (var i = letIndex + 1; i < useIndex; i++)
        {
            if (_code[i].Kind != TokenKind.Identifier || !File.TextOf(_code[i]).SequenceEqual(File.TextOf(nameToken)))
            {
                continue;
            }

            if (IsPunct(i + 1, ".") && IsName(i + 2, "push_str") && IsPunct(i + 3, "("))
            {
                var close = MatchOf(i + 3);
                if (close > i + 3 && Classify(i + 4, close, traceLocals: false, out _) != RsValueKind.Constant)
                {
                    reason = "push_str with a run-time value";
                    return RsValueKind.NonConstant;
                }
            }
            else if (IsPunct(i + 1, "+="))
            {
                var endOfStatement = StatementEnd(i + 2);
                if (Classify(i + 2, endOfStatement, traceLocals: false, out _) != RsValueKind.Constant)
                {
                    reason = "string concatenation with a run-time value";
                    return RsValueKind.NonConstant;
                }
            }
            else if ((IsPunct(i - 1, "(") && IsPunct(i - 2, "!") && (IsName(i - 3, "write") || IsName(i - 3, "writeln")))
                || (IsName(i - 1, "mut") && IsPunct(i - 2, "&") && IsPunct(i - 3, "(") && (IsName(i - 5, "write") || IsName(i - 5, "writeln"))))
            {
                var open = IsPunct(i - 1, "(") ? i - 1 : i - 3;
                var args = Arguments(open);
                if (args.Count > 2)
                {
                    reason = "write! with arguments";
                    return RsValueKind.NonConstant;
                }
            }
        }

        // The initializer: after '=' (past an optional type) up to the ';'.
        var j = letIndex + 1;
        if (IsPunct(j, ":"))
        {
            while (j < useIndex && !IsPunct(j, "=") && !IsPunct(j, ";"))
            {
                j = SkipBracket(j);
            }
        }

        if (!IsPunct(j, "="))
        {
            return RsValueKind.Unknown;
        }

        var valueEnd = StatementEnd(j + 1);
        return Classify(j + 1, valueEnd, traceLocals: false, out reason);
    }

    /// <summary>The index of the <c>;</c> (or closing bracket) that ends the expression starting at <paramref name="start"/>.</summary>
    private int StatementEnd(int start)
    {
        var i = start;
        while (i < _count && !IsPunct(i, ";") && !IsPunct(i, "}") && !IsPunct(i, ")") && !IsPunct(i, "]"))
        {
            i = SkipBracket(i);
        }

        return Math.Min(i, _count);
    }

    /// <summary>
    /// One pass with a stack of brace regions: attributes mark the next item (its body brace) as test code,
    /// a crate-level <c>fn main</c> marks its body, <c>use</c> declarations fill the alias table.
    /// </summary>
    private void ComputeRegions(int[] events, RegionEvent[] eventKinds, int eventCount)
    {
        var region = _region;

        // Regions outside each open brace; rented because nesting may be as deep as the file is long.
        var braces = File.Rent<RsRegion>(_count);
        var braceDepth = 0;
        var current = RsRegion.None;
        var pending = RsRegion.None;
        var pendingBracketDepth = 0;
        var bracketDepth = 0;

        // Tokens [0, filled) have their region; the tokens between two events take the current one. Most code is
        // outside test code and main: the array starts as None everywhere, so those gaps need no stores at all.
        new Span<RsRegion>(region, 0, _count).Clear();
        var filled = 0;
        for (var e = 0; e < eventCount; e++)
        {
            var i = events[e];
            if (i < filled)
            {
                // Inside an attribute or use declaration handled as a whole.
                continue;
            }

            // The gaps are a few tokens long: a loop, not a call to fill memory.
            if (current != RsRegion.None)
            {
                for (var k = filled; k < i; k++)
                {
                    region[k] = current;
                }
            }

            filled = i + 1;
            // Parentheses and square brackets, most of the events, only count: tested before the switch.
            var kind = eventKinds[e];
            if (kind is RegionEvent.OpenParen or RegionEvent.OpenSquare)
            {
                bracketDepth++;
                region[i] = current;
                continue;
            }

            if (kind is RegionEvent.CloseParen or RegionEvent.CloseSquare)
            {
                bracketDepth = Math.Max(0, bracketDepth - 1);
                region[i] = current;
                continue;
            }

            switch (kind)
            {
                case RegionEvent.Hash:
                    // Attributes: #[…] and #![…].
                    var inner = IsPunct(i + 1, "!");
                    var open = inner ? i + 2 : i + 1;
                    if (IsPunct(open, "["))
                    {
                        var close = MatchOf(open);
                        if (close < open)
                        {
                            close = _count;
                        }

                        var last = Math.Min(close, _count - 1);
                        var isTest = IsTestAttribute(open + 1, Math.Min(close, _count));
                        if (isTest && inner)
                        {
                            current |= RsRegion.Test;
                        }

                        for (var k = i; k <= last; k++)
                        {
                            region[k] = current | RsRegion.Attribute;
                        }

                        if (isTest && !inner)
                        {
                            pending |= RsRegion.Test;
                            pendingBracketDepth = bracketDepth;
                        }

                        filled = last + 1;
                        continue;
                    }

                    break;
                case RegionEvent.Semicolon:
                    if (bracketDepth <= pendingBracketDepth)
                    {
                        pending = RsRegion.None;
                    }

                    break;
                case RegionEvent.OpenBrace:
                    braces[braceDepth++] = current;
                    current |= pending;
                    pending = RsRegion.None;
                    break;
                case RegionEvent.CloseBrace:
                    region[i] = current;
                    current = braceDepth > 0 ? braces[--braceDepth] : RsRegion.None;
                    pending = RsRegion.None;
                    continue;
                case RegionEvent.Use:
                    // Not "impl Trait + use<'a>" (precise capturing), which is part of a type.
                    if (!IsPunct(i - 1, "::") && !IsPunct(i - 1, ".") && !IsPunct(i + 1, "<"))
                    {
                        var end = i + 1;
                        while (end < _count && !IsPunct(end, ";") && !IsPunct(end, "}"))
                        {
                            end = SkipBracket(end);
                        }

                        ReadUseTree(i + 1, Math.Min(end, _count));

                        // "#[cfg(test)] use x;" — the attribute belonged to this declaration, not to the next item.
                        if (bracketDepth <= pendingBracketDepth)
                        {
                            pending = RsRegion.None;
                        }

                        var last = Math.Min(end, _count - 1);
                        for (var k = i; k <= last; k++)
                        {
                            region[k] = current | RsRegion.UseDeclaration;
                        }

                        filled = last + 1;
                        continue;
                    }

                    break;
                case RegionEvent.Fn:
                    if (IsName(i + 1, "main") && (IsPunct(i + 2, "(") || IsPunct(i + 2, "<")) && braceDepth == 0)
                    {
                        DefinesMain = true;
                        pending |= RsRegion.MainBody;
                        pendingBracketDepth = bracketDepth;
                    }

                    break;
            }

            region[i] = current;
        }

        if (filled < _count && current != RsRegion.None)
        {
            new Span<RsRegion>(region, filled, _count - filled).Fill(current);
        }
    }

    /// <summary>
    /// <c>cfg(test)</c> (also inside <c>all(…)</c>/<c>any(…)</c>, not under <c>not(…)</c>), <c>test</c>, and
    /// attributes whose last path segment is <c>test</c> (<c>tokio::test</c>), or <c>rstest</c>/<c>test_case</c>.
    /// </summary>
    private bool IsTestAttribute(int start, int end)
    {
        if (start >= end)
        {
            return false;
        }

        if (IsName(start, "cfg") && IsPunct(start + 1, "("))
        {
            for (var k = start + 2; k < end; k++)
            {
                if (IsName(k, "not"))
                {
                    return false;
                }

                if (IsName(k, "test"))
                {
                    return true;
                }
            }

            return false;
        }

        var last = start;
        while (IsPunct(last + 1, "::") && IsName(last + 2) && last + 2 < end)
        {
            last += 2;
        }

        return IsName(last, "test") || IsName(last, "rstest") || IsName(last, "test_case") || IsName(last, "bench");
    }

    /// <summary>
    /// Reads one use tree in [start, end): <c>a::b::C</c>, <c>a::b::C as D</c>, <c>a::{b, c::D as E, self}</c>,
    /// <c>a::*</c>, and records alias → full path. Iterative, with a rented stack of the open <c>{…}</c> groups:
    /// a use may nest as deep as the file is long.
    /// </summary>
    private void ReadUseTree(int start, int end)
    {
        if (_segments.Length == 0)
        {
            _segments = File.Rent<int>(2 * _count);
            _aliases = File.Rent<int>(2 * _count);
        }

        // Open groups, three ints each: their closing index, the path before them, and where their current child tree started.
        int[]? groups = null;
        var depth = 0;
        var i = start;
        var bound = end;
        var prefix = -1;
        while (true)
        {
            // One tree at i, within bound, under prefix: either it ends (after = the index after it) or opens a group.
            var after = -1;
            if (IsPunct(i, "::"))
            {
                i++;
            }

            while (i < bound)
            {
                if (IsName(i))
                {
                    var name = i;
                    i++;
                    if (IsPunct(i, "::") && i < bound)
                    {
                        prefix = AddSegment(name, prefix);
                        i++;
                        continue;
                    }

                    var isSelf = File.Is(_code[name], "self");
                    if (IsName(i, "as") && IsName(i + 1) && i + 1 < bound)
                    {
                        var target = isSelf ? prefix : AddSegment(name, prefix);
                        if (!File.Is(_code[i + 1], "_"))
                        {
                            AddAlias(i + 1, target);
                        }

                        after = i + 2;
                    }
                    else if (isSelf)
                    {
                        if (prefix >= 0)
                        {
                            AddAlias(_segments[2 * prefix], prefix);
                        }

                        after = i;
                    }
                    else
                    {
                        AddAlias(name, AddSegment(name, prefix));
                        after = i;
                    }

                    break;
                }

                if (IsPunct(i, "{"))
                {
                    groups ??= File.Rent<int>(3 * _count);

                    groups[3 * depth] = Math.Min(MatchOf(i) < 0 ? bound : MatchOf(i), bound);
                    groups[(3 * depth) + 1] = prefix;
                    groups[(3 * depth) + 2] = i;
                    depth++;
                    after = i + 1; // the first child starts after the brace
                    break;
                }

                // '*' globs and anything unexpected end this tree.
                after = i + 1;
                break;
            }

            if (after < 0)
            {
                after = i + 1;
            }

            // Back in the enclosing group: the next child after the commas, or the group ends (its tree ends after it).
            while (true)
            {
                if (depth == 0)
                {
                    return;
                }

                var d = depth - 1;
                groups ??= Array.Empty<int>(); // not reached: depth > 0 only once a group was opened
                var k = after > groups[(3 * d) + 2] ? after : groups[(3 * d) + 2] + 1;
                while (k < groups[3 * d] && IsPunct(k, ","))
                {
                    k++;
                }

                if (k < groups[3 * d])
                {
                    groups[(3 * d) + 2] = k;
                    i = k;
                    bound = groups[3 * d];
                    prefix = groups[(3 * d) + 1];
                    break;
                }

                after = groups[3 * d] + 1;
                depth--;
            }
        }
    }

    private int AddSegment(int token, int parent)
    {
        if (2 * _segmentCount >= _segments.Length)
        {
            return parent;
        }

        _segments[2 * _segmentCount] = token;
        _segments[(2 * _segmentCount) + 1] = parent;
        return _segmentCount++;
    }

    private void AddAlias(int name, int lastSegment)
    {
        if (2 * _aliasCount >= _aliases.Length)
        {
            return;
        }

        _aliases[2 * _aliasCount] = name;
        _aliases[(2 * _aliasCount) + 1] = lastSegment;
        _aliasCount++;
    }
}

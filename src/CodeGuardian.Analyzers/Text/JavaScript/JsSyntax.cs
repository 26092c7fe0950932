using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.JavaScript;

/// <summary>
/// The query layer of JavaScript/TypeScript files, built once per file and shared by every JS rule: the code tokens
/// (comments and text left out) addressed by <em>code index</em>, matching brackets, the innermost enclosing bracket
/// of each token, module aliases, and questions rules ask about calls — member chains, arguments, "is this
/// argument built at run time", "is this inside a loop body".
/// </summary>
public sealed class JsSyntax
{
    /// <summary>Per file, bounds the variable look-ups of <see cref="NonConstantReason"/> (each is a backward scan).</summary>
    private const int MaxVariableLookups = 256;

    /// <summary>How many code tokens a variable look-up scans backwards: the same function, in practice.</summary>
    private const int MaxLookBack = 4000;

    /// <summary>Bounds one expression or loop walk, so pathological files stay linear.</summary>
    private const int MaxWalk = 1000;

    /// <summary>Bounds the backward walk of one loop look-up; statements longer than this are not followed.</summary>
    private const int MaxLoopWalk = 256;

    private const string LineTerminators = "\n\r\u2028\u2029";

    /// <summary>
    /// The names the JavaScript rules and this layer look up. Only identifiers that may be one of them go into the name
    /// index, which keeps building it cheap; any other name is still found, by a walk over the code tokens.
    /// </summary>
    private static readonly string[] IndexedNameList =
    {
        "req", "request", "rejectUnauthorized", "NODE_TLS_REJECT_UNAUTHORIZED",
        "query", "execute", "raw",
        "innerHTML", "outerHTML", "insertAdjacentHTML", "write", "writeln", "__html",
        "from", "import", "require", "promisify",
        "exec", "execSync", "spawn", "spawnSync", "execFile", "execFileSync",
        "eval", "Function", "setTimeout", "setInterval",
        "digest", "createHash", "createHmac", "createCipher", "createDecipher", "createCipheriv", "createDecipheriv",
        "alert", "confirm", "prompt", "unserialize", "throw", "random", "debugger", "console", "catch", "await",
        "for", "while", "do", "forEach", "map", "flatMap", "reduce", "filter", "some", "every",
    };

    private static readonly NameFilter IndexedNames = new(IndexedNameList);

    // The same test on the characters inside the names of three or more (second and next-to-last): most near misses of
    // the first one ("const" for "catch" and "await") fail it, and stay out of the index.
    private static readonly NameFilter IndexedInnerNames = new(InnerParts(IndexedNameList));

    // Everything kept per code token, in one array: the layer is written in one stream and a rule's checks on a token
    // (bracket, match, parent) read one cache line.
    private readonly CodeToken[] _code;

    // Code indices of the string tokens, in order: rules that look into strings visit only these.
    private readonly int[] _strings;
    private readonly int _stringCount;
    private ModuleBinding[] _bindings = Array.Empty<ModuleBinding>();
    private int _bindingCount;

    // Identifiers that may be one of IndexedNames, by name (ids are code indices); every identifier once a rule asks
    // for another name.
    private readonly NameIndex _names;
    private NameIndex? _allNames;
    private int _variableLookups;
    private bool? _hasLoops;

    private JsSyntax(ScannedFile file)
    {
        File = file;
        var tokens = file.Tokens.AsSpan();

        // Per-code-token arrays come from the file's pool, sized by the token count (an upper bound: no counting
        // pass), so building the layer allocates almost nothing.
        var capacity = tokens.Length;
        var code = _code = file.Rent<CodeToken>(capacity);
        var names = _names = new NameIndex(file, capacity, IndexedNames.Count);

        // Open brackets not yet closed (from the start; the innermost, top, is stack[depth - 1], -1 at top level) and
        // the identifiers that may be an indexed name (code indices, from the end, ascending towards it): a code token is
        // at most one of the two, so they never meet. The name index is filled after the loop, which keeps the call out
        // of it.
        var stack = file.Rent<int>(capacity);
        var depth = 0;
        var top = -1;
        var candidates = capacity;
        var texts = 0;
        var text = file.Text;
        var k = 0;

        // The lexer marks the first token of each line; a block comment between two code tokens may hide a line break.
        var lineBreak = false;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            var kind = token.Kind;
            if (kind == TokenKind.Identifier)
            {
                code[k] = new CodeToken(i, top, '\0', k > 0 && (lineBreak || token.Has(TokenFlags.LineStart)));
                lineBreak = false;
                if (IndexedNames.MayBe(text, token.Start, token.Length))
                {
                    stack[--candidates] = k;
                }

                k++;
                continue;
            }

            if (kind is TokenKind.Comment or TokenKind.Text)
            {
                texts += kind == TokenKind.Text ? 1 : 0;
                lineBreak |= token.Has(TokenFlags.LineStart)
                    || (token.Has(TokenFlags.BlockComment) && HasLineBreak(text.Slice(token.Start, token.Length)));
                continue;
            }

            var c = kind == TokenKind.Punctuation && token.Length == 1 ? text[token.Start] : '\0';
            ref var entry = ref code[k];
            entry = new CodeToken(i, top, c, k > 0 && (lineBreak || token.Has(TokenFlags.LineStart)));
            lineBreak = false;
            var bracket = c < 128 ? BracketClasses[c] : (byte)0;
            if (bracket == OpenBracket)
            {
                stack[depth++] = k;
                top = k;
            }
            else if (bracket != 0 && depth > 0)
            {
                // A stray closer is ignored rather than unbalancing everything after it.
                ref var open = ref code[top];
                if (open.Punctuation == bracket)
                {
                    depth--;
                    open.Match = k;
                    entry.Match = top;
                    top = depth > 0 ? stack[depth - 1] : -1;
                    entry.Parent = top;
                }
            }

            k++;
        }

        for (var n = capacity - 1; n >= candidates; n--)
        {
            var index = stack[n];
            ref readonly var token = ref tokens[code[index].Token];
            if (token.Length < 3 || IndexedInnerNames.MayBe(text, token.Start + 1, token.Length - 2))
            {
                names.Add(index, token.Start, token.Length);
            }
        }

        Count = k;
        (_strings, _stringCount) = StringCodeIndices(file, code, k, texts == 0);
        IndexModuleBindings();
    }

    public ScannedFile File { get; }

    /// <summary>
    /// Code indices of the file's string tokens, from the lexer's list of them (token indices), which keeps the per-token
    /// build loop shorter: a string's token index less the comments before it (from the lexer's list of comments) when
    /// comments are the only tokens left out, else one walk over the code tokens.
    /// </summary>
    private static (int[] Indices, int Count) StringCodeIndices(ScannedFile file, CodeToken[] code, int count, bool onlyCommentsLeftOut)
    {
        var strings = file.Tokens.StringIndices;
        var indices = file.Rent<int>(strings.Length);
        if (onlyCommentsLeftOut)
        {
            var comments = file.Tokens.CommentIndices;
            var before = 0;
            for (var n = 0; n < strings.Length; n++)
            {
                var token = strings[n];
                while (before < comments.Length && comments[before] < token)
                {
                    before++;
                }

                indices[n] = token - before;
            }

            return (indices, strings.Length);
        }

        var k = 0;
        for (var n = 0; n < strings.Length; n++)
        {
            var token = strings[n];
            while (k < count && code[k].Token < token)
            {
                k++;
            }

            indices[n] = k;
        }

        return (indices, strings.Length);
    }

    /// <summary>Number of code tokens.</summary>
    public int Count { get; }


    /// <summary>Code indices of the string tokens (quoted and template), ascending.</summary>
    public ReadOnlySpan<int> Strings => new(_strings, 0, _stringCount);

    /// <summary>
    /// The identifiers named <paramref name="a"/> (or any of the other names), ascending by code index: rules visit
    /// their candidates instead of walking every token (names outside the indexed set are found by a walk).
    /// </summary>
    public NameOccurrences Find(string a, string? b = null, string? c = null, string? d = null, string? e = null, string? f = null) =>
        new(this, a, b, c, d, e, f);

    /// <summary>Whether an identifier named <paramref name="name"/> occurs.</summary>
    public bool Contains(string name)
    {
        var occurrences = Find(name).GetEnumerator();
        return occurrences.MoveNext();
    }

    /// <summary>
    /// The occurrences of <paramref name="name"/>: from the index of the names the rules look up, or for any other name
    /// (a variable a rule follows) from an index of every identifier, built on the first such question.
    /// </summary>
    /// <remarks>
    /// Every occurrence of a name that passes the filters' tests is in the filtered index (near misses included), so
    /// those tests, a few table reads, choose the index without hashing the name into the filter's set.
    /// </remarks>
    internal NameIndex.Occurrences Occurrences(string name) =>
        IndexedNames.MayBe(name.AsSpan(), 0, name.Length) && (name.Length < 3 || IndexedInnerNames.MayBe(name.AsSpan(), 1, name.Length - 2))
            ? _names.Find(name)
            : (_allNames ??= IndexAllNames()).Find(name);

    private static string[] InnerParts(string[] names)
    {
        var inner = new List<string>(names.Length);
        foreach (var name in names)
        {
            if (name.Length >= 3)
            {
                inner.Add(name.Substring(1, name.Length - 2));
            }
        }

        return inner.ToArray();
    }

    private NameIndex IndexAllNames()
    {
        var all = new NameIndex(File, Count);
        for (var i = 0; i < Count; i++)
        {
            ref readonly var token = ref this[i];
            if (token.Kind == TokenKind.Identifier)
            {
                all.Add(i, token.Start, token.Length);
            }
        }

        return all;
    }

    public static JsSyntax For(ScannedFile file) => file.Layer(static f => new JsSyntax(f));

    public ref readonly Token this[int index] => ref File.Tokens[_code[index].Token];

    /// <summary>Index in <see cref="ScannedFile.Tokens"/> of code token <paramref name="index"/>.</summary>
    public int TokenIndex(int index) => _code[index].Token;

    /// <summary>Code index of the first code token at or after <paramref name="position"/>.</summary>
    public int CodeIndexAt(int position)
    {
        int lo = 0, hi = Count - 1, found = Count;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            if (this[mid].End > position)
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

    public ReadOnlySpan<char> TextOf(int index) => File.TextOf(this[index]);

    public bool Is(int index, string text) => index >= 0 && index < Count && File.Is(this[index], text);

    public bool IsKind(int index, TokenKind kind) => index >= 0 && index < Count && this[index].Kind == kind;

    public bool IsIdentifier(int index, string text) => IsKind(index, TokenKind.Identifier) && File.Is(this[index], text);

    public bool IsPunctuation(int index, string text)
    {
        if (index < 0 || index >= Count)
        {
            return false;
        }

        if (text.Length == 1)
        {
            return _code[index].Punctuation == text[0];
        }

        return this[index].Kind == TokenKind.Punctuation && File.Is(this[index], text);
    }

    /// <summary>A line break separates code token <paramref name="index"/> from the code token before it.</summary>
    public bool IsOnNewLine(int index) => index > 0 && index < Count && _code[index].LineBreakBefore;

    private static bool HasLineBreak(ReadOnlySpan<char> text) => text.IndexOfAny(LineTerminators.AsSpan()) >= 0;

    /// <summary>A string literal with no run-time holes (quoted, or a template without <c>${}</c>).</summary>
    public bool IsConstantString(int index) =>
        IsKind(index, TokenKind.String) && !this[index].Has(TokenFlags.Interpolated);

    /// <summary>The matching bracket of a bracket token, or -1 when it is unbalanced or not a bracket.</summary>
    public int MatchOf(int index) => index >= 0 && index < Count ? _code[index].Match : -1;

    /// <summary>The innermost open bracket enclosing <paramref name="index"/>, or -1 at top level.</summary>
    public int ParentOf(int index) => index >= 0 && index < Count ? _code[index].Parent : -1;

    /// <summary>Token is <c>.</c> or <c>?.</c>.</summary>
    public bool IsMemberDot(int index) => IsPunctuation(index, ".") || IsPunctuation(index, "?.");

    /// <summary>Identifier <paramref name="index"/> is a property access (<c>x.name</c>), not a free name.</summary>
    public bool IsPropertyName(int index) => IsMemberDot(index - 1);

    /// <summary>The identifier is called: <c>name(</c> or <c>name?.(</c>. Returns the open parenthesis or -1.</summary>
    public int CallParenthesis(int index)
    {
        if (IsPunctuation(index + 1, "("))
        {
            return index + 1;
        }

        return IsPunctuation(index + 1, "?.") && IsPunctuation(index + 2, "(") ? index + 2 : -1;
    }

    /// <summary>
    /// Member chain ending at identifier <paramref name="last"/> matches <paramref name="names"/> exactly
    /// (<c>child_process.exec</c>: names "child_process", "exec"), and the chain does not continue further left.
    /// </summary>
    public bool IsChain(int last, string owner, string name) =>
        IsIdentifier(last, name) && IsMemberDot(last - 1) && IsIdentifier(last - 2, owner) && !IsMemberDot(last - 3);

    /// <summary>Like <see cref="IsChain(int, string, string)"/> for any number of names (allocates the array: prefer the two-name form).</summary>
    public bool IsChain(int last, params string[] names)
    {
        var index = last;
        for (var n = names.Length - 1; n >= 0; n--)
        {
            if (!IsIdentifier(index, names[n]))
            {
                return false;
            }

            if (n > 0)
            {
                if (!IsMemberDot(index - 1))
                {
                    return false;
                }

                index -= 2;
            }
        }

        return !IsMemberDot(index - 1);
    }

    /// <summary>
    /// Member chain ending at <paramref name="last"/> ends with <paramref name="names"/> (more may stand to the left:
    /// <c>this.db.query</c> ends with "db", "query").
    /// </summary>
    public bool ChainEndsWith(int last, string owner, string name) =>
        IsIdentifier(last, name) && IsMemberDot(last - 1) && IsIdentifier(last - 2, owner);

    /// <summary>Like <see cref="ChainEndsWith(int, string, string)"/> for any number of names.</summary>
    public bool ChainEndsWith(int last, params string[] names)
    {
        var index = last;
        for (var n = names.Length - 1; n >= 0; n--)
        {
            if (!IsIdentifier(index, names[n]))
            {
                return false;
            }

            if (n > 0)
            {
                if (!IsMemberDot(index - 1))
                {
                    return false;
                }

                index -= 2;
            }
        }

        return true;
    }

    /// <summary>First token of the member chain ending at <paramref name="last"/> (<c>a</c> of <c>a.b().c</c> is not followed through calls).</summary>
    public int ChainStart(int last)
    {
        var index = last;
        while (IsMemberDot(index - 1) && IsKind(index - 2, TokenKind.Identifier))
        {
            index -= 2;
        }

        return index;
    }

    /// <summary>
    /// The <paramref name="n"/>th (0-based) argument of the call whose open parenthesis is <paramref name="open"/>:
    /// code indices [start, end). False when there is no such argument or the call is not closed.
    /// </summary>
    public bool TryGetArgument(int open, int n, out int start, out int end) => TryGetArgumentOfBracket(open, n, out start, out end);

    /// <summary>The <paramref name="n"/>th comma-separated element inside any bracket pair (<c>(…)</c>, <c>[…]</c>, <c>{…}</c>).</summary>
    public bool TryGetArgumentOfBracket(int open, int n, out int start, out int end)
    {
        start = end = -1;
        var close = MatchOf(open);
        if (close < 0)
        {
            return false;
        }

        var argument = 0;
        var argumentStart = open + 1;
        for (var i = open + 1; i <= close; i++)
        {
            if (i == close || (IsPunctuation(i, ",") && _code[i].Parent == open))
            {
                if (argument == n)
                {
                    if (i == argumentStart)
                    {
                        return false;
                    }

                    start = argumentStart;
                    end = i;
                    return true;
                }

                argument++;
                argumentStart = i + 1;
                continue;
            }

            if (IsOpenBracket(i) && _code[i].Match > i)
            {
                i = _code[i].Match - 1;
            }
        }

        return false;
    }

    /// <summary>
    /// Why the expression in code indices [start, end) is built at run time, or null when it is constant (literals
    /// only, concatenated or not) or cannot be told. Reasons: a template literal with <c>${}</c>, concatenation with a
    /// non-literal operand; an identifier is followed to its nearest earlier assignment in the file.
    /// </summary>
    public string? NonConstantReason(int start, int end) => NonConstantReason(start, end, 2);

    private string? NonConstantReason(int start, int end, int variableDepth)
    {
        if (start < 0 || end > Count || start >= end)
        {
            return null;
        }

        // Strip wrapping parentheses: ("a" + b).
        while (IsPunctuation(start, "(") && MatchOf(start) == end - 1)
        {
            start++;
            end--;
            if (start >= end)
            {
                return null;
            }
        }

        var hasPlus = false;
        var allLiteralOperands = true;
        var operandStart = start;
        for (var i = start; i < end; i++)
        {
            ref readonly var token = ref this[i];
            if (token.Kind == TokenKind.String && token.Has(TokenFlags.Interpolated) && !IsTaggedTemplate(i) && !TemplateHolesAreConstant(i, variableDepth))
            {
                return "a template literal with ${} interpolation";
            }

            if (IsOpenBracket(i) && _code[i].Match > i && _code[i].Match < end)
            {
                i = _code[i].Match;
                continue;
            }

            if (token.Kind == TokenKind.Punctuation && (File.Is(token, "+") || File.Is(token, "+=")))
            {
                hasPlus = true;
                if (!IsLiteralOperand(operandStart, i, variableDepth))
                {
                    allLiteralOperands = false;
                }

                operandStart = i + 1;
            }
        }

        if (hasPlus)
        {
            if (!IsLiteralOperand(operandStart, end, variableDepth))
            {
                allLiteralOperands = false;
            }

            return allLiteralOperands ? null : "string concatenation";
        }

        // A lone variable: follow it to its nearest earlier assignment (bounded).
        if (end - start == 1 && this[start].Kind == TokenKind.Identifier && variableDepth > 0 && !IsPropertyName(start)
            && _variableLookups < MaxVariableLookups)
        {
            _variableLookups++;
            if (TryFindAssignment(start, out var valueStart, out var valueEnd))
            {
                var reason = NonConstantReason(valueStart, valueEnd, variableDepth - 1);
                if (reason is not null)
                {
                    return reason + " (through '" + File.GetString(this[start]) + "')";
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the expression in [start, end) is a compile-time constant: a literal, a concatenation of literals, or a
    /// variable whose nearest earlier assignment is one.
    /// </summary>
    public bool IsConstant(int start, int end) => IsConstant(start, end, 2);

    private bool IsConstant(int start, int end, int variableDepth)
    {
        if (start < 0 || end > Count || start >= end)
        {
            return false;
        }

        while (IsPunctuation(start, "(") && MatchOf(start) == end - 1)
        {
            start++;
            end--;
            if (start >= end)
            {
                return false;
            }
        }

        if (end - start == 1)
        {
            ref readonly var token = ref this[start];
            if (IsConstantString(start) || token.Kind == TokenKind.Number
                || Is(start, "null") || Is(start, "undefined") || Is(start, "true") || Is(start, "false"))
            {
                return true;
            }

            if (token.Kind == TokenKind.String)
            {
                return !IsTaggedTemplate(start) && TemplateHolesAreConstant(start, variableDepth);
            }

            if (token.Kind == TokenKind.Identifier && variableDepth > 0 && !IsPropertyName(start) && _variableLookups < MaxVariableLookups)
            {
                _variableLookups++;
                return TryFindAssignment(start, out var valueStart, out var valueEnd) && IsConstant(valueStart, valueEnd, variableDepth - 1);
            }

            return false;
        }

        // Only literals joined by "+".
        var expectOperand = true;
        for (var i = start; i < end; i++)
        {
            if (expectOperand)
            {
                if (!IsLiteralOperand(i, i + 1, variableDepth))
                {
                    return false;
                }
            }
            else if (!IsPunctuation(i, "+") && !IsPunctuation(i, "+="))
            {
                return false;
            }

            expectOperand = !expectOperand;
        }

        return !expectOperand;
    }

    /// <summary>Free identifier <paramref name="index"/> was destructured or imported by name from <paramref name="module"/>.</summary>
    public bool IsBoundToModule(int index, string module)
    {
        if (!IsKind(index, TokenKind.Identifier) || IsPropertyName(index))
        {
            return false;
        }

        var name = TextOf(index);
        foreach (var binding in Bindings)
        {
            if (binding.Member is not null && binding.Module == module && name.SequenceEqual(binding.Local.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The member name bound to free identifier <paramref name="index"/> from <paramref name="module"/>, or null.</summary>
    public string? ImportedMemberName(int index, string module)
    {
        if (!IsKind(index, TokenKind.Identifier) || IsPropertyName(index))
        {
            return null;
        }

        var name = TextOf(index);
        foreach (var binding in Bindings)
        {
            if (binding.Member is not null && binding.Module == module && name.SequenceEqual(binding.Local.AsSpan()))
            {
                return binding.Member;
            }
        }

        return null;
    }

    /// <summary>A template directly preceded by a tag (<c>sql`…`</c>): the tag receives the holes as values.</summary>
    public bool IsTaggedTemplate(int index) =>
        IsKind(index - 1, TokenKind.Identifier) ? !IsKeywordBeforeExpression(index - 1)
        : IsPunctuation(index - 1, ")") || IsPunctuation(index - 1, "]");

    private bool IsKeywordBeforeExpression(int index) =>
        Is(index, "return") || Is(index, "typeof") || Is(index, "await") || Is(index, "yield") || Is(index, "case")
        || Is(index, "in") || Is(index, "of") || Is(index, "new") || Is(index, "throw") || Is(index, "void") || Is(index, "else");

    /// <summary>A literal, or a variable whose nearest earlier assignment is a constant (<c>const TABLE = 'users'</c>).</summary>
    private bool IsLiteralOperand(int start, int end, int variableDepth)
    {
        if (end - start != 1)
        {
            return false;
        }

        if (IsConstantString(start) || IsKind(start, TokenKind.Number))
        {
            return true;
        }

        return IsKind(start, TokenKind.String) ? TemplateHolesAreConstant(start, variableDepth)
            : IsKind(start, TokenKind.Identifier) && IsConstant(start, end, variableDepth);
    }

    /// <summary>
    /// Every <c>${}</c> hole of template token <paramref name="index"/> holds a literal or a variable assigned a constant
    /// (<c>`SELECT * FROM ${TABLE}`</c>). Holes are part of the String token, so they are read from its text.
    /// </summary>
    private bool TemplateHolesAreConstant(int index, int variableDepth)
    {
        if (variableDepth <= 0)
        {
            return false;
        }

        var text = TextOf(index);
        var holes = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] != '$' || i + 1 >= text.Length || text[i + 1] != '{')
            {
                continue;
            }

            if (++holes > 16)
            {
                return false;
            }

            var close = text.Slice(i + 2).IndexOf('}');
            if (close < 0)
            {
                return false;
            }

            var content = text.Slice(i + 2, close).Trim();
            if (!IsConstantHole(content, index, variableDepth))
            {
                return false;
            }

            i += 2 + close;
        }

        return true;
    }

    private bool IsConstantHole(ReadOnlySpan<char> content, int index, int variableDepth)
    {
        if (content.Length == 0)
        {
            return false;
        }

        var allDigits = true;
        var identifier = JavaScriptLexer.IsIdentifierStart(content[0]) && content[0] != '\\';
        foreach (var c in content)
        {
            allDigits &= c is >= '0' and <= '9';
            identifier &= JavaScriptLexer.IsIdentifierPart(c) && c != '\\';
        }

        if (allDigits)
        {
            return true;
        }

        if (!identifier || _variableLookups >= MaxVariableLookups)
        {
            return false;
        }

        _variableLookups++;
        return TryFindAssignment(content, index, out var valueStart, out var valueEnd) && IsConstant(valueStart, valueEnd, variableDepth - 1);
    }

    /// <summary>
    /// The value of the nearest assignment before <paramref name="use"/> to the identifier there
    /// (<c>const x = …</c>, <c>x = …</c>, <c>x += …</c> counts as built at run time).
    /// </summary>
    public bool TryFindAssignment(int use, out int valueStart, out int valueEnd) =>
        TryFindAssignment(TextOf(use), use, out valueStart, out valueEnd);

    /// <summary>The value of the nearest assignment to <paramref name="name"/> before code index <paramref name="use"/>.</summary>
    public bool TryFindAssignment(ReadOnlySpan<char> name, int use, out int valueStart, out int valueEnd)
    {
        valueStart = valueEnd = -1;
        var stop = Math.Max(1, use - MaxLookBack);
        for (var i = use - 1; i >= stop; i--)
        {
            if (this[i].Kind != TokenKind.Punctuation || this[i - 1].Kind != TokenKind.Identifier)
            {
                continue;
            }

            var isAssign = File.Is(this[i], "=");
            var isAppend = File.Is(this[i], "+=");
            if ((!isAssign && !isAppend) || IsPropertyName(i - 1) || !TextOf(i - 1).SequenceEqual(name))
            {
                continue;
            }

            valueStart = isAppend ? i - 1 : i + 1;
            valueEnd = ExpressionEnd(i + 1);
            if (isAppend)
            {
                // "x += y" is concatenation of x and y.
                valueEnd = Math.Max(valueEnd, i + 2);
            }

            return valueEnd > valueStart;
        }

        return false;
    }

    /// <summary>End (exclusive) of the expression starting at <paramref name="start"/>: the first <c>;</c>, <c>,</c> or closing bracket at its level, or a line break that ends the statement.</summary>
    public int ExpressionEnd(int start)
    {
        var level = start < Count ? _code[start].Parent : -1;
        var limit = Math.Min(Count, start + MaxWalk);
        for (var i = start; i < limit; i++)
        {
            if (IsOpenBracket(i))
            {
                var match = _code[i].Match;
                if (match < 0)
                {
                    return Count;
                }

                i = match;
                if (EndsStatementAfter(i))
                {
                    return i + 1;
                }

                continue;
            }

            if (_code[i].Parent != level || IsCloseBracket(i) || IsPunctuation(i, ";") || IsPunctuation(i, ","))
            {
                return i;
            }

            if (EndsStatementAfter(i))
            {
                return i + 1;
            }
        }

        return limit;
    }

    /// <summary>Automatic semicolon insertion, approximately: a line break between two tokens that cannot continue one expression.</summary>
    private bool EndsStatementAfter(int index)
    {
        if (index + 1 >= Count || !_code[index + 1].LineBreakBefore)
        {
            return false;
        }

        ref readonly var current = ref this[index];
        ref readonly var next = ref this[index + 1];
        var currentEndsExpression = current.Kind is TokenKind.Identifier or TokenKind.Number or TokenKind.String or TokenKind.Regex
            || File.Is(current, ")") || File.Is(current, "]") || File.Is(current, "}");
        var nextContinues = next.Kind == TokenKind.Punctuation && !File.Is(next, "(") && !File.Is(next, "[") && !File.Is(next, "{")
            && !File.Is(next, "!") && !File.Is(next, "++") && !File.Is(next, "--");
        return currentEndsExpression && !nextContinues;
    }

    /// <summary>
    /// Whether <paramref name="index"/> runs once per iteration of a loop: inside a <c>for</c>/<c>while</c>/<c>do</c>
    /// body (braced or not), or inside a function passed to <c>.forEach(</c>/<c>.map(</c> and similar iteration calls.
    /// <paramref name="loopKind"/> names it ("for", "while", "do", "forEach" …).
    /// </summary>
    public bool TryGetEnclosingLoop(int index, out string loopKind)
    {
        loopKind = string.Empty;
        _hasLoops ??= ComputeHasLoops();
        if (!_hasLoops.Value)
        {
            return false;
        }

        var position = index;
        var crossedFunction = false;
        var budget = MaxLoopWalk;
        while (position >= 0)
        {
            // Walk back along this bracket level to the start of the statement.
            var i = position - 1;
            var level = position < Count ? _code[position].Parent : -1;
            while (i >= 0 && i > level)
            {
                if (--budget < 0)
                {
                    return false;
                }

                if (IsCloseBracket(i))
                {
                    var open = _code[i].Match;
                    if (open < 0)
                    {
                        break;
                    }

                    if (_code[i].Punctuation == ')' && IsLoopHeader(open, out var kind))
                    {
                        loopKind = kind;
                        return true;
                    }

                    if (_code[i].Punctuation == '}')
                    {
                        break;
                    }

                    i = open - 1;
                    continue;
                }

                if (IsPunctuation(i, ";"))
                {
                    break;
                }

                if (IsIdentifier(i, "do") && !IsPropertyName(i))
                {
                    loopKind = "do";
                    return true;
                }

                if (IsPunctuation(i, "=>") || IsIdentifier(i, "function"))
                {
                    crossedFunction = true;
                }

                i--;
            }

            if (level < 0)
            {
                return false;
            }

            if (crossedFunction)
            {
                // A function passed to an iteration method runs per element; any other function runs when it is called.
                if (IsPunctuation(level, "(") && IsKind(level - 1, TokenKind.Identifier) && IsPropertyName(level - 1) && IsIterationMethod(level - 1))
                {
                    loopKind = File.GetString(this[level - 1]);
                    return true;
                }

                return false;
            }

            // A header paren's own contents (the iterable, the condition) run once per loop, not per iteration.
            position = level;
        }

        return false;
    }

    private bool ComputeHasLoops() =>
        Contains("for") || Contains("while") || Contains("do") || Contains("forEach") || Contains("map")
        || Contains("flatMap") || Contains("reduce") || Contains("filter") || Contains("some") || Contains("every");

    private bool IsIterationMethod(int index) =>
        Is(index, "forEach") || Is(index, "map") || Is(index, "flatMap") || Is(index, "reduce") || Is(index, "filter")
        || Is(index, "some") || Is(index, "every");

    /// <summary>An open parenthesis after <c>for</c>, <c>for await</c> or <c>while</c> (not the tail of a do-while).</summary>
    private bool IsLoopHeader(int open, out string kind)
    {
        kind = string.Empty;
        if (!IsPunctuation(open, "("))
        {
            return false;
        }

        var keyword = IsIdentifier(open - 1, "await") ? open - 2 : open - 1;
        if (IsIdentifier(keyword, "for") && !IsPropertyName(keyword))
        {
            kind = "for";
            return true;
        }

        if (IsIdentifier(keyword, "while") && !IsPropertyName(keyword) && !IsPunctuation(keyword - 1, "}"))
        {
            kind = "while";
            return true;
        }

        return false;
    }

    public bool IsOpenBracket(int index) => index >= 0 && index < Count && _code[index].Punctuation is '(' or '[' or '{';

    public bool IsCloseBracket(int index) => index >= 0 && index < Count && _code[index].Punctuation is ')' or ']' or '}';

    // ---- Modules -------------------------------------------------------------------------------------------

    /// <summary>
    /// Whether identifier <paramref name="index"/> denotes <paramref name="member"/> of module <paramref name="module"/>:
    /// <c>module.member</c>, <c>alias.member</c> (<c>const cp = require('m')</c>, <c>import * as cp from 'm'</c>),
    /// <c>require('m').member</c>, or a free name bound by <c>const { member } = require('m')</c> /
    /// <c>import { member as name } from 'm'</c>. A <c>node:</c> prefix on the module is ignored.
    /// </summary>
    public bool IsModuleMember(int index, string module, string member)
    {
        if (!IsKind(index, TokenKind.Identifier))
        {
            return false;
        }

        if (IsPropertyName(index))
        {
            if (!File.Is(this[index], member))
            {
                return false;
            }

            var owner = index - 2;
            if (IsKind(owner, TokenKind.Identifier) && !IsPropertyName(owner))
            {
                return File.Is(this[owner], module) || IsModuleAlias(owner, module);
            }

            // require('m').member
            if (IsPunctuation(owner, ")") && MatchOf(owner) is var open && open > 0 && IsIdentifier(open - 1, "require")
                && open + 2 == owner && IsKind(open + 1, TokenKind.String))
            {
                return ModuleNameEquals(open + 1, module);
            }

            return false;
        }

        var name = TextOf(index);
        foreach (var binding in Bindings)
        {
            if (binding.Member is not null && binding.Module == module && binding.Member == member && name.SequenceEqual(binding.Local.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Identifier <paramref name="index"/> is a local name for the whole module <paramref name="module"/>.</summary>
    public bool IsModuleAlias(int index, string module)
    {
        var name = TextOf(index);
        foreach (var binding in Bindings)
        {
            if (binding.Member is null && binding.Module == module && name.SequenceEqual(binding.Local.AsSpan()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Some member of <paramref name="module"/> named in <paramref name="members"/> is bound to a local name outside
    /// <paramref name="members"/> (<c>import { exec as run }</c>): a rule that finds its calls by those names must then
    /// also look at other identifiers.
    /// </summary>
    public bool HasRenamedImport(string module, string[] members)
    {
        foreach (var binding in Bindings)
        {
            if (binding.Member is not null && binding.Module == module && Array.IndexOf(members, binding.Member) >= 0
                && Array.IndexOf(members, binding.Local) < 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether any import or require of <paramref name="module"/> appears in the file.</summary>
    public bool ImportsModule(string module)
    {
        foreach (var binding in Bindings)
        {
            if (binding.Module == module)
            {
                return true;
            }
        }

        return false;
    }

    private bool ModuleNameEquals(int stringIndex, string module)
    {
        var (start, length) = StringLiterals.ContentOf(File, this[stringIndex]);
        var content = File.Slice(start, length);
        if (content.StartsWith("node:".AsSpan(), StringComparison.Ordinal))
        {
            content = content.Slice(5);
        }

        return content.SequenceEqual(module.AsSpan());
    }

    private string ModuleName(int stringIndex)
    {
        var (start, length) = StringLiterals.ContentOf(File, this[stringIndex]);
        var content = File.Slice(start, length);
        if (content.StartsWith("node:".AsSpan(), StringComparison.Ordinal))
        {
            content = content.Slice(5);
        }

        return content.ToString();
    }

    private ReadOnlySpan<ModuleBinding> Bindings => new(_bindings, 0, _bindingCount);

    /// <summary>Finds <c>require('m')</c> and <c>import … from 'm'</c> bindings once per file.</summary>
    private void IndexModuleBindings()
    {
        foreach (var i in Find("require", "import"))
        {
            if (Is(i, "require"))
            {
                if (!IsPropertyName(i) && IsPunctuation(i + 1, "(") && IsConstantString(i + 2) && IsPunctuation(i + 3, ")"))
                {
                    IndexRequire(i);
                }
            }
            else if (!IsPropertyName(i) && _code[i].Parent < 0)
            {
                IndexImport(i);
            }
        }

        if (_bindingCount > 0)
        {
            IndexPromisified();
        }
    }

    /// <summary><c>const run = promisify(exec)</c> / <c>util.promisify(cp.exec)</c>: <c>run</c> is <c>exec</c> too.</summary>
    private void IndexPromisified()
    {
        foreach (var i in Find("promisify"))
        {
            if (i < 2 || i + 3 >= Count || !IsPunctuation(i + 1, "(") || MatchOf(i + 1) < 0)
            {
                continue;
            }

            var close = MatchOf(i + 1);
            var member = close - 1;
            var start = ChainStart(i);
            if (!IsKind(member, TokenKind.Identifier) || !IsPunctuation(start - 1, "=") || !IsKind(start - 2, TokenKind.Identifier))
            {
                continue;
            }

            var count = _bindingCount;
            for (var b = 0; b < count; b++)
            {
                var binding = _bindings[b];
                var name = binding.Member ?? File.GetString(this[member]);
                if (IsModuleMember(member, binding.Module, name))
                {
                    File.Append(ref _bindings, ref _bindingCount, new ModuleBinding(File.GetString(this[start - 2]), binding.Module, name));
                    break;
                }
            }
        }
    }

    private void IndexRequire(int require)
    {
        // const NAME = require('m')  |  const { a, b: c } = require('m')
        if (!IsPunctuation(require - 1, "="))
        {
            return;
        }

        var module = ModuleName(require + 2);
        var target = require - 2;
        if (IsKind(target, TokenKind.Identifier) && !IsPropertyName(target))
        {
            File.Append(ref _bindings, ref _bindingCount, new ModuleBinding(File.GetString(this[target]), module, null));
            return;
        }

        if (IsPunctuation(target, "}") && MatchOf(target) is var open && open >= 0)
        {
            AddNamedBindings(open + 1, target, module, ":");
        }
    }

    private void IndexImport(int import)
    {
        // import d from 'm' | import * as ns from 'm' | import { a, b as c } from 'm' | import d, { a } from 'm'
        var from = -1;
        for (var i = import + 1; i < Count && i < import + 512; i++)
        {
            if (IsIdentifier(i, "from") && IsKind(i + 1, TokenKind.String))
            {
                from = i;
                break;
            }

            if (IsPunctuation(i, ";") || IsIdentifier(i, "import"))
            {
                return;
            }
        }

        if (from < 0)
        {
            return;
        }

        var module = ModuleName(from + 1);
        for (var i = import + 1; i < from; i++)
        {
            if (IsPunctuation(i, "*") && IsIdentifier(i + 1, "as") && IsKind(i + 2, TokenKind.Identifier))
            {
                File.Append(ref _bindings, ref _bindingCount, new ModuleBinding(File.GetString(this[i + 2]), module, null));
                i += 2;
            }
            else if (IsPunctuation(i, "{") && MatchOf(i) is var close && close > i && close < from)
            {
                AddNamedBindings(i + 1, close, module, "as");
                i = close;
            }
            else if (IsKind(i, TokenKind.Identifier) && !Is(i, "type") && (IsPunctuation(i + 1, ",") || i + 1 == from))
            {
                // Default import: treat it as the module object (CommonJS interop).
                File.Append(ref _bindings, ref _bindingCount, new ModuleBinding(File.GetString(this[i]), module, null));
            }
        }
    }

    /// <summary>Names inside braces: <c>a</c>, <c>a as b</c> / <c>a: b</c> (the renaming word is <paramref name="rename"/>).</summary>
    private void AddNamedBindings(int start, int end, string module, string rename)
    {
        var i = start;
        while (i < end)
        {
            if (IsIdentifier(i, "type") && IsKind(i + 1, TokenKind.Identifier) && !IsPunctuation(i + 1, ","))
            {
                i++;
            }

            if (!IsKind(i, TokenKind.Identifier))
            {
                i++;
                continue;
            }

            var member = File.GetString(this[i]);
            var local = member;
            if (Is(i + 1, rename) && IsKind(i + 2, TokenKind.Identifier))
            {
                local = File.GetString(this[i + 2]);
                i += 2;
            }

            File.Append(ref _bindings, ref _bindingCount, new ModuleBinding(local, module, member));
            i++;
            while (i < end && !IsPunctuation(i, ","))
            {
                i = IsOpenBracket(i) && _code[i].Match > i ? _code[i].Match + 1 : i + 1;
            }

            i++;
        }
    }

    // Bracket classes of ASCII characters: OpenBracket for ( [ {, the opening bracket for ) ] }, else 0.
    private const byte OpenBracket = 1;

    private static ReadOnlySpan<byte> BracketClasses => new byte[]
    {
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, OpenBracket, (byte)'(', 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OpenBracket, 0, (byte)'[', 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, OpenBracket, 0, (byte)'{', 0, 0,
    };

    /// <summary>One code token: its index in the file's tokens, its matching bracket (-1: none), its innermost open bracket (-1: top level), its character when it is one-character punctuation (else '\0'), and whether a line break precedes it.</summary>
    private struct CodeToken
    {
        public int Token;
        public int Match;
        public int Parent;
        public char Punctuation;
        public bool LineBreakBefore;

        public CodeToken(int token, int parent, char punctuation, bool lineBreakBefore)
        {
            Token = token;
            Match = -1;
            Parent = parent;
            Punctuation = punctuation;
            LineBreakBefore = lineBreakBefore;
        }
    }

    private readonly struct ModuleBinding
    {
        public ModuleBinding(string local, string module, string? member)
        {
            Local = local;
            Module = module;
            Member = member;
        }

        public string Local { get; }

        public string Module { get; }

        /// <summary>The imported member, or null when <see cref="Local"/> names the whole module.</summary>
        public string? Member { get; }
    }
}

using System;
using System.Collections.Generic;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>
/// The structure of one Python file, built once from its tokens and shared by every Python rule: logical
/// lines with their indentation and enclosing block, matching brackets, call sites with their dotted names,
/// imports with their aliases, and whether the module is a script entry point. Everything is token indexes
/// into <see cref="ScannedFile.Tokens"/>; nothing holds text except import names.
/// </summary>
public sealed class PyModule
{
    /// <summary>Python refuses more nesting than this (100 indentation levels, 200 parentheses); walks stop there.</summary>
    public const int MaxBlockNesting = 100;

    public const int MaxBracketNesting = 200;

    private readonly int[] _match;

    // For every opening bracket: where its contents end (its closer, or for an unclosed one the next unclosed
    // opener or the end of the logical line), so scans of half-typed code stay linear.
    private readonly int[] _contentEnd;
    private readonly int[] _lineOfToken;
    private readonly int[] _parentBracket;
    private readonly int[] _bracketFor;
    private readonly List<PyLine> _lines = new();
    private readonly List<PyCall> _calls = new();
    private readonly List<PyImport> _imports = new();

    // Import indexes by a hash of their local name, so resolving a name costs O(1) without allocating.
    private readonly Dictionary<int, List<int>> _importsByName = new();

    private PyModule(ScannedFile file)
    {
        File = file;
        var count = file.Tokens.Count;
        _match = new int[count];
        _contentEnd = new int[count];
        _lineOfToken = new int[count];
        _parentBracket = new int[count];
        _bracketFor = new int[count];
        BuildBracketsAndLines();
        BuildBlocks();
        BuildCalls();
        BuildImports();
        HasMainGuard = FindMainGuard();
    }

    public ScannedFile File { get; }

    public TokenList Tokens => File.Tokens;

    public IReadOnlyList<PyLine> Lines => _lines;

    /// <summary>Every call site (<c>name(</c>, <c>a.b.c(</c>), in token order. Definitions are not calls.</summary>
    public IReadOnlyList<PyCall> Calls => _calls;

    public IReadOnlyList<PyImport> Imports => _imports;

    /// <summary>The module has <c>if __name__ == "__main__":</c> at top level (it is a script entry point).</summary>
    public bool HasMainGuard { get; }

    /// <summary>The model of <paramref name="file"/>, built on first use and cached for the file's lifetime.</summary>
    public static PyModule For(ScannedFile file) => file.Layer(static f => new PyModule(f));

    // ---- Tokens -------------------------------------------------------------------------------------------

    public ref readonly Token this[int index] => ref File.Tokens[index];

    public bool Is(int index, string text) => index >= 0 && index < Tokens.Count && File.Is(Tokens[index], text);

    public bool IsPunctuation(int index, string text) =>
        index >= 0 && index < Tokens.Count && Tokens[index].Kind == TokenKind.Punctuation && File.Is(Tokens[index], text);

    public bool IsIdentifier(int index, string text) =>
        index >= 0 && index < Tokens.Count && Tokens[index].Kind == TokenKind.Identifier && File.Is(Tokens[index], text);

    public bool IsKind(int index, TokenKind kind) => index >= 0 && index < Tokens.Count && Tokens[index].Kind == kind;

    /// <summary>The next token after <paramref name="index"/> that is not a comment (Count when none).</summary>
    public int Next(int index)
    {
        var tokens = Tokens;
        var i = index + 1;
        while (i < tokens.Count && IsTrivia(tokens[i].Kind))
        {
            i++;
        }

        return i;
    }

    /// <summary>The previous token before <paramref name="index"/> that is not a comment (-1 when none).</summary>
    public int Previous(int index)
    {
        var tokens = Tokens;
        var i = index - 1;
        while (i >= 0 && IsTrivia(tokens[i].Kind))
        {
            i--;
        }

        return i;
    }

    /// <summary>Index of the bracket matching the one at <paramref name="index"/>, or -1 (unclosed, or not a bracket).</summary>
    public int MatchOf(int index) => index >= 0 && index < _match.Length ? _match[index] : -1;

    /// <summary>
    /// Where the contents of the bracket opened at <paramref name="openIndex"/> end: its closer, or for an unclosed
    /// bracket the next unclosed opener (everything after it is nested deeper) or the end of the logical line.
    /// </summary>
    public int ContentEnd(int openIndex) => openIndex >= 0 && openIndex < _contentEnd.Length ? _contentEnd[openIndex] : Tokens.Count;

    /// <summary>The innermost open bracket around <paramref name="index"/>, or -1.</summary>
    public int EnclosingBracket(int index) => index >= 0 && index < _parentBracket.Length ? _parentBracket[index] : -1;

    /// <summary>
    /// The first <c>for</c> at the top level of the bracket opened at <paramref name="openIndex"/> (a comprehension
    /// or generator expression), or -1. Its element expression is the part before that <c>for</c>.
    /// </summary>
    public int ComprehensionFor(int openIndex) =>
        openIndex >= 0 && openIndex < _bracketFor.Length && _bracketFor[openIndex] > 0 ? _bracketFor[openIndex] : -1;

    /// <summary>Python keywords that can never be a name (soft keywords such as <c>match</c> excluded).</summary>
    public bool IsKeyword(int index) => IsKind(index, TokenKind.Identifier) && PyNames.IsKeyword(File.TextOf(Tokens[index]));

    // ---- Lines and blocks ---------------------------------------------------------------------------------

    /// <summary>Index into <see cref="Lines"/> of the logical line holding the token.</summary>
    public int LineIndexOf(int tokenIndex) => tokenIndex >= 0 && tokenIndex < _lineOfToken.Length ? _lineOfToken[tokenIndex] : -1;

    /// <summary>
    /// The block headers around <paramref name="tokenIndex"/>, innermost first: the token's own line when it
    /// stands after the colon of a one-line block (<c>for x in y: run(x)</c>), then the enclosing headers by
    /// indentation. Returns line indexes; -1 ends the chain.
    /// </summary>
    public int FirstEnclosingBlock(int tokenIndex)
    {
        var lineIndex = LineIndexOf(tokenIndex);
        if (lineIndex < 0)
        {
            return -1;
        }

        var line = _lines[lineIndex];
        if (line.Kind != PyBlockKind.None && line.Colon >= 0 && tokenIndex > line.Colon)
        {
            return lineIndex;
        }

        return line.Parent;
    }

    /// <summary>The next header outward from block line <paramref name="blockLineIndex"/>, or -1.</summary>
    public int OuterBlock(int blockLineIndex) => blockLineIndex >= 0 ? _lines[blockLineIndex].Parent : -1;

    /// <summary>The nearest enclosing <c>def</c> (line index) of a token, or -1 at module level.</summary>
    public int EnclosingFunction(int tokenIndex)
    {
        var levels = 0;
        for (var block = FirstEnclosingBlock(tokenIndex); block >= 0 && levels++ < MaxBlockNesting; block = OuterBlock(block))
        {
            if (_lines[block].Kind == PyBlockKind.Def)
            {
                return block;
            }
        }

        return -1;
    }

    /// <summary>The nearest enclosing <c>class</c> (line index) of a def line, when the def is directly in the class body.</summary>
    public int ClassOfMethod(int defLineIndex)
    {
        var parent = defLineIndex >= 0 ? _lines[defLineIndex].Parent : -1;
        return parent >= 0 && _lines[parent].Kind == PyBlockKind.Class ? parent : -1;
    }

    /// <summary>The name token of a <c>def</c>/<c>class</c> line, or -1.</summary>
    public int DefinitionName(int lineIndex)
    {
        var line = _lines[lineIndex];
        var keyword = line.First;
        if (IsIdentifier(keyword, "async"))
        {
            keyword = Next(keyword);
        }

        var name = Next(keyword);
        return IsKind(name, TokenKind.Identifier) ? name : -1;
    }

    /// <summary>
    /// Whether a <c>def</c> line is decorated with a decorator whose last dotted name part is
    /// <paramref name="decorator"/> (<c>@abstractmethod</c>, <c>@abc.abstractmethod</c>, <c>@x(…)</c> too).
    /// </summary>
    public bool HasDecorator(int defLineIndex, string decorator)
    {
        var indent = _lines[defLineIndex].Indent;
        for (var k = defLineIndex - 1; k >= 0; k--)
        {
            var line = _lines[k];
            if (line.Indent != indent || !IsPunctuation(line.First, "@"))
            {
                return false;
            }

            // The decorator's dotted name ends at its first '(' or the end of the line.
            var last = -1;
            for (var i = Next(line.First); i < line.End; i = Next(i))
            {
                if (IsPunctuation(i, "("))
                {
                    break;
                }

                if (Tokens[i].Kind == TokenKind.Identifier)
                {
                    last = i;
                }
            }

            if (last >= 0 && Is(last, decorator))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a <c>class</c> line lists a base whose last dotted name part is <paramref name="baseName"/> (<c>Protocol</c>, <c>typing.Protocol</c>, <c>Protocol[T]</c>).</summary>
    public bool ClassHasBase(int classLineIndex, string baseName)
    {
        var line = _lines[classLineIndex];
        var name = DefinitionName(classLineIndex);
        var open = name >= 0 ? Next(name) : -1;
        if (!IsPunctuation(open, "("))
        {
            return false;
        }

        var close = MatchOf(open);
        var end = close >= 0 ? close : line.End;
        for (var i = Next(open); i < end; i = Next(i))
        {
            if (IsIdentifier(i, baseName) && !IsPunctuation(Next(i), "="))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lines of the body of block header <paramref name="headerLineIndex"/> (empty for one-line blocks).</summary>
    public (int FirstLine, int EndLine) BodyLines(int headerLineIndex)
    {
        var indent = _lines[headerLineIndex].Indent;
        var end = headerLineIndex + 1;
        while (end < _lines.Count && _lines[end].Indent > indent)
        {
            end++;
        }

        return (headerLineIndex + 1, end);
    }

    // ---- Calls and names ----------------------------------------------------------------------------------

    /// <summary>Whether the dotted name of <paramref name="call"/> ends with the part <paramref name="name"/>.</summary>
    public bool LastPartIs(in PyCall call, string name) => Is(call.NameEnd, name);

    /// <summary>Number of dotted parts of the call's name (<c>os.path.join</c> has 3).</summary>
    public int PartCount(in PyCall call)
    {
        var parts = 1;
        for (var i = call.NameStart; i < call.NameEnd; i = Next(i))
        {
            if (IsPunctuation(i, "."))
            {
                parts++;
            }
        }

        return parts;
    }

    /// <summary>
    /// Whether the call's name, with its first part resolved through the imports, is exactly
    /// <paramref name="qualifiedName"/>: <c>sp.run</c> after <c>import subprocess as sp</c> and <c>r</c> after
    /// <c>from subprocess import run as r</c> both are <c>subprocess.run</c>. Allocation-free.
    /// </summary>
    public bool CallIs(in PyCall call, string qualifiedName) => DottedNameIs(call.NameStart, call.NameEnd, call.Import, qualifiedName);

    /// <summary>Whether the call's resolved name is one of <paramref name="qualifiedNames"/>.</summary>
    public bool CallIsAny(in PyCall call, string[] qualifiedNames)
    {
        foreach (var name in qualifiedNames)
        {
            if (CallIs(call, name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the dotted name in tokens [<paramref name="first"/>..<paramref name="last"/>] resolves to <paramref name="qualifiedName"/>.</summary>
    public bool DottedNameIs(int first, int last, string qualifiedName) => DottedNameIs(first, last, ImportBinding(first), qualifiedName);

    /// <summary>The import that binds the name token at <paramref name="nameIndex"/>, or -1.</summary>
    public int ImportBinding(int nameIndex)
    {
        if (!IsKind(nameIndex, TokenKind.Identifier))
        {
            return -1;
        }

        var text = File.TextOf(Tokens[nameIndex]);
        if (!_importsByName.TryGetValue(HashOf(text), out var candidates))
        {
            return -1;
        }

        for (var k = candidates.Count - 1; k >= 0; k--)
        {
            if (text.SequenceEqual(_imports[candidates[k]].LocalName.AsSpan()))
            {
                return candidates[k];
            }
        }

        return -1;
    }

    /// <summary>The first token of the dotted name ending at identifier <paramref name="lastIndex"/> (<c>a</c> in <c>a.b.c</c>).</summary>
    public int DottedNameStart(int lastIndex)
    {
        var start = lastIndex;
        while (true)
        {
            var dot = Previous(start);
            if (!IsPunctuation(dot, "."))
            {
                return start;
            }

            var before = Previous(dot);
            if (!IsKind(before, TokenKind.Identifier) || IsKeyword(before))
            {
                return start;
            }

            start = before;
        }
    }

    /// <summary>Source text of tokens [<paramref name="first"/>..<paramref name="last"/>] without whitespace between them (for messages).</summary>
    public string TextOf(int first, int last)
    {
        var builder = new System.Text.StringBuilder();
        for (var i = first; i <= last && i < Tokens.Count; i++)
        {
            if (!IsTrivia(Tokens[i].Kind) && Tokens[i].Kind != TokenKind.Newline)
            {
                builder.Append(File.TextOf(Tokens[i]).ToString());
            }
        }

        return builder.ToString();
    }

    /// <summary>The call whose open parenthesis is <paramref name="openIndex"/>, if any (binary search).</summary>
    public bool TryGetCallAt(int openIndex, out PyCall call)
    {
        int lo = 0, hi = _calls.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var open = _calls[mid].Open;
            if (open == openIndex)
            {
                call = _calls[mid];
                return true;
            }

            if (open < openIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        call = default;
        return false;
    }

    // ---- Arguments ----------------------------------------------------------------------------------------

    /// <summary>
    /// The token range [Start, End) of positional argument <paramref name="position"/> (0-based) of the call
    /// opened at <paramref name="open"/>; keyword arguments and <c>*args</c> are not counted as positional.
    /// </summary>
    public bool TryGetPositionalArgument(int open, int position, out int start, out int end)
    {
        var seen = 0;
        var argument = Next(open);
        while (TryNextArgument(open, ref argument, out start, out end))
        {
            if (KeywordOf(start) < 0 && !IsPunctuation(start, "*") && !IsPunctuation(start, "**"))
            {
                if (seen == position)
                {
                    return true;
                }

                seen++;
            }
        }

        return false;
    }

    /// <summary>The value range [Start, End) of keyword argument <paramref name="name"/> of the call opened at <paramref name="open"/>.</summary>
    public bool TryGetKeywordArgument(int open, string name, out int keyword, out int start, out int end)
    {
        var argument = Next(open);
        while (TryNextArgument(open, ref argument, out var argStart, out var argEnd))
        {
            if (KeywordOf(argStart) >= 0 && Is(argStart, name))
            {
                keyword = argStart;
                start = Next(Next(argStart));
                end = argEnd;
                return true;
            }
        }

        keyword = start = end = -1;
        return false;
    }

    /// <summary>Number of arguments of the call opened at <paramref name="open"/>.</summary>
    public int ArgumentCount(int open)
    {
        var count = 0;
        var argument = Next(open);
        while (TryNextArgument(open, ref argument, out _, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Steps through the arguments of the bracket opened at <paramref name="open"/>: <paramref name="cursor"/>
    /// starts at <c>Next(open)</c>; each call yields one argument's token range [Start, End).
    /// Nested brackets are skipped in one step, so a walk is linear in the top-level tokens.
    /// </summary>
    public bool TryNextArgument(int open, ref int cursor, out int start, out int end)
    {
        var limit = ContentEnd(open);
        start = cursor;
        if (start >= limit)
        {
            end = limit;
            return false;
        }

        var i = start;
        while (i < limit && !IsPunctuation(i, ","))
        {
            var match = MatchOf(i);
            i = match > i ? Next(match) : Next(i);
        }

        end = i;
        cursor = i < limit ? Next(i) : limit;
        return end > start;
    }

    /// <summary>
    /// The first token of the argument (of the innermost enclosing call or bracket) that holds
    /// <paramref name="index"/>: walks back to the previous top-level ',' or the opener. -1 when not in brackets.
    /// </summary>
    public int ArgumentStartOf(int index, out int open)
    {
        open = EnclosingBracket(index);
        if (open < 0)
        {
            return -1;
        }

        var start = index;
        var i = Previous(index);
        while (i > open)
        {
            if (IsPunctuation(i, ","))
            {
                break;
            }

            var match = MatchOf(i);
            if (match >= 0 && match < i)
            {
                i = match;
            }

            start = i;
            i = Previous(i);
        }

        return start;
    }

    /// <summary>If the argument starting at <paramref name="argumentStart"/> is <c>name=value</c>, the name token; else -1.</summary>
    public int KeywordOf(int argumentStart) =>
        IsKind(argumentStart, TokenKind.Identifier) && IsPunctuation(Next(argumentStart), "=") ? argumentStart : -1;

    /// <summary>Whether tokens [start, end) are exactly the identifier <paramref name="text"/>.</summary>
    public bool RangeIs(int start, int end, string text) => Next(start) >= end && IsIdentifier(start, text);

    /// <summary>The Newline token index ending the logical line of <paramref name="tokenIndex"/> (or Count).</summary>
    public int LineEndOf(int tokenIndex)
    {
        var line = LineIndexOf(tokenIndex);
        return line >= 0 ? _lines[line].End : Tokens.Count;
    }

    // ---- Building -----------------------------------------------------------------------------------------

    private static bool IsTrivia(TokenKind kind) => kind == TokenKind.Comment || kind == TokenKind.Text;

    private void BuildBracketsAndLines()
    {
        var tokens = Tokens;
        var stack = new List<int>();
        var lineStart = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            _match[i] = -1;
            _parentBracket[i] = stack.Count > 0 ? stack[stack.Count - 1] : -1;
            var token = tokens[i];
            if (IsTrivia(token.Kind))
            {
                _lineOfToken[i] = _lines.Count;
                continue;
            }

            if (lineStart < 0 && token.Kind != TokenKind.Newline)
            {
                lineStart = i;
            }

            _lineOfToken[i] = _lines.Count;
            if (token.Kind == TokenKind.Newline)
            {
                CloseUnclosed(stack, i);
                if (lineStart >= 0)
                {
                    _lines.Add(new PyLine(lineStart, i, IndentOf(token: tokens[lineStart])));
                }

                lineStart = -1;
                continue;
            }

            if (token.Kind != TokenKind.Punctuation || token.Length != 1)
            {
                if (stack.Count > 0 && token.Kind == TokenKind.Identifier && File.Is(token, "for") && _bracketFor[stack[stack.Count - 1]] == 0)
                {
                    _bracketFor[stack[stack.Count - 1]] = i;
                }

                continue;
            }

            var c = File.CharAt(token.Start);
            switch (c)
            {
                case '(':
                case '[':
                case '{':
                    stack.Add(i);
                    break;
                case ')':
                case ']':
                case '}':
                    if (stack.Count > 0 && IsPair(File.CharAt(tokens[stack[stack.Count - 1]].Start), c))
                    {
                        var open = stack[stack.Count - 1];
                        stack.RemoveAt(stack.Count - 1);
                        _match[open] = i;
                        _match[i] = open;
                        _contentEnd[open] = i;
                    }

                    break;
            }
        }

        CloseUnclosed(stack, tokens.Count);
        if (lineStart >= 0)
        {
            // The lexer always ends a line with a Newline; this only guards a hand-made token list.
            _lines.Add(new PyLine(lineStart, tokens.Count, IndentOf(tokens[lineStart])));
        }
    }

    /// <summary>Unclosed openers at a line end: each one's contents run to the next one, the last one's to the line end.</summary>
    private void CloseUnclosed(List<int> stack, int lineEnd)
    {
        for (var k = 0; k < stack.Count; k++)
        {
            _contentEnd[stack[k]] = k + 1 < stack.Count ? stack[k + 1] : lineEnd;
        }

        stack.Clear();
    }

    private static int HashOf(ReadOnlySpan<char> text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var c in text)
            {
                hash = (hash * 31) + c;
            }

            return hash;
        }
    }

    private static bool IsPair(char open, char close) =>
        (open == '(' && close == ')') || (open == '[' && close == ']') || (open == '{' && close == '}');

    /// <summary>Column of a line's first token, tabs to the next multiple of 8 as Python does.</summary>
    private int IndentOf(in Token token)
    {
        var start = token.Start;
        while (start > 0 && File.CharAt(start - 1) != '\n' && File.CharAt(start - 1) != '\r')
        {
            start--;
        }

        var column = 0;
        for (var p = start; p < token.Start; p++)
        {
            switch (File.CharAt(p))
            {
                case '\t':
                    column = (column / 8 + 1) * 8;
                    break;
                case '\f':
                    column = 0;
                    break;
                case ' ':
                    column++;
                    break;
                default:
                    // Continuation lines and text before the token (after a backslash) count as width.
                    column++;
                    break;
            }
        }

        return column;
    }

    private void BuildBlocks()
    {
        var stack = new List<int>();
        for (var k = 0; k < _lines.Count; k++)
        {
            var line = _lines[k];
            while (stack.Count > 0 && _lines[stack[stack.Count - 1]].Indent >= line.Indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }

            var parent = stack.Count > 0 ? stack[stack.Count - 1] : -1;
            var kind = HeaderKind(line.First, out var isAsync);
            var colon = kind != PyBlockKind.None ? HeaderColon(line) : -1;
            if (colon < 0)
            {
                kind = PyBlockKind.None;
            }

            _lines[k] = new PyLine(line.First, line.End, line.Indent, parent, kind, colon, isAsync);
            if (kind != PyBlockKind.None && Next(colon) >= line.End)
            {
                stack.Add(k);
            }
        }
    }

    private PyBlockKind HeaderKind(int first, out bool isAsync)
    {
        isAsync = false;
        var keyword = first;
        if (IsIdentifier(keyword, "async"))
        {
            isAsync = true;
            keyword = Next(keyword);
        }

        if (!IsKind(keyword, TokenKind.Identifier))
        {
            return PyBlockKind.None;
        }

        var text = File.TextOf(Tokens[keyword]);
        return text.Length switch
        {
            2 when text.SequenceEqual("if".AsSpan()) => PyBlockKind.If,
            3 when text.SequenceEqual("def".AsSpan()) => PyBlockKind.Def,
            3 when text.SequenceEqual("for".AsSpan()) => PyBlockKind.For,
            3 when text.SequenceEqual("try".AsSpan()) => PyBlockKind.Try,
            4 when text.SequenceEqual("elif".AsSpan()) => PyBlockKind.If,
            4 when text.SequenceEqual("else".AsSpan()) => PyBlockKind.Else,
            4 when text.SequenceEqual("with".AsSpan()) => PyBlockKind.With,
            4 when text.SequenceEqual("case".AsSpan()) => PyBlockKind.Match,
            5 when text.SequenceEqual("class".AsSpan()) => PyBlockKind.Class,
            5 when text.SequenceEqual("while".AsSpan()) => PyBlockKind.While,
            5 when text.SequenceEqual("match".AsSpan()) => PyBlockKind.Match,
            6 when text.SequenceEqual("except".AsSpan()) => PyBlockKind.Except,
            7 when text.SequenceEqual("finally".AsSpan()) => PyBlockKind.Finally,
            _ => PyBlockKind.None,
        };
    }

    /// <summary>The ':' ending a block header: the first one outside brackets and not part of a lambda.</summary>
    private int HeaderColon(PyLine line)
    {
        var lambdas = 0;
        for (var i = line.First; i < line.End; i = Next(i))
        {
            var match = MatchOf(i);
            if (match > i)
            {
                i = match;
                continue;
            }

            if (IsIdentifier(i, "lambda"))
            {
                lambdas++;
            }
            else if (IsPunctuation(i, ":"))
            {
                if (lambdas == 0)
                {
                    return i;
                }

                lambdas--;
            }
        }

        return -1;
    }

    private void BuildCalls()
    {
        var tokens = Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.Kind != TokenKind.Punctuation || token.Length != 1 || File.CharAt(token.Start) != '(')
            {
                continue;
            }

            var nameEnd = Previous(i);
            if (!IsKind(nameEnd, TokenKind.Identifier) || IsKeyword(nameEnd))
            {
                continue;
            }

            var nameStart = DottedNameStart(nameEnd);
            var before = Previous(nameStart);
            if (IsIdentifier(before, "def") || IsIdentifier(before, "class"))
            {
                continue;
            }

            var hasReceiver = IsPunctuation(before, ".");
            _calls.Add(new PyCall(nameStart, nameEnd, i, _match[i], hasReceiver, -1));
        }
    }

    private void BuildImports()
    {
        for (var k = 0; k < _lines.Count; k++)
        {
            var line = _lines[k];
            if (IsIdentifier(line.First, "import"))
            {
                ReadImport(line);
            }
            else if (IsIdentifier(line.First, "from"))
            {
                ReadFromImport(line);
            }
        }

        for (var k = 0; k < _imports.Count; k++)
        {
            var hash = HashOf(_imports[k].LocalName.AsSpan());
            if (!_importsByName.TryGetValue(hash, out var list))
            {
                list = new List<int>(1);
                _importsByName[hash] = list;
            }

            list.Add(k);
        }

        // Resolve each call's first name part once, now that all bindings are known.
        for (var c = 0; c < _calls.Count; c++)
        {
            var call = _calls[c];
            if (!call.HasReceiver)
            {
                var binding = ImportBinding(call.NameStart);
                if (binding >= 0)
                {
                    _calls[c] = new PyCall(call.NameStart, call.NameEnd, call.Open, call.Close, call.HasReceiver, binding);
                }
            }
        }
    }

    /// <summary><c>import a.b.c as x, d</c>: binds x → a.b.c and d → d; without <c>as</c>, <c>a.b</c> binds a → a.</summary>
    private void ReadImport(PyLine line)
    {
        var i = Next(line.First);
        while (i < line.End)
        {
            var nameStart = i;
            var nameEnd = ReadDottedName(ref i, line.End);
            if (nameEnd < 0)
            {
                return;
            }

            var qualified = TextOf(nameStart, nameEnd);
            if (IsIdentifier(i, "as") && IsKind(Next(i), TokenKind.Identifier))
            {
                var alias = Next(i);
                _imports.Add(new PyImport(File.GetString(Tokens[alias]), qualified, line.First, line.End, nameStart, alias));
                i = Next(alias);
            }
            else
            {
                var firstPart = File.GetString(Tokens[nameStart]);
                _imports.Add(new PyImport(firstPart, nameStart == nameEnd ? qualified : firstPart, line.First, line.End, nameStart, nameEnd));
            }

            if (!IsPunctuation(i, ","))
            {
                return;
            }

            i = Next(i);
        }
    }

    /// <summary><c>from m import a as b, (c, d)</c>: binds b → m.a, c → m.c, d → m.d. Relative and star imports bind nothing.</summary>
    private void ReadFromImport(PyLine line)
    {
        var i = Next(line.First);
        if (IsPunctuation(i, ".") || IsPunctuation(i, "..."))
        {
            return;
        }

        var moduleStart = i;
        var moduleEnd = ReadDottedName(ref i, line.End);
        if (moduleEnd < 0 || !IsIdentifier(i, "import"))
        {
            return;
        }

        var module = TextOf(moduleStart, moduleEnd);
        i = Next(i);
        if (IsPunctuation(i, "("))
        {
            i = Next(i);
        }

        while (i < line.End && IsKind(i, TokenKind.Identifier))
        {
            var name = i;
            var local = name;
            i = Next(i);
            if (IsIdentifier(i, "as") && IsKind(Next(i), TokenKind.Identifier))
            {
                local = Next(i);
                i = Next(local);
            }

            _imports.Add(new PyImport(File.GetString(Tokens[local]), module + "." + File.GetString(Tokens[name]), line.First, line.End, name, local));
            if (!IsPunctuation(i, ","))
            {
                return;
            }

            i = Next(i);
        }
    }

    /// <summary>Reads <c>a.b.c</c> from <paramref name="i"/>; returns the last name token (or -1) and leaves <paramref name="i"/> after it.</summary>
    private int ReadDottedName(ref int i, int end)
    {
        if (i >= end || !IsKind(i, TokenKind.Identifier))
        {
            return -1;
        }

        var last = i;
        i = Next(i);
        while (i < end && IsPunctuation(i, ".") && IsKind(Next(i), TokenKind.Identifier))
        {
            last = Next(i);
            i = Next(last);
        }

        return last;
    }

    private bool DottedNameIs(int first, int last, int import, string qualifiedName)
    {
        var target = qualifiedName.AsSpan();
        var i = first;
        if (import >= 0)
        {
            var prefix = _imports[import].QualifiedName.AsSpan();
            if (!target.StartsWith(prefix) || (target.Length > prefix.Length && target[prefix.Length] != '.'))
            {
                return false;
            }

            target = target.Length > prefix.Length ? target.Slice(prefix.Length + 1) : ReadOnlySpan<char>.Empty;
            if (first == last)
            {
                return target.IsEmpty;
            }

            // Skip the resolved first part and its dot.
            i = Next(Next(first));
        }

        while (true)
        {
            if (target.IsEmpty || !IsKind(i, TokenKind.Identifier))
            {
                return false;
            }

            var dot = target.IndexOf('.');
            var part = dot < 0 ? target : target.Slice(0, dot);
            if (!File.TextOf(Tokens[i]).SequenceEqual(part))
            {
                return false;
            }

            if (i >= last)
            {
                return dot < 0;
            }

            if (dot < 0)
            {
                return false;
            }

            target = target.Slice(dot + 1);
            i = Next(Next(i));
        }
    }

    private bool FindMainGuard()
    {
        foreach (var line in _lines)
        {
            if (line.Indent != 0 || line.Kind != PyBlockKind.If || !IsIdentifier(line.First, "if"))
            {
                continue;
            }

            var a = Next(line.First);
            var op = Next(a);
            var b = Next(op);
            if (!IsPunctuation(op, "==") || Next(b) != line.Colon)
            {
                continue;
            }

            if ((IsIdentifier(a, "__name__") && IsStringWithContent(b, "__main__"))
                || (IsIdentifier(b, "__name__") && IsStringWithContent(a, "__main__")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the token is a string literal whose content is exactly <paramref name="content"/>.</summary>
    public bool IsStringWithContent(int index, string content)
    {
        if (!IsKind(index, TokenKind.String))
        {
            return false;
        }

        var (start, length) = StringLiterals.ContentOf(File, Tokens[index]);
        return File.Slice(start, length).SequenceEqual(content.AsSpan());
    }
}

/// <summary>What kind of block a logical line opens.</summary>
public enum PyBlockKind : byte
{
    None = 0,
    Def,
    Class,
    For,
    While,
    If,
    Else,
    Try,
    Except,
    Finally,
    With,
    Match,
}

/// <summary>
/// A logical line: tokens [First, End) with End its Newline token; its indentation; the enclosing block
/// header line (-1 at module level); and, for a block header, its kind and the index of its ':'.
/// </summary>
public readonly struct PyLine
{
    public PyLine(int first, int end, int indent, int parent = -1, PyBlockKind kind = PyBlockKind.None, int colon = -1, bool isAsync = false)
    {
        First = first;
        End = end;
        Indent = indent;
        Parent = parent;
        Kind = kind;
        Colon = colon;
        IsAsync = isAsync;
    }

    public int First { get; }

    public int End { get; }

    public int Indent { get; }

    public int Parent { get; }

    public PyBlockKind Kind { get; }

    public int Colon { get; }

    /// <summary><c>async def</c>, <c>async for</c>, <c>async with</c>.</summary>
    public bool IsAsync { get; }
}

/// <summary>
/// A call site: the dotted name in tokens [NameStart..NameEnd], the parentheses (Close is -1 when unclosed),
/// whether the name hangs off an expression (<c>x().name(</c>), and the import binding its first part (-1).
/// </summary>
public readonly struct PyCall
{
    public PyCall(int nameStart, int nameEnd, int open, int close, bool hasReceiver, int import)
    {
        NameStart = nameStart;
        NameEnd = nameEnd;
        Open = open;
        Close = close;
        HasReceiver = hasReceiver;
        Import = import;
    }

    public int NameStart { get; }

    public int NameEnd { get; }

    public int Open { get; }

    public int Close { get; }

    public bool HasReceiver { get; }

    public int Import { get; }

    /// <summary>Token index where the whole call ends (its ')' or, when unclosed, its '(').</summary>
    public int LastToken => Close >= 0 ? Close : Open;
}

/// <summary>One name bound by an import: <c>LocalName</c> stands for <c>QualifiedName</c>; statement tokens [StatementStart, StatementEnd).</summary>
public sealed class PyImport
{
    public PyImport(string localName, string qualifiedName, int statementStart, int statementEnd, int nameStart, int nameEnd)
    {
        LocalName = localName;
        QualifiedName = qualifiedName;
        StatementStart = statementStart;
        StatementEnd = statementEnd;
        NameStart = nameStart;
        NameEnd = nameEnd;
    }

    public string LocalName { get; }

    public string QualifiedName { get; }

    public int StatementStart { get; }

    public int StatementEnd { get; }

    /// <summary>
    /// The imported name in the statement (the module for <c>import m</c>, the member for <c>from m import x</c>);
    /// <see cref="NameEnd"/> is its last token, or the alias after <c>as</c>.
    /// </summary>
    public int NameStart { get; }

    public int NameEnd { get; }
}

using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>
/// The structure of one Python file, built once from its tokens and shared by every Python rule: logical
/// lines with their indentation and enclosing block, matching brackets, call sites with their dotted names,
/// imports with their aliases, and whether the module is a script entry point. Everything is token indexes
/// into <see cref="ScannedFile.Tokens"/>; nothing holds text except import names. Per-token tables, lines and
/// calls live in arrays rented from the file (returned when the scan ends), and name indexes let a rule visit
/// only the calls and names it is about (<see cref="FindCalls(string)"/>, <see cref="FindNames"/>,
/// <see cref="FindAssigned"/>) instead of walking the whole file.
/// </summary>
public sealed class PyModule
{
    /// <summary>Python refuses more nesting than this (100 indentation levels, 200 parentheses); walks stop there.</summary>
    public const int MaxBlockNesting = 100;

    public const int MaxBracketNesting = 200;

    private readonly TokenList _tokens;
    private readonly int _count;
    // The per-token tables, in one rented array of 5 * count + count + 1 ints (the last part is a work stack):
    // [0, count): matching bracket + 1 (0: not a bracket or unmatched), so the table starts cleared;
    // [count, 2 count): for an opening bracket, where its contents end (its closer, or for an unclosed one the
    //   next unclosed opener or the end of the logical line), so scans of half-typed code stay linear; else 0;
    // [2 count, 3 count): the innermost open bracket around each token, or -1: stored by the bracket pass for the
    //   brackets only, found for other tokens by a short walk back to the previous bracket (EnclosingBracket);
    // [3 count, 4 count): for an opening bracket, its first top-level 'for' (a comprehension), else 0.
    // The logical line of a token is not stored per token: a binary search over the line ends finds it.
    private readonly int[] _table;
    private readonly int _contentEndBase;
    private readonly int _parentBase;
    private readonly int _forBase;
    private readonly int _stackBase;

    // Set once the parent of every token is stored (after a walk back found no bracket or line end nearby).
    private bool _parentsComplete;

    // How far EnclosingBracket walks back before storing the parents of all tokens instead (linear time on long lines).
    private const int MaxParentWalk = 64;

    private PyLine[] _lines;
    private int _lineCount;
    private PyCall[] _calls;
    private int _callCount;
    private int[] _handlers;
    private int _handlerCount;
    private int[] _importLines;
    private int _importLineCount;
    private PyImport[] _imports = Array.Empty<PyImport>();
    private int _importCount;

    // A 64-bit filter over (length, first character) of the imports' local names: most call names miss it,
    // so resolving a call's first name part costs a couple of instructions.
    private ulong _importFilter;

    // Calls by the last part of their dotted name (id = index into the calls).
    private NameIndex _callNames = null!;

    // Names just before a single '=' (assignment targets, attributes assigned, keyword arguments, defaults).
    // Rules ask for a few of them per file, so a list scanned per question costs less than hashing them all.
    private int[] _assigned;
    private int _assignedCount;

    // Identifiers that do not start with a lower-case ASCII letter (classes, exceptions, constants, private and
    // dunder names): what rules look up by name are mostly such names, and they are a small share of all
    // identifiers. The lower-case ones are listed only when a rule asks for one.
    private int[] _otherNames;
    private int _otherCount;
    private int[]? _lowerNames;
    private int _lowerCount;

    // PyCall.Import of a call not completed yet (see Resolve).
    private const int Unresolved = int.MinValue;

    private bool _allCallsResolved;

    // Scratch for FindCalls results.
    private int[] _found;
    private bool _hasMainGuard;

    private PyModule(ScannedFile file)
    {
        File = file;
        _tokens = file.Tokens;
        _count = _tokens.Count;
        var count = _count;
        _table = file.Rent<int>((5 * count) + 1);
        _contentEndBase = count;
        _parentBase = 2 * count;
        _forBase = 3 * count;
        _stackBase = 4 * count;
        Array.Clear(_table, 0, 2 * count);
        Array.Clear(_table, _forBase, count);
        _lines = file.Rent<PyLine>(Math.Max(16, count / 8));
        _calls = file.Rent<PyCall>(Math.Max(16, count / 16));
        _otherNames = file.Rent<int>(Math.Max(16, count / 16));
        _assigned = file.Rent<int>(Math.Max(16, count / 32));
        _handlers = Array.Empty<int>();
        _importLines = Array.Empty<int>();
        _found = Array.Empty<int>();
        BuildBracketsAndLines();
        BuildImports();
        BuildCalls();
    }

    public ScannedFile File { get; }

    public TokenList Tokens => _tokens;

    /// <summary>The logical lines, in order.</summary>
    public ReadOnlySpan<PyLine> Lines => new(_lines, 0, _lineCount);

    /// <summary>Every call site (<c>name(</c>, <c>a.b.c(</c>), in token order. Definitions are not calls.</summary>
    public ReadOnlySpan<PyCall> Calls
    {
        get
        {
            if (!_allCallsResolved)
            {
                for (var c = 0; c < _callCount; c++)
                {
                    Resolve(c);
                }

                _allCallsResolved = true;
            }

            return new(_calls, 0, _callCount);
        }
    }

    /// <summary>Token indexes of the string literals, in order.</summary>
    public ReadOnlySpan<int> Strings => _tokens.StringIndices;

    /// <summary>Line indexes of the <c>except</c> clause headers, in order.</summary>
    public ReadOnlySpan<int> HandlerLines => new(_handlers, 0, _handlerCount);

    /// <summary>Line indexes of the <c>import</c> and <c>from</c> statements, in order.</summary>
    public ReadOnlySpan<int> ImportLines => new(_importLines, 0, _importLineCount);

    public ReadOnlySpan<PyImport> Imports => new(_imports, 0, _importCount);

    /// <summary>The module has <c>if __name__ == "__main__":</c> at top level (it is a script entry point).</summary>
    public bool HasMainGuard => _hasMainGuard;

    /// <summary>The model of <paramref name="file"/>, built on first use and cached for the file's lifetime.</summary>
    public static PyModule For(ScannedFile file) => file.Layer(static f => new PyModule(f));

    /// <summary>The call at <paramref name="index"/> of <see cref="Calls"/>.</summary>
    public ref readonly PyCall CallAt(int index)
    {
        Resolve(index);
        return ref _calls[index];
    }

    // ---- Finding by name ----------------------------------------------------------------------------------

    /// <summary>
    /// Indexes into <see cref="Calls"/> of the calls whose dotted name ends with <paramref name="lastPart"/>, or
    /// whose first name is an import alias of something ending with it (<c>nap(</c> after
    /// <c>from time import sleep as nap</c>): every call that <see cref="CallIs"/>, <see cref="LastPartIs"/> or
    /// a resolved last-part test could accept, ascending. Rules still apply their own test to each. The result
    /// lives in a buffer of the module: use it before the next FindCalls.
    /// </summary>
    public ReadOnlySpan<int> FindCalls(string lastPart)
    {
        var found = 0;
        var sources = CollectCalls(lastPart, ref found);
        return Finish(found, sources);
    }

    /// <summary><see cref="FindCalls(string)"/> for several last parts at once (each call once, ascending).</summary>
    public ReadOnlySpan<int> FindCalls(string[] lastParts)
    {
        var found = 0;
        var sources = 0;
        foreach (var lastPart in lastParts)
        {
            sources += CollectCalls(lastPart, ref found);
        }

        return Finish(found, sources);
    }

    /// <summary>
    /// Token indexes of the identifiers spelled <paramref name="name"/>, ascending (struct enumerator, no
    /// allocation). Names starting with an upper-case letter or '_' are listed up front; others on first use.
    /// </summary>
    public PyNameMatches FindNames(string name)
    {
        if (name.Length > 0 && name[0] >= 'a' && name[0] <= 'z')
        {
            if (_lowerNames is null)
            {
                ListLowerCaseNames();
            }

            return new PyNameMatches(this, _lowerNames!, _lowerCount, name);
        }

        return new PyNameMatches(this, _otherNames, _otherCount, name);
    }

    /// <summary>
    /// Token indexes of the names spelled <paramref name="name"/> that stand right before a single <c>=</c>:
    /// assignment targets (<c>x = </c>, <c>obj.x = </c>), keyword arguments and parameter defaults (<c>x=</c>).
    /// </summary>
    public PyNameMatches FindAssigned(string name) => new(this, _assigned, _assignedCount, name);

    private int CollectCalls(string lastPart, ref int found)
    {
        var sources = 0;
        if (Add(_callNames.Find(lastPart), ref found))
        {
            sources++;
        }

        // An alias binds a local name to something that ends differently: look the alias up too.
        foreach (var import in Imports)
        {
            var qualified = import.QualifiedName;
            var dot = qualified.LastIndexOf('.');
            var last = qualified.AsSpan(dot + 1);
            if (last.SequenceEqual(lastPart.AsSpan()) && !import.LocalName.AsSpan().SequenceEqual(last)
                && Add(_callNames.Find(import.LocalName), ref found))
            {
                sources++;
            }
        }

        return sources;
    }

    private bool Add(NameIndex.Occurrences occurrences, ref int found)
    {
        if (occurrences.IsEmpty)
        {
            return false;
        }

        foreach (var call in occurrences)
        {
            if (found == _found.Length)
            {
                _found = File.Grow(_found, found);
            }

            _found[found++] = call;
        }

        return true;
    }

    private ReadOnlySpan<int> Finish(int found, int sources)
    {
        if (sources > 1)
        {
            // Several names: merge into ascending order without duplicates (an alias can be found twice).
            Array.Sort(_found, 0, found);
            var distinct = 0;
            for (var k = 0; k < found; k++)
            {
                if (distinct == 0 || _found[distinct - 1] != _found[k])
                {
                    _found[distinct++] = _found[k];
                }
            }

            found = distinct;
        }

        return new ReadOnlySpan<int>(_found, 0, found);
    }

    private void ListLowerCaseNames()
    {
        var tokens = _tokens.AsSpan();
        var names = File.Rent<int>(Math.Max(16, tokens.Length / 2));
        var count = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            ref readonly var token = ref tokens[i];
            var first = File.CharAt(token.Start);
            if (token.Kind == TokenKind.Identifier && first >= 'a' && first <= 'z')
            {
                if (count == names.Length)
                {
                    names = File.Grow(names, count);
                }

                names[count++] = i;
            }
        }

        _lowerNames = names;
        _lowerCount = count;
    }

    // ---- Tokens -------------------------------------------------------------------------------------------

    public ref readonly Token this[int index] => ref _tokens[index];

    public bool Is(int index, string text) => (uint)index < (uint)_count && File.Is(_tokens[index], text);

    public bool IsPunctuation(int index, string text) =>
        (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Punctuation && File.Is(_tokens[index], text);

    public bool IsIdentifier(int index, string text) =>
        (uint)index < (uint)_count && _tokens[index].Kind == TokenKind.Identifier && File.Is(_tokens[index], text);

    /// <summary>Whether the token is the one-character punctuation <paramref name="c"/>.</summary>
    public bool IsChar(int index, char c)
    {
        if ((uint)index >= (uint)_count)
        {
            return false;
        }

        ref readonly var token = ref _tokens[index];
        return token.Kind == TokenKind.Punctuation && token.Length == 1 && File.CharAt(token.Start) == c;
    }

    public bool IsKind(int index, TokenKind kind) => (uint)index < (uint)_count && _tokens[index].Kind == kind;

    /// <summary>The next token after <paramref name="index"/> that is not a comment (Count when none).</summary>
    public int Next(int index) => NextCode(_tokens.AsSpan(), index);

    /// <summary>The previous token before <paramref name="index"/> that is not a comment (-1 when none).</summary>
    public int Previous(int index) => PreviousCode(_tokens.AsSpan(), index);

    /// <summary>Index of the bracket matching the one at <paramref name="index"/>, or -1 (unclosed, or not a bracket).</summary>
    public int MatchOf(int index) => (uint)index < (uint)_count ? _table[index] - 1 : -1;

    /// <summary>
    /// Where the contents of the bracket opened at <paramref name="openIndex"/> end: its closer, or for an unclosed
    /// bracket the next unclosed opener (everything after it is nested deeper) or the end of the logical line.
    /// </summary>
    public int ContentEnd(int openIndex) => (uint)openIndex < (uint)_count ? _table[_contentEndBase + openIndex] : _count;

    /// <summary>The innermost open bracket around <paramref name="index"/>, or -1.</summary>
    public int EnclosingBracket(int index)
    {
        if ((uint)index >= (uint)_count)
        {
            return -1;
        }

        if (_parentsComplete || BracketAt(index) != '\0')
        {
            return _table[_parentBase + index];
        }

        // The parent after the previous bracket of the line: that opener itself, or after a closer what was around
        // its opener (an unmatched closer changes nothing).
        var limit = Math.Max(-1, index - MaxParentWalk);
        for (var k = index - 1; k > limit; k--)
        {
            if (_tokens[k].Kind == TokenKind.Newline)
            {
                return -1;
            }

            switch (BracketAt(k))
            {
                case '(':
                case '[':
                case '{':
                    return k;
                case ')':
                case ']':
                case '}':
                    var open = _table[k] - 1;
                    return _table[_parentBase + (open >= 0 ? open : k)];
            }
        }

        if (limit < 0)
        {
            return -1;
        }

        CompleteParents();
        return _table[_parentBase + index];
    }

    /// <summary>The bracket character of a one-character punctuation token, else '\0'.</summary>
    private char BracketAt(int index)
    {
        ref readonly var token = ref _tokens[index];
        if (token.Kind != TokenKind.Punctuation || token.Length != 1)
        {
            return '\0';
        }

        var c = File.CharAt(token.Start);
        return c is '(' or '[' or '{' or ')' or ']' or '}' ? c : '\0';
    }

    /// <summary>Stores the parent of every token, from the brackets' own (a walk back found no bracket nearby).</summary>
    private void CompleteParents()
    {
        var table = _table;
        var parent = -1;
        for (var i = 0; i < _count; i++)
        {
            if (_tokens[i].Kind == TokenKind.Newline)
            {
                table[_parentBase + i] = parent;
                parent = -1;
                continue;
            }

            switch (BracketAt(i))
            {
                case '(':
                case '[':
                case '{':
                    parent = i;
                    break;
                case ')':
                case ']':
                case '}':
                    // The bracket pass stored the parent before the closer; a matched one restores its opener's.
                    var open = table[i] - 1;
                    parent = open >= 0 ? table[_parentBase + open] : table[_parentBase + i];
                    break;
                default:
                    table[_parentBase + i] = parent;
                    break;
            }
        }

        _parentsComplete = true;
    }

    /// <summary>
    /// The first <c>for</c> at the top level of the bracket opened at <paramref name="openIndex"/> (a comprehension
    /// or generator expression), or -1. Its element expression is the part before that <c>for</c>.
    /// </summary>
    public int ComprehensionFor(int openIndex) =>
        (uint)openIndex < (uint)_count && _table[_forBase + openIndex] > 0 ? _table[_forBase + openIndex] : -1;

    /// <summary>Python keywords that can never be a name (soft keywords such as <c>match</c> excluded).</summary>
    public bool IsKeyword(int index) => (uint)index < (uint)_count && PyTags.IsKeyword(_tokens[index].Tag);

    // ---- Lines and blocks ---------------------------------------------------------------------------------

    /// <summary>Index into <see cref="Lines"/> of the logical line holding the token.</summary>
    public int LineIndexOf(int tokenIndex)
    {
        if ((uint)tokenIndex >= (uint)_count)
        {
            return -1;
        }

        // The first line whose Newline is at or after the token: comments before a line belong to it, those after the
        // last line get the number of lines.
        int lo = 0, hi = _lineCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_lines[mid].End < tokenIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// The block headers around <paramref name="tokenIndex"/>, innermost first: the token's own line when it
    /// stands after the colon of a one-line block (<c>for x in y: run(x)</c>), then the enclosing headers by
    /// indentation. Returns line indexes; -1 ends the chain.
    /// </summary>
    public int FirstEnclosingBlock(int tokenIndex)
    {
        var lineIndex = LineIndexOf(tokenIndex);
        if (lineIndex < 0 || lineIndex >= _lineCount)
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

                if (_tokens[i].Kind == TokenKind.Identifier)
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
        while (end < _lineCount && _lines[end].Indent > indent)
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

        var text = File.TextOf(_tokens[nameIndex]);
        if ((_importFilter & ImportFilterBit(text)) == 0)
        {
            return -1;
        }

        // The last binding of the name wins, as in the file.
        for (var k = _importCount - 1; k >= 0; k--)
        {
            if (text.SequenceEqual(_imports[k].LocalName.AsSpan()))
            {
                return k;
            }
        }

        return -1;
    }

    private static ulong ImportFilterBit(ReadOnlySpan<char> name) =>
        name.Length == 0 ? 0 : 1UL << ((name.Length * 7 + name[0] + (name[name.Length - 1] * 3)) & 63);

    /// <summary>The first token of the dotted name ending at identifier <paramref name="lastIndex"/> (<c>a</c> in <c>a.b.c</c>).</summary>
    public int DottedNameStart(int lastIndex) => DottedNameStart(_tokens.AsSpan(), lastIndex, out _);

    /// <summary>Source text of tokens [<paramref name="first"/>..<paramref name="last"/>] without whitespace between them (for messages).</summary>
    /// <summary><see cref="TextOf"/> of an import's dotted name; a one-word common module name is not copied.</summary>
    private string DottedName(int first, int last) =>
        first == last ? PyNames.Shared(File.TextOf(_tokens[first])) : TextOf(first, last);

    public string TextOf(int first, int last)
    {
        last = Math.Min(last, _count - 1);
        if (first < 0 || first > last)
        {
            return string.Empty;
        }

        // Usually the tokens touch (a.b.c): one string straight from the text.
        var contiguous = true;
        for (var i = first + 1; i <= last && contiguous; i++)
        {
            contiguous = _tokens[i].Start == _tokens[i - 1].End && !IsTrivia(_tokens[i].Kind) && _tokens[i].Kind != TokenKind.Newline;
        }

        if (contiguous && !IsTrivia(_tokens[first].Kind) && _tokens[first].Kind != TokenKind.Newline)
        {
            return File.GetString(_tokens[first].Start, _tokens[last].End - _tokens[first].Start);
        }

        var builder = new System.Text.StringBuilder();
        for (var i = first; i <= last; i++)
        {
            if (!IsTrivia(_tokens[i].Kind) && _tokens[i].Kind != TokenKind.Newline)
            {
                foreach (var c in File.TextOf(_tokens[i]))
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>The call whose open parenthesis is <paramref name="openIndex"/>, if any (binary search).</summary>
    public bool TryGetCallAt(int openIndex, out PyCall call)
    {
        int lo = 0, hi = _callCount - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var open = _calls[mid].Open;
            if (open == openIndex)
            {
                Resolve(mid);
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
        return line >= 0 && line < _lineCount ? _lines[line].End : _count;
    }

    // ---- Building -----------------------------------------------------------------------------------------

    private static bool IsTrivia(TokenKind kind) => kind == TokenKind.Comment || kind == TokenKind.Text;

    /// <summary>
    /// One pass over the tokens, driven by the tags the lexer put on them (<see cref="PyTag"/>: one byte per token, no
    /// text read): brackets, logical lines with their block structure, and the names that go into the name indexes
    /// (collected here, indexed once their number is known). Call sites are recorded after it, from the '(' tokens it
    /// lists.
    /// </summary>
    private void BuildBracketsAndLines()
    {
        var tokens = _tokens.AsSpan();
        var table = _table;
        var parentBase = _parentBase;
        var stackBase = _stackBase;
        var forBase = _forBase;
        var depth = 0;
        var parent = -1;
        var otherNames = _otherNames;
        var otherCount = 0;
        var assigned = _assigned;
        var assignedCount = 0;
        var opens = File.Rent<int>(Math.Max(16, tokens.Length / 8));
        var openCount = 0;

        // Where the current logical line's tokens start (after the previous Newline), and the line's first ':' outside
        // brackets that no lambda takes (its block header colon when all its brackets close), with the lambdas open
        // before it.
        var lineBegin = 0;
        var colon = -1;
        var lambdas = 0;
        var blocks = new BlockStack(table, stackBase + _count);
        for (var i = 0; i < tokens.Length; i++)
        {
            var tag = tokens[i].Tag;
            if (tag == 0)
            {
                continue;
            }

            switch ((PyTag)tag)
            {
                case PyTag.NoneWord:
                case PyTag.TrueWord:
                case PyTag.FalseWord:
                case PyTag.OtherName:
                    if (otherCount == otherNames.Length)
                    {
                        otherNames = File.Grow(otherNames, otherCount);
                    }

                    otherNames[otherCount++] = i;
                    break;
                case PyTag.For:
                    if (depth > 0 && table[forBase + parent] == 0)
                    {
                        table[forBase + parent] = i;
                    }

                    break;
                case PyTag.Lambda:
                    if (depth == 0 && colon < 0)
                    {
                        lambdas++;
                    }

                    break;
                case PyTag.Colon:
                    if (depth == 0 && colon < 0)
                    {
                        if (lambdas == 0)
                        {
                            colon = i;
                        }
                        else
                        {
                            lambdas--;
                        }
                    }

                    break;
                case PyTag.OpenParenthesis:
                    table[parentBase + i] = parent;
                    table[stackBase + depth++] = i;
                    parent = i;
                    if (openCount == opens.Length)
                    {
                        opens = File.Grow(opens, openCount);
                    }

                    opens[openCount++] = i;
                    break;
                case PyTag.OpenBracket:
                case PyTag.OpenBrace:
                    table[parentBase + i] = parent;
                    table[stackBase + depth++] = i;
                    parent = i;
                    break;
                case PyTag.CloseParenthesis:
                case PyTag.CloseBracket:
                case PyTag.CloseBrace:
                    table[parentBase + i] = parent;
                    if (depth > 0 && PyTags.IsPair(tokens[parent].Tag, tag))
                    {
                        depth--;
                        table[parent] = i + 1;
                        table[i] = parent + 1;
                        table[_contentEndBase + parent] = i;
                        parent = depth > 0 ? table[stackBase + depth - 1] : -1;
                    }

                    break;
                case PyTag.Equals:
                {
                    var target = Previous(i);
                    if (target >= 0 && tokens[target].Kind == TokenKind.Identifier)
                    {
                        if (assignedCount == assigned.Length)
                        {
                            assigned = File.Grow(assigned, assignedCount);
                        }

                        assigned[assignedCount++] = target;
                    }

                    break;
                }

                case PyTag.Newline:
                    if (depth > 0)
                    {
                        CloseUnclosed(depth, i);
                    }

                    AddLine(tokens, lineBegin, i, depth == 0 ? colon : HeaderColonOfUnclosedLine, ref blocks);

                    depth = 0;
                    parent = -1;
                    lineBegin = i + 1;
                    colon = -1;
                    lambdas = 0;
                    break;
            }
        }

        _otherNames = otherNames;
        _otherCount = otherCount;
        _assigned = assigned;
        _assignedCount = assignedCount;

        // The lexer always ends a line with a Newline; this only guards a hand-made token list.
        CloseUnclosed(depth, tokens.Length);
        AddLine(tokens, lineBegin, tokens.Length, depth == 0 ? colon : HeaderColonOfUnclosedLine, ref blocks);
        AddCalls(opens, openCount);
    }

    // For AddLine: the line has unclosed brackets, its header colon is found by a walk over the line (HeaderColon).
    private const int HeaderColonOfUnclosedLine = -2;

    /// <summary>
    /// The enclosing block headers of the lines so far, as a stack of line indexes kept at the top of the per-token
    /// table's work area, growing down: the bracket stack grows up from its bottom, and the two never meet (the
    /// brackets open on a line and the lines before it are together fewer than the tokens).
    /// </summary>
    private struct BlockStack
    {
        private readonly int[] _table;
        private readonly int _top;

        public BlockStack(int[] table, int top)
        {
            _table = table;
            _top = top;
            Depth = 0;
        }

        public int Depth { get; private set; }

        public readonly int Peek() => _table[_top - Depth + 1];

        public void Push(int lineIndex)
        {
            Depth++;
            _table[_top - Depth + 1] = lineIndex;
        }

        public void Pop() => Depth--;
    }

    /// <summary>
    /// Adds the logical line of tokens [<paramref name="begin"/>, <paramref name="end"/>) (comments before its first
    /// code token included; <paramref name="end"/> its Newline) if it holds code: its indentation, the header it is in,
    /// and, for a block header, its kind and colon. <paramref name="colon"/> is the first ':' outside brackets not taken
    /// by a lambda, or <see cref="HeaderColonOfUnclosedLine"/>.
    /// </summary>
    private void AddLine(ReadOnlySpan<Token> tokens, int begin, int end, int colon, ref BlockStack blocks)
    {
        var first = begin;
        while (first < end && IsTrivia(tokens[first].Kind))
        {
            first++;
        }

        if (first >= end)
        {
            return;
        }

        var indent = IndentOf(tokens[first]);
        while (blocks.Depth > 0 && _lines[blocks.Peek()].Indent >= indent)
        {
            blocks.Pop();
        }

        var parent = blocks.Depth > 0 ? blocks.Peek() : -1;
        var kind = HeaderKind(tokens, first, end, out var isAsync, out var isImport);
        if (kind != PyBlockKind.None)
        {
            if (colon == HeaderColonOfUnclosedLine)
            {
                colon = HeaderColon(first, end);
            }

            if (colon < 0)
            {
                kind = PyBlockKind.None;
            }
        }

        if (kind == PyBlockKind.None)
        {
            colon = -1;
        }

        var lineIndex = _lineCount;
        if (lineIndex == _lines.Length)
        {
            _lines = File.Grow(_lines, lineIndex);
        }

        _lines[lineIndex] = new PyLine(first, end, indent, parent, kind, colon, isAsync);
        _lineCount = lineIndex + 1;
        if (kind == PyBlockKind.None)
        {
            if (isImport)
            {
                File.Append(ref _importLines, ref _importLineCount, lineIndex);
            }

            return;
        }

        // A header whose body is on the next lines (nothing but comments after its colon) encloses them.
        if (NextCode(tokens, colon) >= end)
        {
            blocks.Push(lineIndex);
        }

        if (kind == PyBlockKind.Except)
        {
            File.Append(ref _handlers, ref _handlerCount, lineIndex);
        }
        else if (kind == PyBlockKind.If && indent == 0 && !_hasMainGuard)
        {
            _hasMainGuard = IsMainGuard(_lines[lineIndex]);
        }
    }

    /// <summary>Unclosed openers at a line end: each one's contents run to the next one, the last one's to the line end.</summary>
    private void CloseUnclosed(int depth, int lineEnd)
    {
        for (var k = 0; k < depth; k++)
        {
            _table[_contentEndBase + _table[_stackBase + k]] = k + 1 < depth ? _table[_stackBase + k + 1] : lineEnd;
        }
    }

    /// <summary>Column of a line's first token, tabs to the next multiple of 8 as Python does.</summary>
    private int IndentOf(in Token token)
    {
        var text = File.Text;

        // Common case: only spaces between the line start and the token.
        var spaces = token.Start;
        while (spaces > 0 && text[spaces - 1] == ' ')
        {
            spaces--;
        }

        if (spaces == 0 || text[spaces - 1] == '\n' || text[spaces - 1] == '\r')
        {
            return token.Start - spaces;
        }

        var start = spaces;
        while (start > 0 && text[start - 1] != '\n' && text[start - 1] != '\r')
        {
            start--;
        }

        var column = 0;
        for (var p = start; p < token.Start; p++)
        {
            switch (text[p])
            {
                case '\t':
                    column = (column / 8 + 1) * 8;
                    break;
                case '\f':
                    column = 0;
                    break;
                default:
                    // Spaces; continuation lines and text before the token (after a backslash) count as width.
                    column++;
                    break;
            }
        }

        return column;
    }

    /// <summary>The block a line's first word opens (None for other lines); whether it is an import statement.</summary>
    private static PyBlockKind HeaderKind(ReadOnlySpan<Token> tokens, int first, int end, out bool isAsync, out bool isImport)
    {
        isAsync = false;
        isImport = false;
        var word = (PyTag)tokens[first].Tag;
        if (word == PyTag.Async)
        {
            isAsync = true;
            var keyword = NextCode(tokens, first);
            if (keyword >= tokens.Length)
            {
                return PyBlockKind.None;
            }

            word = (PyTag)tokens[keyword].Tag;
        }

        switch (word)
        {
            case PyTag.If:
            case PyTag.Elif:
                return PyBlockKind.If;
            case PyTag.Else:
                return PyBlockKind.Else;
            case PyTag.For:
                return PyBlockKind.For;
            case PyTag.While:
                return PyBlockKind.While;
            case PyTag.Try:
                return PyBlockKind.Try;
            case PyTag.Except:
                return PyBlockKind.Except;
            case PyTag.Finally:
                return PyBlockKind.Finally;
            case PyTag.With:
                return PyBlockKind.With;
            case PyTag.Def:
                return PyBlockKind.Def;
            case PyTag.Class:
                return PyBlockKind.Class;
            case PyTag.Match:
            case PyTag.Case:
                return PyBlockKind.Match;
            case PyTag.Import:
            case PyTag.From:
                isImport = !isAsync;
                return PyBlockKind.None;
            default:
                return PyBlockKind.None;
        }
    }

    /// <summary>
    /// The ':' ending a block header in tokens [<paramref name="first"/>, <paramref name="end"/>): the first one
    /// outside brackets that close and not part of a lambda. For lines with an unclosed bracket; the pass over the
    /// tokens finds it for the others.
    /// </summary>
    private int HeaderColon(int first, int end)
    {
        var lambdas = 0;
        for (var i = first; i < end; i = Next(i))
        {
            var match = MatchOf(i);
            if (match > i)
            {
                i = match;
                continue;
            }

            switch ((PyTag)_tokens[i].Tag)
            {
                case PyTag.Lambda:
                    lambdas++;
                    break;
                case PyTag.Colon:
                    if (lambdas == 0)
                    {
                        return i;
                    }

                    lambdas--;
                    break;
            }
        }

        return -1;
    }

    /// <summary>
    /// Records a call site for each '(' at <paramref name="opens"/> that follows a name (not a def/class name):
    /// the dotted-name walk and the token tests inlined into one loop, as this runs for every '(' of the file.
    /// </summary>
    private void AddCalls(int[] opens, int openCount)
    {
        var tokens = _tokens.AsSpan();
        var calls = _calls;
        var callCount = 0;
        for (var k = 0; k < openCount; k++)
        {
            var open = opens[k];
            var nameEnd = PreviousCode(tokens, open);
            if (nameEnd < 0 || !IsName(tokens[nameEnd]))
            {
                continue;
            }

            var nameStart = DottedNameStart(tokens, nameEnd, out var before);
            var hasReceiver = false;
            if (before >= 0)
            {
                var tag = (PyTag)tokens[before].Tag;
                if (tag is PyTag.Def or PyTag.Class)
                {
                    continue;
                }

                hasReceiver = tag == PyTag.Dot;
            }

            if (callCount == calls.Length)
            {
                calls = File.Grow(calls, callCount);
            }

            // Close and Import are filled in on first use (Resolve), once brackets and imports are known.
            calls[callCount++] = new PyCall(nameStart, nameEnd, open, -1, hasReceiver, Unresolved);
        }

        _calls = calls;
        _callCount = callCount;
    }

    /// <summary>
    /// The first token of the dotted name (<c>a.b.c</c>) that ends at <paramref name="lastIndex"/>, and the code token
    /// before it in <paramref name="before"/> (-1 when none). Inlined: the call-site pass runs it for every '('.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DottedNameStart(ReadOnlySpan<Token> tokens, int lastIndex, out int before)
    {
        var start = lastIndex;
        before = PreviousCode(tokens, start);
        while (before >= 0 && tokens[before].Tag == (byte)PyTag.Dot)
        {
            var part = PreviousCode(tokens, before);
            if (part < 0 || !IsName(tokens[part]))
            {
                break;
            }

            start = part;
            before = PreviousCode(tokens, part);
        }

        return start;
    }

    /// <summary>The previous token before <paramref name="index"/> that is not a comment (-1 when none).</summary>
    private static int PreviousCode(ReadOnlySpan<Token> tokens, int index)
    {
        var i = index - 1;
        while (i >= 0 && IsTrivia(tokens[i].Kind))
        {
            i--;
        }

        return i;
    }

    /// <summary>The first token after <paramref name="index"/> that is not a comment (<c>tokens.Length</c> when none).</summary>
    private static int NextCode(ReadOnlySpan<Token> tokens, int index)
    {
        var i = index + 1;
        while (i < tokens.Length && IsTrivia(tokens[i].Kind))
        {
            i++;
        }

        return i;
    }

    /// <summary>An identifier that is not a keyword (the lexer's tag says which).</summary>
    private static bool IsName(in Token token) => token.Kind == TokenKind.Identifier && !PyTags.IsKeyword(token.Tag);

    /// <summary>Completes the call sites (closing parenthesis, import binding of the first name part) and indexes them by last name part.</summary>
    private void BuildCalls()
    {
        _callNames = new NameIndex(File, _callCount);
        for (var c = 0; c < _callCount; c++)
        {
            ref readonly var name = ref _tokens[_calls[c].NameEnd];
            _callNames.Add(c, name.Start, name.Length);
        }
    }

    /// <summary>
    /// Completes a call site on first use: its closing parenthesis and the import binding its first name part.
    /// Rules look at a few candidates, so most calls are never completed.
    /// </summary>
    private void Resolve(int c)
    {
        ref var call = ref _calls[c];
        if (call.Import != Unresolved)
        {
            return;
        }

        var binding = call.HasReceiver || _importFilter == 0 ? -1 : ImportBinding(call.NameStart);
        call = new PyCall(call.NameStart, call.NameEnd, call.Open, _table[call.Open] - 1, call.HasReceiver, binding);
    }

    private void BuildImports()
    {
        for (var k = 0; k < _importLineCount; k++)
        {
            var line = _lines[_importLines[k]];
            if (IsIdentifier(line.First, "import"))
            {
                ReadImport(line);
            }
            else
            {
                ReadFromImport(line);
            }
        }

        foreach (var import in Imports)
        {
            _importFilter |= ImportFilterBit(import.LocalName.AsSpan());
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

            if (IsIdentifier(i, "as") && IsKind(Next(i), TokenKind.Identifier))
            {
                var alias = Next(i);
                File.Append(ref _imports, ref _importCount, new PyImport(PyNames.Shared(File.TextOf(_tokens[alias])), DottedName(nameStart, nameEnd), line.First, line.End, nameStart, alias));
                i = Next(alias);
            }
            else
            {
                // import a.b binds a to a; import a binds a to a.
                var firstPart = PyNames.Shared(File.TextOf(_tokens[nameStart]));
                File.Append(ref _imports, ref _importCount, new PyImport(firstPart, firstPart, line.First, line.End, nameStart, nameEnd));
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

        var module = DottedName(moduleStart, moduleEnd);
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

            var localName = PyNames.Shared(File.TextOf(_tokens[local]));
            var memberName = local == name ? localName : PyNames.Shared(File.TextOf(_tokens[name]));
            File.Append(ref _imports, ref _importCount, new PyImport(localName, module + "." + memberName, line.First, line.End, name, local));
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
            if (!File.TextOf(_tokens[i]).SequenceEqual(part))
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

    /// <summary>Whether a top-level <c>if</c> line is <c>if __name__ == "__main__":</c> (either order).</summary>
    private bool IsMainGuard(PyLine line)
    {
        if (!IsIdentifier(line.First, "if"))
        {
            return false;
        }

        var a = Next(line.First);
        var op = Next(a);
        var b = Next(op);
        if (!IsPunctuation(op, "==") || Next(b) != line.Colon)
        {
            return false;
        }

        return (IsIdentifier(a, "__name__") && IsStringWithContent(b, "__main__"))
            || (IsIdentifier(b, "__name__") && IsStringWithContent(a, "__main__"));
    }

    /// <summary>Whether the token is a string literal whose content is exactly <paramref name="content"/>.</summary>
    public bool IsStringWithContent(int index, string content)
    {
        if (!IsKind(index, TokenKind.String))
        {
            return false;
        }

        var (start, length) = StringLiterals.ContentOf(File, _tokens[index]);
        return File.Slice(start, length).SequenceEqual(content.AsSpan());
    }
}

/// <summary>The tokens of a list that are spelled like one name; a struct enumerator, so <c>foreach</c> does not allocate.</summary>
public readonly struct PyNameMatches
{
    private readonly PyModule _module;
    private readonly int[] _ids;
    private readonly int _count;
    private readonly string _name;

    internal PyNameMatches(PyModule module, int[] ids, int count, string name)
    {
        _module = module;
        _ids = ids;
        _count = count;
        _name = name;
    }

    public Enumerator GetEnumerator() => new(_module, _ids, _count, _name);

    public struct Enumerator
    {
        private readonly PyModule _module;
        private readonly int[] _ids;
        private readonly int _count;
        private readonly string _name;
        private int _next;

        internal Enumerator(PyModule module, int[] ids, int count, string name)
        {
            _module = module;
            _ids = ids;
            _count = count;
            _name = name;
            _next = 0;
            Current = -1;
        }

        public int Current { get; private set; }

        public bool MoveNext()
        {
            while (_next < _count)
            {
                var id = _ids[_next++];
                if (_module.Is(id, _name))
                {
                    Current = id;
                    return true;
                }
            }

            return false;
        }
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
public readonly struct PyImport
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

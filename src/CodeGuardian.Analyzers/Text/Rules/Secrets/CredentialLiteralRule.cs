using System;
using System.Buffers;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 over the tokens of a code language: each non-interpolated string literal is checked for the name it lands
/// under (the language decides, see <see cref="NameOf"/>) and for credentials embedded in it (connection-string
/// <c>Password=</c>/<c>Pwd=</c>, URL <c>user:pass@</c>). Values go through <see cref="CredentialValues"/> (empty,
/// placeholders, templates, environment-variable names are not real) and messages carry only
/// <see cref="Redaction"/> descriptions. Unterminated literals (code being typed) are not values yet. Test files are skipped unless <c>codeguardian.CG4007.include_tests = true</c>.
/// </summary>
public abstract class CredentialLiteralRule : TextRule
{
    public const string IncludeTestsOption = "include_tests";

    public const string NameProperty = "CredentialName";

    public const string KindProperty = "Kind";

    [ThreadStatic]
    private static CodeView? t_view;

    public sealed override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HardCodedCredential);

    public sealed override void Analyze(TextRuleContext context)
    {
        if (!context.IsEnabled(Descriptors.HardCodedCredential)
            || (context.IsTestFile && !context.Options.GetBool(RuleIdentifiers.HardCodedCredential, IncludeTestsOption, false)))
        {
            return;
        }

        var file = context.File;
        var tokens = file.Tokens.AsSpan();

        // One view per thread, moved from string to string: code tokens around each string are found on demand.
        var view = t_view ??= new CodeView();
        view.Start(file, SkipNewlines);
        try
        {
            AnalyzeStrings(context, view, tokens);
        }
        finally
        {
            view.Start(null, false);
        }
    }

    private void AnalyzeStrings(TextRuleContext context, CodeView view, ReadOnlySpan<Token> tokens)
    {
        var file = context.File;
        foreach (var i in TokenKinds.For(file).Strings)
        {
            ref readonly var token = ref tokens[i];
            // Two characters are the two quotes of an empty literal: nothing to find, and no name to look for.
            if ((token.Flags & (TokenFlags.Interpolated | TokenFlags.Char | TokenFlags.Unterminated)) != 0 || token.Length <= 2)
            {
                continue;
            }

            view.MoveTo(i);
            var name = NameOf(view, CodeView.Here);
            var underCredentialName = IsCredential(name, file);

            // Without a credential name only an embedded credential can be found, and it needs a ':' or ';' in the
            // literal: most strings end here, before their content is sought.
            if (!underCredentialName && !HasColonOrSemicolon(file.Slice(token.Start, token.Length)))
            {
                continue;
            }

            var (contentStart, contentLength) = StringLiterals.ContentOf(file, token);
            var content = file.Slice(contentStart, contentLength);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            if (underCredentialName)
            {
                var nameText = name.TextIn(file);
                if (CredentialValues.IsRealValue(content, nameText, hasName: true))
                {
                    Report(context, token, nameText.ToString(), "name", Redaction.Describe(content));
                }

                continue;
            }

            if (MayEmbedCredential(content) && EmbeddedCredential.Find(content, out var start, out var length, out var what))
            {
                Report(context, token, what, "embedded", Redaction.Describe(content.Slice(start, length)));
            }
        }
    }

    /// <summary>SQL spreads statements over lines; other languages keep newline tokens as statement ends.</summary>
    protected virtual bool SkipNewlines => false;

    /// <summary>
    /// The credential-candidate name the string at code index <paramref name="index"/> is assigned to, initialized
    /// with, passed as or keyed by; null when the string is not a whole value under a name.
    /// </summary>
    protected abstract CandidateName NameOf(CodeView view, int index);

    /// <summary>Whether a name found by <see cref="NameOf"/> names a credential (languages may add fixed syntax names).</summary>
    protected virtual bool IsCredentialName(ReadOnlySpan<char> name) => CredentialNames.IsCredentialName(name);

    /// <summary>
    /// Whether a name found by <see cref="NameOf"/> names a credential. A name taken from the code counts only when it
    /// has at most 80 characters and a credential word (the candidate test names always had); fixed syntax names go
    /// through <see cref="IsCredentialName"/>.
    /// </summary>
    private bool IsCredential(in CandidateName name, ScannedFile file)
    {
        if (name.IsNull)
        {
            return false;
        }

        var text = name.TextIn(file);
        return name.IsFixed ? IsCredentialName(text) : text.Length <= CodeView.MaxNameLength && CredentialNames.IsCredentialName(text);
    }

    /// <summary>Whether a literal holds a ':' or ';': most literals are short, and those are read in place rather than searched.</summary>
    private static bool HasColonOrSemicolon(ReadOnlySpan<char> literal)
    {
        if (literal.Length > 16)
        {
            return literal.IndexOfAny(':', ';') >= 0;
        }

        foreach (var c in literal)
        {
            if (c is ':' or ';')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Cheap span test before <see cref="EmbeddedCredential"/> looks at the content.</summary>
    private static bool MayEmbedCredential(ReadOnlySpan<char> content) =>
        content.IndexOfAny(':', ';') >= 0 && ((content.IndexOf("://".AsSpan(), StringComparison.Ordinal) >= 0 && content.IndexOf('@') >= 0)
        || (content.IndexOf('=') >= 0 && content.IndexOf(';') >= 0
            && (content.IndexOf("password".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("pwd".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0)));

    private static void Report(TextRuleContext context, in Token token, string name, string kind, string description)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, name).Add(KindProperty, kind);
        context.ReportWithProperties(Descriptors.HardCodedCredential, token.Start, token.Length, properties, name, description);
    }

    /// <summary>
    /// The code tokens around one string literal (comments and non-code text skipped, and newlines where the language
    /// says so), by code index relative to the string at <see cref="Here"/>: <c>Here - 1</c> is the code token before
    /// it. Tokens are found on demand and remembered until the view moves to the next string; indices beyond the file
    /// (or more than <see cref="Reach"/> tokens away) are out of range.
    /// </summary>
    protected sealed class CodeView
    {
        /// <summary>The code index of the string literal being looked at.</summary>
        public const int Here = Reach;

        /// <summary>Names longer than this are not credential names.</summary>
        public const int MaxNameLength = 80;

        private const int Reach = 32;

        private const int Unknown = -2;

        private bool _skipNewlines;

        private ScannedFile? _file;

        /// <summary>Raw token index per code index; -1 past either end of the file.</summary>
        private readonly int[] _raw = new int[(2 * Reach) + 1];

        private int _low;

        private int _high;

        internal CodeView()
        {
        }

        public ScannedFile File => _file!;

        public Token this[int index] => File.Tokens[RawIndex(index)];

        /// <summary>Starts on a file (null: lets go of the last one).</summary>
        internal void Start(ScannedFile? file, bool skipNewlines)
        {
            _file = file;
            _skipNewlines = skipNewlines;
        }

        internal void MoveTo(int rawIndex)
        {
            _raw[Here] = rawIndex;
            _low = _high = Here;
        }

        public bool IsKind(int index, TokenKind kind)
        {
            var raw = RawIndex(index);
            return raw >= 0 && File.Tokens[raw].Kind == kind;
        }

        public bool Is(int index, string text)
        {
            var raw = RawIndex(index);
            if (raw < 0)
            {
                return false;
            }

            // Most asks are for one punctuation character ("=", ":", "["): compared without a span comparison.
            ref readonly var token = ref File.Tokens[raw];
            return token.Length == text.Length && (text.Length == 1 ? File.CharAt(token.Start) == text[0] : File.Is(token, text));
        }

        public bool IsIgnoreCase(int index, string text) => RawIndex(index) >= 0 && File.IsIgnoreCase(this[index], text);

        public bool IsIdentifier(int index) => IsKind(index, TokenKind.Identifier);

        /// <summary>The identifier's text, or a string key's content (a range of the file); none for anything else.</summary>
        public CandidateName NameAt(int index)
        {
            var raw = RawIndex(index);
            if (raw < 0)
            {
                return CandidateName.None;
            }

            ref readonly var token = ref File.Tokens[raw];
            if (token.Kind == TokenKind.Identifier)
            {
                return CandidateName.At(token.Start, token.Length);
            }

            if (token.Kind == TokenKind.String && !token.Has(TokenFlags.Interpolated))
            {
                var (start, length) = StringLiterals.ContentOf(File, token);
                return CandidateName.At(start, length);
            }

            return CandidateName.None;
        }

        /// <summary>Whether a name from <see cref="NameAt"/> is missing or cannot name a credential (no credential word, too long).</summary>
        public bool IsNullOrEmpty(in CandidateName name)
        {
            if (name.IsNull)
            {
                return true;
            }

            var text = name.TextIn(File);
            return name.IsFixed ? text.Length == 0 : text.Length == 0 || text.Length > MaxNameLength || !CredentialNames.MayBeCredentialName(text);
        }

        /// <summary>Whether the token after the string ends the value (so <c>"Bearer " + t</c> is not a whole value).</summary>
        public bool EndsValue(int index, string terminators)
        {
            var raw = RawIndex(index);
            if (raw < 0)
            {
                // Past the end of the file (code indices before the string are never asked for here).
                return true;
            }

            ref readonly var token = ref File.Tokens[raw];
            if (token.Kind == TokenKind.Newline)
            {
                return true;
            }

            if (token.Kind != TokenKind.Punctuation || token.Length != 1)
            {
                return false;
            }

            // A handful of terminators: compared in place rather than searched.
            var c = File.CharAt(token.Start);
            foreach (var terminator in terminators)
            {
                if (terminator == c)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether two code tokens are on different lines.</summary>
        public bool OnDifferentLines(int first, int second) =>
            RawIndex(first) >= 0 && RawIndex(second) >= 0 && File.LineOf(this[first].Start) != File.LineOf(this[second].Start);

        /// <summary>The raw token index of a code index, found by walking out from the nearest known one; -1 when none.</summary>
        private int RawIndex(int index)
        {
            if (index < 0 || index >= _raw.Length)
            {
                return -1;
            }

            while (index > _high)
            {
                var from = _raw[_high];
                _raw[++_high] = from < 0 ? -1 : NextCode(from, 1);
            }

            while (index < _low)
            {
                var from = _raw[_low];
                _raw[--_low] = from < 0 ? -1 : NextCode(from, -1);
            }

            return _raw[index];
        }

        private int NextCode(int rawIndex, int step)
        {
            var tokens = File.Tokens.AsSpan();
            for (var i = rawIndex + step; i >= 0 && i < tokens.Length; i += step)
            {
                var kind = tokens[i].Kind;
                if (kind is not (TokenKind.Comment or TokenKind.Text) && !(_skipNewlines && kind == TokenKind.Newline))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    /// <summary>
    /// The name a literal lands under, without allocating it: a range of the file text, a fixed syntax name
    /// (<c>PASSWORD</c>, <c>IDENTIFIED BY</c>) or none.
    /// </summary>
    protected readonly struct CandidateName
    {
        private readonly int _start;
        private readonly int _length;
        private readonly string? _fixed;

        private CandidateName(int start, int length, string? fixedName)
        {
            _start = start;
            _length = length;
            _fixed = fixedName;
        }

        /// <summary>No name: the literal is not a value under a name.</summary>
        public static CandidateName None => new(-1, 0, null);

        public bool IsNull => _fixed is null && _start < 0;

        /// <summary>A fixed syntax name rather than a range of the file.</summary>
        public bool IsFixed => _fixed is not null;

        public static CandidateName At(int start, int length) => new(start, length, null);

        public static CandidateName Fixed(string name) => new(0, 0, name);

        public ReadOnlySpan<char> TextIn(ScannedFile file) => _fixed is not null ? _fixed.AsSpan() : _start < 0 ? ReadOnlySpan<char>.Empty : file.Slice(_start, _length);
    }
}

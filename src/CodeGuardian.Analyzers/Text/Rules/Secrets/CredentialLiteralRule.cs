using System;
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

        // Indices of code tokens: comments and non-code text do not separate a name from its value.
        var code = new int[tokens.Length];
        var count = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind is not (TokenKind.Comment or TokenKind.Text) && !(SkipNewlines && tokens[i].Kind == TokenKind.Newline))
            {
                code[count++] = i;
            }
        }

        var view = new CodeView(file, code, count);
        for (var c = 0; c < count; c++)
        {
            ref readonly var token = ref tokens[code[c]];
            if (token.Kind != TokenKind.String || token.Has(TokenFlags.Interpolated) || token.Has(TokenFlags.Char) || token.Has(TokenFlags.Unterminated))
            {
                continue;
            }

            var (contentStart, contentLength) = StringLiterals.ContentOf(file, token);
            var content = file.Slice(contentStart, contentLength);
            if (content.Trim().Length == 0)
            {
                continue;
            }

            var name = NameOf(view, c);
            if (name is not null && IsCredentialName(name))
            {
                var value = content.ToString();
                if (CredentialValues.IsRealValue(value, name))
                {
                    Report(context, token, name, "name", Redaction.Describe(value));
                }

                continue;
            }

            if (MayEmbedCredential(content) && EmbeddedCredential.Find(content.ToString(), out var start, out var length, out var what))
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
    protected abstract string? NameOf(CodeView view, int index);

    /// <summary>Whether a name found by <see cref="NameOf"/> names a credential (languages may add fixed syntax names).</summary>
    protected virtual bool IsCredentialName(string name) => CredentialNames.IsCredentialName(name);

    /// <summary>Cheap span test before <see cref="EmbeddedCredential"/> allocates the content.</summary>
    private static bool MayEmbedCredential(ReadOnlySpan<char> content) =>
        (content.IndexOf("://".AsSpan(), StringComparison.Ordinal) >= 0 && content.IndexOf('@') >= 0)
        || (content.IndexOf('=') >= 0 && content.IndexOf(';') >= 0
            && (content.IndexOf("password".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0 || content.IndexOf("pwd".AsSpan(), StringComparison.OrdinalIgnoreCase) >= 0));

    private static void Report(TextRuleContext context, in Token token, string name, string kind, string description)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(NameProperty, name).Add(KindProperty, kind);
        context.ReportWithProperties(Descriptors.HardCodedCredential, token.Start, token.Length, properties, name, description);
    }

    /// <summary>The code tokens of a file by code index, with the comparisons name look-ups need.</summary>
    protected readonly struct CodeView
    {
        private readonly int[] _code;

        public CodeView(ScannedFile file, int[] code, int count)
        {
            File = file;
            _code = code;
            Count = count;
        }

        public ScannedFile File { get; }

        public int Count { get; }

        public Token this[int index] => File.Tokens[_code[index]];

        public bool IsKind(int index, TokenKind kind) => index >= 0 && index < Count && this[index].Kind == kind;

        public bool Is(int index, string text) => index >= 0 && index < Count && File.Is(this[index], text);

        public bool IsIgnoreCase(int index, string text) => index >= 0 && index < Count && File.IsIgnoreCase(this[index], text);

        public bool IsIdentifier(int index) => IsKind(index, TokenKind.Identifier);

        /// <summary>The identifier's text, or a string key's content; null for anything else.</summary>
        public string? NameAt(int index)
        {
            if (IsIdentifier(index))
            {
                var text = File.TextOf(this[index]);
                return MayBeCredential(text) ? text.ToString() : string.Empty;
            }

            if (IsKind(index, TokenKind.String) && !this[index].Has(TokenFlags.Interpolated))
            {
                var (start, length) = StringLiterals.ContentOf(File, this[index]);
                var text = File.Slice(start, length);
                return MayBeCredential(text) ? text.ToString() : string.Empty;
            }

            return null;
        }

        /// <summary>Whether the token after the string ends the value (so <c>"Bearer " + t</c> is not a whole value).</summary>
        public bool EndsValue(int index, string terminators)
        {
            if (index >= Count)
            {
                return true;
            }

            var token = this[index];
            if (token.Kind == TokenKind.Newline)
            {
                return true;
            }

            if (token.Kind != TokenKind.Punctuation || token.Length != 1)
            {
                return false;
            }

            return terminators.IndexOf(File.CharAt(token.Start)) >= 0;
        }

        /// <summary>Whether two code tokens are on different lines.</summary>
        public bool OnDifferentLines(int first, int second) =>
            first >= 0 && second < Count && File.LineOf(this[first].Start) != File.LineOf(this[second].Start);

        private static bool MayBeCredential(ReadOnlySpan<char> name) =>
            name.Length <= 80 && CredentialNames.MayBeCredentialName(name);
    }
}

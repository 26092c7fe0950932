using System;
using System.Threading;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>
/// Classifies a whole file into tokens in one linear pass. Contract for every implementation:
/// never throws on any input (binary, truncated, unterminated constructs end at end of file with
/// <see cref="TokenFlags.Unterminated"/>), runs in time linear in the input, emits tokens in order and
/// without overlap, skips whitespace (except <see cref="TokenKind.Newline"/> where the language needs it),
/// and checks the cancellation token every few thousand characters.
/// </summary>
public interface ILexer
{
    void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken);
}

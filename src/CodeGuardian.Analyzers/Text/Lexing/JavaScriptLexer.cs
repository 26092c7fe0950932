using System;
using System.Threading;

namespace CodeGuardian.Analyzers.Text.Lexing;

/// <summary>Lexer for JavaScript (placeholder until the real one lands: emits no tokens).</summary>
public sealed class JavaScriptLexer : ILexer
{
    public void Tokenize(ReadOnlySpan<char> text, TokenList tokens, CancellationToken cancellationToken)
    {
    }
}

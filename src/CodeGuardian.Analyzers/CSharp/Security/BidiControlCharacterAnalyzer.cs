using System;
using System.Buffers;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>CG4016 in C#: bidirectional control characters in comments, literals or code (Trojan Source).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BidiControlCharacterAnalyzer : DiagnosticAnalyzer
{
    private const int ChunkSize = 8192;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BidiControlCharacter);

    public override void Initialize(AnalysisContext context)
    {
        // Generated code is checked too: a hidden override is as dangerous there.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeAction(AnalyzeTree);
    }

    [MethodImpl(HotPath.Optimize)]
    private static void AnalyzeTree(SyntaxTreeAnalysisContext context)
    {
        var text = context.Tree.GetText(context.CancellationToken);
        var buffer = ArrayPool<char>.Shared.Rent(ChunkSize);
        try
        {
            for (var offset = 0; offset < text.Length; offset += ChunkSize)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(ChunkSize, text.Length - offset);
                text.CopyTo(offset, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                var at = 0;
                while ((at = BidiCharacters.FindNext(chunk, at)) >= 0)
                {
                    Report(context, offset + at, chunk[at]);
                    at++;
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Report(SyntaxTreeAnalysisContext context, int position, char character)
    {
        var root = context.Tree.GetRoot(context.CancellationToken);
        var trivia = root.FindTrivia(position, findInsideTrivia: true);
        var token = root.FindToken(position, findInsideTrivia: true);
        string where;
        if (trivia.Span.Contains(position) && trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
            or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia)
        {
            where = "a comment";
        }
        else if (token.Span.Contains(position) && (token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.CharacterLiteralToken)
            || token.IsKind(SyntaxKind.InterpolatedStringTextToken) || token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
            || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken)))
        {
            where = "a string literal";
        }
        else
        {
            where = token.Parent?.FirstAncestorOrSelf<SyntaxNode>(n => n.IsStructuredTrivia) is not null ? "a comment" : "code";
        }

        var location = Location.Create(context.Tree, new TextSpan(position, 1));
        if (DiagnosticFactory.Create(Descriptors.BidiControlCharacter, location, context.Options, BidiCharacters.CodePoint(character), where) is { } diagnostic)
        {
            context.ReportDiagnostic(diagnostic);
        }
    }
}

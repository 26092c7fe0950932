using System.Collections.Immutable;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Common;

/// <summary>
/// CG1007: a markdown code fence line in code. A fence inside a comment (markdown in doc comments) or inside a
/// string that began on an earlier line (a docstring, a template) is content, not an artifact.
/// </summary>
public sealed class MarkdownFenceRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.AiAssistantArtifact);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Sql or TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        var file = context.File;
        var text = file.Text;
        var position = 0;
        while ((position = MarkdownFence.FindNext(text, position, out var length)) >= 0)
        {
            if (IsInCode(file, position))
            {
                context.Report(Descriptors.AiAssistantArtifact, position, length, file.GetString(position, length));
            }

            position += length;
        }
    }

    private static bool IsInCode(ScannedFile file, int position)
    {
        var index = file.TokenIndexAt(position);
        if (index >= file.Tokens.Count)
        {
            return true;
        }

        ref readonly var token = ref file.Tokens[index];
        if (token.Start >= position)
        {
            // The fence starts a token (or stands between tokens): it is in code.
            return true;
        }

        if (token.Kind == TokenKind.Comment)
        {
            return false;
        }

        // A string that started earlier and closes on the fence's first backtick is the JS lexer reading an
        // opening fence ``` as `` + `; the closing fence pairs with it, so it is a fence too.
        return token.Kind == TokenKind.String && token.Has(TokenFlags.Template) && token.End == position + 1;
    }
}

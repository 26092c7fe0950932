using System.Collections.Immutable;
using CodeGuardian.Analyzers.Comments;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Common;

/// <summary>CG4016: bidirectional control characters anywhere in a text-language file; the message says where.</summary>
public sealed class BidiControlCharacterRule : TextRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BidiControlCharacter);

    public override bool AppliesTo(TextLanguage language) =>
        language is TextLanguage.JavaScript or TextLanguage.Python or TextLanguage.Sql or TextLanguage.Rust;

    public override void Analyze(TextRuleContext context)
    {
        var file = context.File;
        var text = file.Text;
        var position = 0;
        while ((position = BidiCharacters.FindNext(text, position)) >= 0)
        {
            context.Report(Descriptors.BidiControlCharacter, position, 1, BidiCharacters.CodePoint(text[position]), Where(file, position));
            position++;
        }
    }

    private static string Where(ScannedFile file, int position)
    {
        var index = file.TokenIndexAt(position);
        if (index < file.Tokens.Count)
        {
            ref readonly var token = ref file.Tokens[index];
            if (token.Start <= position)
            {
                return token.Kind switch
                {
                    TokenKind.Comment => "a comment",
                    TokenKind.String => "a string literal",
                    _ => "code",
                };
            }
        }

        return "code";
    }
}

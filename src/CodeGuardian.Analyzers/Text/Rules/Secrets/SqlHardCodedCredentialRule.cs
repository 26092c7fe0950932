using System;
using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 for SQL: <c>CREATE LOGIN … WITH PASSWORD = '…'</c>, <c>CREATE/ALTER USER|ROLE … PASSWORD '…'</c>,
/// <c>IDENTIFIED BY '…'</c>, <c>ENCRYPTION BY PASSWORD = '…'</c>, variables <c>DECLARE @pwd … = '…'</c>/<c>SET @password = '…'</c>,
/// and connection strings / URL user-info in any literal (<c>OPENROWSET</c>, linked servers).
/// </summary>
public sealed class SqlHardCodedCredentialRule : CredentialLiteralRule
{
    private const int MaxDeclarationTokens = 8;

    private const string IdentifiedBy = "IDENTIFIED BY";

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Sql;

    protected override bool SkipNewlines => true;

    protected override bool IsCredentialName(ReadOnlySpan<char> name) => name.SequenceEqual(IdentifiedBy.AsSpan()) || base.IsCredentialName(name);

    protected override CandidateName NameOf(CodeView view, int index)
    {
        var before = index - 1;
        if (view.IsIgnoreCase(before, "BY") && view.IsIgnoreCase(before - 1, "IDENTIFIED"))
        {
            return CandidateName.Fixed(IdentifiedBy);
        }

        if (view.IsIgnoreCase(before, "PASSWORD"))
        {
            return CandidateName.Fixed("PASSWORD");
        }

        if (!view.Is(before, "="))
        {
            return CandidateName.None;
        }

        if (view.IsIgnoreCase(before - 1, "PASSWORD"))
        {
            return CandidateName.Fixed("PASSWORD");
        }

        // SET @password = '…' | DECLARE @pwd NVARCHAR(50) = '…' | WHERE api_key = '…'
        for (var k = before - 1; k >= 0 && k >= before - MaxDeclarationTokens; k--)
        {
            if (!view.IsIdentifier(k))
            {
                if (view.Is(k, "(") || view.Is(k, ")") || view.IsKind(k, Lexing.TokenKind.Number))
                {
                    continue;
                }

                return CandidateName.None;
            }

            var text = view.File.TextOf(view[k]);
            // The column or variable right before '=', or the variable a typed DECLARE names.
            if (k == before - 1 || (text.Length > 1 && text[0] == '@'))
            {
                return view.NameAt(k);
            }
        }

        return CandidateName.None;
    }
}

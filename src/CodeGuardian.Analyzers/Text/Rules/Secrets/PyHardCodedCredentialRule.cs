using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 for Python: <c>PASSWORD = '…'</c>, <c>api_key: str = "…"</c>, keyword arguments <c>connect(password="…")</c>,
/// dictionary entries <c>{"client_secret": "…"}</c>, <c>settings["token"] = "…"</c>, and connection strings / URL
/// user-info in any literal. f-strings are not literals.
/// </summary>
public sealed class PyHardCodedCredentialRule : CredentialLiteralRule
{
    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Python;

    protected override CandidateName NameOf(CodeView view, int index)
    {
        // Only a string after '=' or ':' can be a value under a name: most strings (call arguments, list items) are
        // turned down by the token before them, without looking for the token after.
        var afterEquals = view.Is(index - 1, "=");
        if ((!afterEquals && !view.Is(index - 1, ":")) || !view.EndsValue(index + 1, ",)}];"))
        {
            return CandidateName.None;
        }

        if (afterEquals)
        {
            if (view.Is(index - 2, "]") && view.Is(index - 4, "["))
            {
                return view.NameAt(index - 3);
            }

            if (view.IsIdentifier(index - 2))
            {
                // name: str = "…" — the annotation sits between the name and '='.
                return view.Is(index - 3, ":") && view.IsIdentifier(index - 4) ? view.NameAt(index - 4) : view.NameAt(index - 2);
            }

            return CandidateName.None;
        }

        // {"name": "…"} — string keys only: an identifier before ':' is a variable key or an annotation.
        return view.Is(index - 1, ":") && view.IsKind(index - 2, Lexing.TokenKind.String) ? view.NameAt(index - 2) : CandidateName.None;
    }
}

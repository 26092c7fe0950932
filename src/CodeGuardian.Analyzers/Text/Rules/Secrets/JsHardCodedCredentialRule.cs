using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 for JavaScript/TypeScript: <c>const password = "…"</c>, <c>this.apiKey = '…'</c>, default parameters,
/// object literals <c>{ apiKey: '…' }</c>/<c>{ "client_secret": "…" }</c>, <c>config["token"] = "…"</c>, and
/// connection strings / URL user-info in any literal. Template literals without <c>${}</c> count as literals.
/// </summary>
public sealed class JsHardCodedCredentialRule : CredentialLiteralRule
{
    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.JavaScript;

    protected override CandidateName NameOf(CodeView view, int index)
    {
        // The name first: most strings have none, and then the lines need not be looked up.
        var name = NameBefore(view, index);
        return name.IsNull || (!view.EndsValue(index + 1, ";,)}]") && !view.OnDifferentLines(index, index + 1)) ? CandidateName.None : name;
    }

    private static CandidateName NameBefore(CodeView view, int index)
    {
        // name = "…" | obj.name = "…" | name: Type = "…" (TS)
        if (view.Is(index - 1, "="))
        {
            if (view.Is(index - 2, "]") && view.Is(index - 4, "["))
            {
                return view.NameAt(index - 3);
            }

            if (view.IsIdentifier(index - 2))
            {
                var name = view.NameAt(index - 2);
                if (!view.IsNullOrEmpty(name) || !view.Is(index - 3, ":"))
                {
                    return name;
                }

                return view.NameAt(index - 4);
            }

            return CandidateName.None;
        }

        // { name: "…" } | { "name": "…" } — not the ':' of a ternary.
        if (view.Is(index - 1, ":") && !view.Is(index - 3, "?"))
        {
            return view.NameAt(index - 2);
        }

        return CandidateName.None;
    }
}

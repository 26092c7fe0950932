using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Analyzers.Text.Rules.Secrets;

/// <summary>
/// CG4007 for Rust: <c>let password = "…";</c>, <c>const API_KEY: &amp;str = "…";</c>, struct fields
/// <c>Config { token: "…".to_string() }</c>, <c>String::from("…")</c>/<c>.to_string()</c>/<c>.into()</c> wrappers, and
/// connection strings / URL user-info in any literal (raw strings included).
/// </summary>
public sealed class RsHardCodedCredentialRule : CredentialLiteralRule
{
    /// <summary>How many tokens of a type annotation (<c>&amp;'static str</c>) are walked back over.</summary>
    private const int MaxTypeTokens = 8;

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Rust;

    protected override CandidateName NameOf(CodeView view, int index)
    {
        var before = index - 1;

        // String::from("…") / String::new… : step back over the wrapper.
        if (view.Is(before, "(") && view.Is(before - 1, "from") && view.Is(before - 2, "::") && view.Is(before - 3, "String"))
        {
            if (!view.Is(index + 1, ")"))
            {
                return CandidateName.None;
            }

            before -= 4;
            index++;
        }

        var next = index + 1;
        if (view.Is(next, ".") && (view.Is(next + 1, "to_string") || view.Is(next + 1, "to_owned") || view.Is(next + 1, "into")) && view.Is(next + 2, "(") && view.Is(next + 3, ")"))
        {
            next += 4;
        }

        if (!view.EndsValue(next, ";,)}]"))
        {
            return CandidateName.None;
        }

        if (view.Is(before, "="))
        {
            // const NAME: &str = "…" / static NAME: &'static str = "…" / let name: String = …
            for (var k = before - 1; k >= 0 && k >= before - MaxTypeTokens; k--)
            {
                if (view.Is(k, ":") && view.IsIdentifier(k - 1))
                {
                    return view.NameAt(k - 1);
                }

                if (view.Is(k, ";") || view.Is(k, "{") || view.Is(k, "}") || view.Is(k, "=") || view.Is(k, "let") || view.Is(k, "const") || view.Is(k, "static"))
                {
                    break;
                }
            }

            return view.IsIdentifier(before - 1) ? view.NameAt(before - 1) : CandidateName.None;
        }

        // Struct literal field: Config { password: "…" }.
        return view.Is(before, ":") && view.IsIdentifier(before - 1) ? view.NameAt(before - 1) : CandidateName.None;
    }
}

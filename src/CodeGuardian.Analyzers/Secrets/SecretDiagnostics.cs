using System.Collections.Immutable;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Secrets;

/// <summary>What C# and text reporting of secret findings share: property names and the allowlist option.</summary>
public static class SecretDiagnostics
{
    /// <summary>Diagnostic property: "high" for provider formats, "low" for random-looking values under credential names.</summary>
    public const string ConfidenceProperty = "confidence";

    /// <summary>Diagnostic property: the kind of secret, e.g. "GitHub personal access token".</summary>
    public const string KindProperty = "kind";

    public static ImmutableDictionary<string, string?> PropertiesOf(in SecretFinding finding) =>
        ImmutableDictionary<string, string?>.Empty
            .Add(ConfidenceProperty, finding.ConfidenceText)
            .Add(KindProperty, finding.Kind);

    /// <summary>The allowlist for a file: <c>codeguardian.CG4008.allowlist = regex</c> adds the user's pattern.</summary>
    public static SecretAllowlist AllowlistFor(RuleOptions options) =>
        options.TryGetValue(RuleIdentifiers.KnownSecretToken, SecretAllowlist.OptionName, out var pattern) ? SecretAllowlist.For(pattern) : SecretAllowlist.Default;
}

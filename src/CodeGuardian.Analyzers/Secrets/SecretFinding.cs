namespace CodeGuardian.Analyzers.Secrets;

/// <summary>How sure the engine is that a value is a live secret.</summary>
public enum SecretConfidence : byte
{
    /// <summary>A random-looking value under a credential name: no provider format proves it.</summary>
    Low,

    /// <summary>A provider's token format (prefix, length, alphabet) with enough entropy.</summary>
    High,
}

/// <summary>
/// One secret found in a text: where it is, what kind it is and a <see cref="Redaction"/> description. It never holds
/// the value itself, so nothing downstream (messages, properties, SARIF) can print it.
/// </summary>
public readonly struct SecretFinding
{
    public SecretFinding(int start, int length, string kind, string description, SecretConfidence confidence)
    {
        Start = start;
        Length = length;
        Kind = kind;
        Description = description;
        Confidence = confidence;
    }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>What the value is, e.g. "GitHub personal access token".</summary>
    public string Kind { get; }

    /// <summary>Length, at most two leading characters and a fingerprint — never the value.</summary>
    public string Description { get; }

    public SecretConfidence Confidence { get; }

    /// <summary>"high" or "low", as printed in messages and the <c>confidence</c> diagnostic property.</summary>
    public string ConfidenceText => Confidence == SecretConfidence.High ? "high" : "low";
}

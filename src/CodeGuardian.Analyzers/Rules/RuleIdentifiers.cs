namespace CodeGuardian.Analyzers.Rules;

/// <summary>
/// Every diagnostic ID of the package. IDs are public API (editorconfig keys, pragmas, baselines, CI gates):
/// never renumber, never reuse. Ranges per category are checked by DiagnosticCategoryAndIdRanges.txt.
/// </summary>
public static class RuleIdentifiers
{
    // CG1xxx — Maintainability: unfinished work and generated-code leftovers.
    public const string TodoComment = "CG1001";
    public const string FixmeComment = "CG1002";
    public const string HackComment = "CG1003";
    public const string BugComment = "CG1004";
    public const string NotImplementedPlaceholder = "CG1005";
    public const string ElidedCode = "CG1006";
    public const string AiAssistantArtifact = "CG1007";

    // CG2xxx — Production: non-production leftovers.
    public const string DebugOutput = "CG2001";
    public const string DebuggerBreak = "CG2002";
    public const string BrowserDialog = "CG2003";
    public const string DevelopmentEndpoint = "CG2004";
    public const string PanickingCall = "CG2005";

    // CG3xxx — Reliability: error handling and async.
    public const string SwallowedException = "CG3001";
    public const string OverBroadCatch = "CG3002";
    public const string AsyncVoid = "CG3003";
    public const string BlockingOnAsync = "CG3004";
    public const string BlockingSleepInAsync = "CG3005";

    // CG4xxx — Security.
    public const string SqlInjection = "CG4001";
    public const string CommandInjection = "CG4002";
    public const string HtmlInjection = "CG4003";
    public const string DynamicCodeExecution = "CG4004";
    public const string PathTraversal = "CG4005";
    public const string UnsafeDeserialization = "CG4006";
    public const string HardCodedCredential = "CG4007";
    public const string KnownSecretToken = "CG4008";
    public const string WeakHash = "CG4009";
    public const string WeakCipher = "CG4010";
    public const string InsecureRandomness = "CG4011";
    public const string CertificateValidationDisabled = "CG4012";
    public const string UnsafeRust = "CG4013";
    public const string DebugModeEnabled = "CG4014";
    public const string OverBroadGrant = "CG4015";
    public const string BidiControlCharacter = "CG4016";

    // CG5xxx — Performance and data access.
    public const string QueryInLoop = "CG5001";
    public const string SelectStar = "CG5002";
    public const string UpdateDeleteWithoutWhere = "CG5003";

    // CG6xxx — Dependencies.
    public const string UndeclaredImport = "CG6001";

    // CG9xxx — The tool itself.
    public const string InvalidConfiguration = "CG9001";
    public const string FileSkipped = "CG9002";
    public const string CustomRule = "CG9100";
}

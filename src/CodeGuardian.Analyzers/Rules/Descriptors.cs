using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Rules;

/// <summary>
/// Every descriptor of the package, one per ID, shared by the C# rules and the text rules: one ID is one
/// concept in every language. Message arguments are documented per rule; none may carry a secret value.
/// </summary>
public static class Descriptors
{
    private const string AllFive = "cs js py sql rs";

    // ---- CG1xxx Maintainability ------------------------------------------------------------------------
    // {0}: the comment text around the tag, shortened.
    public static readonly DiagnosticDescriptor TodoComment = DescriptorFactory.Create(
        RuleIdentifiers.TodoComment, "TODO comment",
        "TODO comment left in code: '{0}'; finish the work or track it in an issue",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "A TODO task tag marks work that was planned but not done. Shipping it hides unfinished behaviour.",
        AllFive);

    public static readonly DiagnosticDescriptor FixmeComment = DescriptorFactory.Create(
        RuleIdentifiers.FixmeComment, "FIXME comment",
        "FIXME comment left in code: '{0}'; fix the defect or track it in an issue",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "A FIXME task tag marks code its author knew to be broken.",
        AllFive);

    public static readonly DiagnosticDescriptor HackComment = DescriptorFactory.Create(
        RuleIdentifiers.HackComment, "HACK comment",
        "HACK comment left in code: '{0}'; replace the workaround or document why it must stay",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "A HACK task tag marks a workaround its author did not consider fit to keep.",
        AllFive);

    public static readonly DiagnosticDescriptor BugComment = DescriptorFactory.Create(
        RuleIdentifiers.BugComment, "BUG / XXX comment",
        "Known-defect marker left in code: '{0}'; resolve it or track it in an issue",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "BUG: and XXX markers flag known defects or dangerous code that was left for later.",
        AllFive);

    // {0}: the construct, e.g. "throw new NotImplementedException()", "todo!()".
    public static readonly DiagnosticDescriptor NotImplementedPlaceholder = DescriptorFactory.Create(
        RuleIdentifiers.NotImplementedPlaceholder, "Not-implemented placeholder",
        "Not-implemented placeholder '{0}' will fail at run time; implement it before shipping",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "A placeholder that throws or panics stands where an implementation is missing.",
        "cs js py rs");

    // {0}: the comment text, shortened.
    public static readonly DiagnosticDescriptor ElidedCode = DescriptorFactory.Create(
        RuleIdentifiers.ElidedCode, "Elided or placeholder code",
        "Comment stands for code that is missing: '{0}'; write or restore the elided code",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "Comments such as '... rest of the code' or 'your code here' are left by code generators and copy-paste; the code they stand for is not there.",
        AllFive);

    // {0}: the artifact text, shortened.
    public static readonly DiagnosticDescriptor AiAssistantArtifact = DescriptorFactory.Create(
        RuleIdentifiers.AiAssistantArtifact, "AI-assistant artifact",
        "Chat-assistant text left in source: '{0}'; remove it and review the code it came with",
        RuleCategories.Maintainability, RuleLevel.BuildWarning,
        "Phrases and markdown fences produced by a chat assistant show that generated code was pasted without review.",
        AllFive);

    // ---- CG2xxx Production -----------------------------------------------------------------------------
    // {0}: the call, e.g. "Console.WriteLine", "console.log", "print", "dbg!".
    public static readonly DiagnosticDescriptor DebugOutput = DescriptorFactory.Create(
        RuleIdentifiers.DebugOutput, "Debug output",
        "Debug output '{0}' left in production code; use a logger or remove it",
        RuleCategories.Production, RuleLevel.BuildWarning,
        "Writing to the console from library, web or module code bypasses logging configuration, leaks data and costs performance.",
        "cs js py rs");

    // {0}: the construct, e.g. "Debugger.Break()", "debugger", "breakpoint()".
    public static readonly DiagnosticDescriptor DebuggerBreak = DescriptorFactory.Create(
        RuleIdentifiers.DebuggerBreak, "Debugger break",
        "Debugger break '{0}' left in code; remove it before shipping",
        RuleCategories.Production, RuleLevel.BuildWarning,
        "A debugger statement stops or hangs the program wherever a debugger (or none) is attached.",
        "cs js py");

    // {0}: "alert", "confirm" or "prompt".
    public static readonly DiagnosticDescriptor BrowserDialog = DescriptorFactory.Create(
        RuleIdentifiers.BrowserDialog, "Browser dialog",
        "Browser dialog '{0}(…)' blocks the page; use an in-page UI component instead",
        RuleCategories.Production, RuleLevel.BuildWarning,
        "alert, confirm and prompt block the page, cannot be styled and are usually debugging leftovers.",
        "js");

    // {0}: the host, e.g. "localhost:5000".
    public static readonly DiagnosticDescriptor DevelopmentEndpoint = DescriptorFactory.Create(
        RuleIdentifiers.DevelopmentEndpoint, "Hard-coded development endpoint",
        "Hard-coded development endpoint '{0}'; read the address from configuration",
        RuleCategories.Production, RuleLevel.BuildWarning,
        "Loopback, wildcard and staging/dev host names in code only work on a developer's machine or leak environments.",
        "cs js py rs");

    // {0}: the call, e.g. ".unwrap()", "panic!".
    public static readonly DiagnosticDescriptor PanickingCall = DescriptorFactory.Create(
        RuleIdentifiers.PanickingCall, "Panicking call in library code",
        "Panicking call '{0}' in library code; return or propagate an error instead",
        RuleCategories.Production, RuleLevel.BuildWarning,
        "unwrap, expect, panic! and unreachable! abort the caller's thread on unexpected input.",
        "rs");

    // ---- CG3xxx Reliability ----------------------------------------------------------------------------
    // {0}: the construct, e.g. "empty catch block", "except: pass", ".catch(() => {})".
    public static readonly DiagnosticDescriptor SwallowedException = DescriptorFactory.Create(
        RuleIdentifiers.SwallowedException, "Swallowed exception",
        "Exception swallowed by {0}; log it, handle it or rethrow it",
        RuleCategories.Reliability, RuleLevel.BuildWarning,
        "An error handler that does nothing hides failures and makes incidents impossible to diagnose.",
        "cs js py");

    // {0}: the construct, e.g. "catch (Exception)", "bare except:".
    public static readonly DiagnosticDescriptor OverBroadCatch = DescriptorFactory.Create(
        RuleIdentifiers.OverBroadCatch, "Over-broad catch",
        "'{0}' catches every exception but neither rethrows nor uses it; catch the specific exceptions you expect",
        RuleCategories.Reliability, RuleLevel.BuildWarning,
        "Catching everything without looking at it also catches programming errors and cancellation.",
        "cs py");

    // {0}: the method or lambda description.
    public static readonly DiagnosticDescriptor AsyncVoid = DescriptorFactory.Create(
        RuleIdentifiers.AsyncVoid, "async void method",
        "{0} is async void: its exceptions crash the process and callers cannot await it; return Task",
        RuleCategories.Reliability, RuleLevel.BuildWarning,
        "async void is only meant for event handlers.",
        "cs");

    // {0}: the blocking member, e.g. ".Result", ".Wait()", ".GetAwaiter().GetResult()".
    public static readonly DiagnosticDescriptor BlockingOnAsync = DescriptorFactory.Create(
        RuleIdentifiers.BlockingOnAsync, "Blocking on async code",
        "'{0}' blocks on a task inside async code, which can deadlock and wastes a thread; await it instead",
        RuleCategories.Reliability, RuleLevel.BuildWarning,
        "Blocking waits inside async code cause thread-pool starvation and deadlocks under synchronization contexts.",
        "cs");

    // {0}: the sleep call; {1}: the asynchronous replacement.
    public static readonly DiagnosticDescriptor BlockingSleepInAsync = DescriptorFactory.Create(
        RuleIdentifiers.BlockingSleepInAsync, "Blocking sleep in async code",
        "'{0}' blocks a thread inside async code; use '{1}' instead",
        RuleCategories.Reliability, RuleLevel.BuildWarning,
        "A blocking sleep inside async code stalls the thread (or the event loop) that other work needs.",
        "cs py");

    // ---- CG4xxx Security -------------------------------------------------------------------------------
    // {0}: the sink; {1}: how the string is built, e.g. "an interpolated string".
    public static readonly DiagnosticDescriptor SqlInjection = DescriptorFactory.Create(
        RuleIdentifiers.SqlInjection, "SQL built from untrusted strings",
        "'{0}' receives SQL built from {1}; pass the values as parameters instead",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "SQL text assembled from run-time values lets input change the query (SQL injection).",
        "cs js py rs sql", "CWE-89 OWASP-A03");

    public static readonly DiagnosticDescriptor CommandInjection = DescriptorFactory.Create(
        RuleIdentifiers.CommandInjection, "OS command built from untrusted strings",
        "'{0}' receives a command built from {1}; run a fixed program with an argument list and no shell",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "A shell command assembled from run-time values lets input run other commands (command injection).",
        "cs js py rs", "CWE-78 OWASP-A03");

    public static readonly DiagnosticDescriptor HtmlInjection = DescriptorFactory.Create(
        RuleIdentifiers.HtmlInjection, "HTML built from untrusted strings",
        "'{0}' receives HTML built from {1}; encode the value or sanitize it first",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Markup assembled from run-time values and emitted without encoding enables cross-site scripting.",
        "cs js py", "CWE-79 OWASP-A03");

    public static readonly DiagnosticDescriptor DynamicCodeExecution = DescriptorFactory.Create(
        RuleIdentifiers.DynamicCodeExecution, "Dynamic code execution",
        "'{0}' executes code from {1}; parse data instead of evaluating it",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Evaluating strings as code lets input run arbitrary code.",
        "js py", "CWE-95 OWASP-A03");

    // {0}: the file-system sink; {1}: the request input.
    public static readonly DiagnosticDescriptor PathTraversal = DescriptorFactory.Create(
        RuleIdentifiers.PathTraversal, "Path built from request input",
        "'{0}' receives a path from request input '{1}'; reduce it to a file name and validate it",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "File paths built from request input can escape the intended folder (path traversal).",
        "cs js py", "CWE-22 OWASP-A01");

    // {0}: the deserializer; {1}: the safe alternative.
    public static readonly DiagnosticDescriptor UnsafeDeserialization = DescriptorFactory.Create(
        RuleIdentifiers.UnsafeDeserialization, "Unsafe deserialization",
        "'{0}' can instantiate attacker-chosen types from untrusted data; use {1}",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Deserializers that resolve types from the payload allow remote code execution.",
        "cs js py", "CWE-502 OWASP-A08");

    // {0}: the credential name; {1}: the redacted value description (never the value).
    public static readonly DiagnosticDescriptor HardCodedCredential = DescriptorFactory.Create(
        RuleIdentifiers.HardCodedCredential, "Hard-coded credential",
        "Hard-coded credential in '{0}' ({1}); load it from a secret store or the environment",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Credentials in source control are readable by everyone with access to the repository and its history.",
        "cs js py sql rs cfg", "CWE-798 OWASP-A07");

    // {0}: the token kind; {1}: the redacted value description; {2}: confidence.
    public static readonly DiagnosticDescriptor KnownSecretToken = DescriptorFactory.Create(
        RuleIdentifiers.KnownSecretToken, "Known secret token",
        "{0} found ({1}, {2} confidence); revoke it and load it from a secret store",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "A token in a provider's known format grants access to that provider; once committed it must be rotated.",
        "cs js py sql rs cfg", "CWE-798 OWASP-A07");

    // {0}: the algorithm construct.
    public static readonly DiagnosticDescriptor WeakHash = DescriptorFactory.Create(
        RuleIdentifiers.WeakHash, "Weak hash algorithm",
        "Weak hash algorithm '{0}'; use SHA-256 or stronger (for passwords, a key-derivation function)",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "MD5 and SHA-1 are broken for collision resistance and must not protect integrity or passwords.",
        AllFive, "CWE-327 CWE-328 OWASP-A02");

    public static readonly DiagnosticDescriptor WeakCipher = DescriptorFactory.Create(
        RuleIdentifiers.WeakCipher, "Weak cipher or mode",
        "Weak cipher or mode '{0}'; use AES-GCM, or AES-CBC with a random IV and a MAC",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "DES, 3DES, RC2, RC4, Blowfish, ECB mode and constant IVs do not protect confidentiality.",
        "cs js py", "CWE-327 OWASP-A02");

    // {0}: the random source; {1}: the security-sensitive name it flows into.
    public static readonly DiagnosticDescriptor InsecureRandomness = DescriptorFactory.Create(
        RuleIdentifiers.InsecureRandomness, "Insecure randomness for a secret",
        "'{0}' is predictable but produces the security value '{1}'; use a cryptographic random number generator",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Non-cryptographic generators are predictable; tokens, keys, salts and codes made with them can be guessed.",
        "cs js py", "CWE-338 OWASP-A02");

    public static readonly DiagnosticDescriptor CertificateValidationDisabled = DescriptorFactory.Create(
        RuleIdentifiers.CertificateValidationDisabled, "TLS certificate validation disabled",
        "TLS certificate validation is disabled by '{0}'; validate certificates against a trusted CA or a pin",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Without certificate validation any network attacker can impersonate the server.",
        "cs js py rs", "CWE-295 OWASP-A07");

    public static readonly DiagnosticDescriptor UnsafeRust = DescriptorFactory.Create(
        RuleIdentifiers.UnsafeRust, "Unsafe Rust",
        "Unsafe Rust: '{0}'; review its invariants and document them in a SAFETY comment",
        RuleCategories.Security, RuleLevel.IdeSuggestion,
        "unsafe code opts out of Rust's memory-safety guarantees and needs review.",
        "rs", "CWE-119");

    public static readonly DiagnosticDescriptor DebugModeEnabled = DescriptorFactory.Create(
        RuleIdentifiers.DebugModeEnabled, "Debug mode enabled in production code",
        "Debug mode enabled by '{0}'; guard it by environment",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Debug pages and debug servers expose stack traces, configuration and sometimes a code console.",
        "cs py", "CWE-489 CWE-215 OWASP-A05");

    public static readonly DiagnosticDescriptor OverBroadGrant = DescriptorFactory.Create(
        RuleIdentifiers.OverBroadGrant, "Over-broad database grant",
        "Over-broad database grant '{0}'; grant only the permissions the principal needs",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "GRANT ALL, grants to PUBLIC and WITH GRANT OPTION give away more than any application needs.",
        "sql", "CWE-250 OWASP-A01");

    // {0}: the code point as hex, e.g. "202E"; {1}: where it stands (comment, string, code).
    public static readonly DiagnosticDescriptor BidiControlCharacter = DescriptorFactory.Create(
        RuleIdentifiers.BidiControlCharacter, "Bidirectional control character in source",
        "Bidirectional control character U+{0} in {1} can make code read differently than it compiles (Trojan Source); remove it",
        RuleCategories.Security, RuleLevel.BuildWarning,
        "Unicode bidirectional overrides reorder how code is displayed (CVE-2021-42574).",
        AllFive, "CWE-451");

    // ---- CG5xxx Performance ----------------------------------------------------------------------------
    // {0}: the query call; {1}: the loop kind.
    public static readonly DiagnosticDescriptor QueryInLoop = DescriptorFactory.Create(
        RuleIdentifiers.QueryInLoop, "Database query inside a loop (N+1)",
        "'{0}' runs a database query inside a {1} loop (N+1); load the data in one batched query before the loop",
        RuleCategories.Performance, RuleLevel.BuildWarning,
        "One query per loop iteration multiplies round trips with the data size.",
        "cs js py");

    public static readonly DiagnosticDescriptor SelectStar = DescriptorFactory.Create(
        RuleIdentifiers.SelectStar, "SELECT *",
        "SELECT * reads every column, including ones added later; list the columns the code needs",
        RuleCategories.Performance, RuleLevel.IdeSuggestion,
        "SELECT * couples code to the table layout, defeats covering indexes and transfers unused data.",
        "sql cs js py rs");

    // {0}: "UPDATE" or "DELETE".
    public static readonly DiagnosticDescriptor UpdateDeleteWithoutWhere = DescriptorFactory.Create(
        RuleIdentifiers.UpdateDeleteWithoutWhere, "UPDATE/DELETE without WHERE",
        "{0} without WHERE changes every row of the table; add a WHERE clause",
        RuleCategories.Performance, RuleLevel.BuildWarning,
        "A data-changing statement without a filter is almost always a mistake with unrecoverable effects.",
        "sql cs js py rs");

    // ---- CG6xxx Dependencies ---------------------------------------------------------------------------
    // {0}: the imported package; {1}: the manifest that was checked.
    public static readonly DiagnosticDescriptor UndeclaredImport = DescriptorFactory.Create(
        RuleIdentifiers.UndeclaredImport, "Import of an undeclared package",
        "'{0}' is imported but not declared in '{1}'; declare it, or check that the package really exists",
        RuleCategories.Dependencies, RuleLevel.BuildWarning,
        "An import of a package that no manifest declares is a missing dependency or an invented (hallucinated) name that an attacker can register.",
        "js py rs");

    // ---- CG9xxx Configuration --------------------------------------------------------------------------
    // {0}: what is wrong and what was done instead.
    public static readonly DiagnosticDescriptor InvalidConfiguration = DescriptorFactory.Create(
        RuleIdentifiers.InvalidConfiguration, "Invalid CodeGuardian configuration",
        "Invalid CodeGuardian configuration: {0}",
        RuleCategories.Configuration, RuleLevel.BuildWarning,
        "A configuration value, custom rule or baseline could not be used; the rest of the analysis goes on.",
        "cs js py sql rs cfg");

    // {0}: the file name; {1}: the reason.
    public static readonly DiagnosticDescriptor FileSkipped = DescriptorFactory.Create(
        RuleIdentifiers.FileSkipped, "File skipped",
        "'{0}' was not scanned: {1}",
        RuleCategories.Configuration, RuleLevel.IdeSuggestion,
        "A file was not analyzed because it is too large, binary or not decodable.",
        "js py sql rs cfg");

    // {0}: the custom rule's id; {1}: its name; {2}: its message.
    public static readonly DiagnosticDescriptor CustomRule = DescriptorFactory.Create(
        RuleIdentifiers.CustomRule, "Custom rule",
        "{0} {1}: {2}",
        RuleCategories.Configuration, RuleLevel.BuildWarning,
        "A match of a rule defined in codeguardian.rules.json.",
        "js py sql rs cfg");
}

namespace CodeGuardian.Analyzers.Rules;

/// <summary>
/// The single knob a rule author sets; default severity and enabled-by-default both derive from it,
/// so the two can never disagree.
/// </summary>
public enum RuleLevel
{
    /// <summary>Fails a build with warnings as errors off too: reserved for findings that must never ship.</summary>
    BuildError,

    /// <summary>Warning in the build and the IDE.</summary>
    BuildWarning,

    /// <summary>IDE suggestion (info): visible in the IDE and the error log, not a build warning.</summary>
    IdeSuggestion,

    /// <summary>Off unless the user (or a preset) turns it on.</summary>
    Disabled,
}

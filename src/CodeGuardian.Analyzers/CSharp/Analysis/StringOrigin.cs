namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>How a string value was built, as far as one method body shows.</summary>
internal enum StringOrigin
{
    /// <summary>Only literals, constants, nameof, and concatenation/interpolation/format of those.</summary>
    Constant,

    /// <summary>An interpolated string with at least one non-constant hole.</summary>
    Interpolation,

    /// <summary>A <c>+</c>, <c>+=</c> or <c>string.Concat</c> with a non-constant operand.</summary>
    Concatenation,

    /// <summary>A <c>string.Format</c> call with a non-constant format or argument.</summary>
    Format,

    /// <summary>Anything else: parameters, fields, properties, method results.</summary>
    NonConstant,
}

internal static class StringOriginText
{
    /// <summary>The phrase the messages use: "'X' receives SQL built from {this}".</summary>
    public static string Describe(StringOrigin origin) => origin switch
    {
        StringOrigin.Interpolation => "an interpolated string",
        StringOrigin.Concatenation => "string concatenation",
        StringOrigin.Format => "string.Format",
        StringOrigin.Constant => "a constant",
        _ => "a non-constant value",
    };
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Languages;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Python;

/// <summary>
/// Base of the Python text rules: applies to Python files only, hands the rule the shared
/// <see cref="PyModule"/> of the file, and skips the work when the rule's descriptor is disabled.
/// </summary>
public abstract class PythonRule : TextRule
{
    protected abstract DiagnosticDescriptor Descriptor { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Descriptor);

    public override bool AppliesTo(TextLanguage language) => language == TextLanguage.Python;

    public sealed override void Analyze(TextRuleContext context)
    {
        if (context.File.Tokens.Count == 0 || !context.IsEnabled(Descriptor))
        {
            return;
        }

        Analyze(context, PyModule.For(context.File));
    }

    protected abstract void Analyze(TextRuleContext context, PyModule module);

    /// <summary>Reports tokens [<paramref name="first"/>..<paramref name="last"/>] (inclusive) as the span.</summary>
    protected void ReportTokens(TextRuleContext context, PyModule module, int first, int last, params object?[] args)
    {
        var start = module[first].Start;
        var end = module[last].End;
        context.Report(Descriptor, start, end - start, args);
    }

    /// <summary>Reports the whole call: its dotted name through its closing parenthesis.</summary>
    protected void ReportCall(TextRuleContext context, PyModule module, in PyCall call, params object?[] args) =>
        ReportTokens(context, module, call.NameStart, call.LastToken, args);

    /// <summary>The call's dotted name as written, for messages.</summary>
    protected static string NameOf(PyModule module, in PyCall call) => module.TextOf(call.NameStart, call.NameEnd);
}

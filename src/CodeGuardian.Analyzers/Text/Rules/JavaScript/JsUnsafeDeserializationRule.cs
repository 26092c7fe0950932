using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.JavaScript;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.JavaScript;

/// <summary>
/// CG4006: <c>unserialize(</c> of the <c>node-serialize</c> package (which evaluates functions embedded in the payload),
/// reached through the module object, an alias, a destructured name, or any <c>.unserialize(</c> in a file that
/// imports the package.
/// </summary>
public sealed class JsUnsafeDeserializationRule : JsRule
{
    private const string Module = "node-serialize";
    private static readonly string[] Members = { "unserialize" };

    protected override DiagnosticDescriptor Descriptor => Descriptors.UnsafeDeserialization;

    protected override void Analyze(TextRuleContext context, JsSyntax syntax)
    {
        var imported = syntax.ImportsModule(Module);
        if (syntax.HasRenamedImport(Module, Members))
        {
            // unserialize imported under another name: any identifier may be the call.
            for (var i = 0; i < syntax.Count; i++)
            {
                if (syntax[i].Kind == Lexing.TokenKind.Identifier)
                {
                    Check(context, syntax, i, imported);
                }
            }

            return;
        }

        foreach (var i in syntax.Find("unserialize"))
        {
            Check(context, syntax, i, imported);
        }
    }

    private void Check(TextRuleContext context, JsSyntax syntax, int i, bool imported)
    {
        if (syntax.CallParenthesis(i) < 0)
        {
            return;
        }

        var matches = syntax.IsModuleMember(i, Module, "unserialize")
            || (imported && syntax.IsPropertyName(i) && syntax.IsIdentifier(i, "unserialize"));
        if (matches)
        {
            var first = CalleeStart(syntax, i);
            Report(context, syntax, first, i, "node-serialize unserialize", "JSON.parse and validate the result");
        }
    }
}

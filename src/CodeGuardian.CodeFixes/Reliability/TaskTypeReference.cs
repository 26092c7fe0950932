using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CodeGuardian.CodeFixes.Reliability;

/// <summary>
/// How to write <c>System.Threading.Tasks.Task</c> at a position: <c>Task</c> when that name already binds to it,
/// <c>Task</c> plus a new <c>using System.Threading.Tasks;</c> when nothing named Task is in scope, and the
/// fully qualified name when another <c>Task</c> would capture the short one.
/// </summary>
internal readonly struct TaskTypeReference
{
    private const string TasksNamespace = "System.Threading.Tasks";

    private TaskTypeReference(TypeSyntax type, bool needsUsing)
    {
        Type = type;
        NeedsUsing = needsUsing;
    }

    public TypeSyntax Type { get; }

    public bool NeedsUsing { get; }

    /// <summary>Null when the compilation has no Task type (the fix cannot be offered).</summary>
    public static TaskTypeReference? At(SemanticModel model, int position)
    {
        var task = model.Compilation.GetTypeByMetadataName(TasksNamespace + ".Task");
        if (task is null)
        {
            return null;
        }

        // "Task" finds Task`1 too; only what the non-generic name would bind to matters.
        ISymbol? bound = null;
        var ambiguous = false;
        foreach (var symbol in model.LookupNamespacesAndTypes(position, name: "Task"))
        {
            if (symbol is INamedTypeSymbol { Arity: > 0 })
            {
                continue;
            }

            ambiguous |= bound is not null;
            bound = symbol;
        }

        if (bound is null)
        {
            return new TaskTypeReference(SyntaxFactory.IdentifierName("Task"), needsUsing: true);
        }

        if (!ambiguous && SymbolEqualityComparer.Default.Equals(bound, task))
        {
            return new TaskTypeReference(SyntaxFactory.IdentifierName("Task"), needsUsing: false);
        }

        return new TaskTypeReference(SyntaxFactory.ParseTypeName("global::" + TasksNamespace + ".Task"), needsUsing: false);
    }

    /// <summary>Adds <c>using System.Threading.Tasks;</c> to the compilation unit, in sorted position when the usings are sorted.</summary>
    public static CompilationUnitSyntax AddUsing(CompilationUnitSyntax root)
    {
        foreach (var existing in root.Usings)
        {
            if (existing.Alias is null && existing.StaticKeyword.IsKind(SyntaxKind.None) && existing.Name?.ToString() == TasksNamespace)
            {
                return root;
            }
        }

        var endOfLine = FirstEndOfLine(root);
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(TasksNamespace))
            .WithUsingKeyword(SyntaxFactory.Token(SyntaxKind.UsingKeyword).WithTrailingTrivia(SyntaxFactory.Space))
            .WithTrailingTrivia(endOfLine);

        if (root.Usings.Count == 0)
        {
            // Take over the file header (comments) from the first member, and keep a blank line after the using.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            var header = firstToken.LeadingTrivia;
            var newRoot = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia());
            directive = directive.WithLeadingTrivia(header).WithTrailingTrivia(endOfLine, endOfLine);
            return newRoot.WithUsings(newRoot.Usings.Add(directive));
        }

        var index = root.Usings.Count;
        for (var i = 0; i < root.Usings.Count; i++)
        {
            var name = root.Usings[i].Name?.ToString();
            if (root.Usings[i].Alias is null && root.Usings[i].StaticKeyword.IsKind(SyntaxKind.None) && name is not null
                && string.CompareOrdinal(name, TasksNamespace) > 0)
            {
                index = i;
                break;
            }
        }

        if (index == 0)
        {
            // The new first using takes the file header from the old first one.
            var first = root.Usings[0];
            directive = directive.WithLeadingTrivia(first.GetLeadingTrivia());
            root = root.ReplaceNode(first, first.WithLeadingTrivia());
        }

        return root.WithUsings(root.Usings.Insert(index, directive));
    }

    private static SyntaxTrivia FirstEndOfLine(SyntaxNode root)
    {
        foreach (var trivia in root.DescendantTrivia())
        {
            if (trivia.IsKind(SyntaxKind.EndOfLineTrivia))
            {
                return trivia;
            }
        }

        return SyntaxFactory.LineFeed;
    }
}

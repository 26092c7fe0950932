using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Comments;

/// <summary>A finding inside a comment: which rule, where (absolute offsets) and a short excerpt for the message.</summary>
public readonly struct CommentFinding
{
    public CommentFinding(DiagnosticDescriptor descriptor, int start, int length, string excerpt)
    {
        Descriptor = descriptor;
        Start = start;
        Length = length;
        Excerpt = excerpt;
    }

    public DiagnosticDescriptor Descriptor { get; }

    public int Start { get; }

    public int Length { get; }

    public string Excerpt { get; }
}

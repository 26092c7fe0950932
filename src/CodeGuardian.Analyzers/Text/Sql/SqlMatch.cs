using System.Runtime.InteropServices;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>A finding of the SQL analyses: a text span and the end of the statement it belongs to.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SqlMatch
{
    public SqlMatch(int start, int length, SqlMatchKind kind, int statementEnd)
    {
        Start = start;
        Length = length;
        Kind = kind;
        StatementEnd = statementEnd;
    }

    /// <summary>Offset of the construct (the <c>*</c>, the <c>UPDATE</c>/<c>DELETE</c> keyword …) in the analysed text.</summary>
    public int Start { get; }

    public int Length { get; }

    public SqlMatchKind Kind { get; }

    /// <summary>Offset just after the last token of the statement (hosts use it to see what follows the statement).</summary>
    public int StatementEnd { get; }
}

using System.Runtime.InteropServices;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>One statement found by <see cref="SqlStatements.Split"/>: token indexes of its first and last significant token.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly struct SqlStatement
{
    public SqlStatement(int firstToken, int lastToken)
    {
        FirstToken = firstToken;
        LastToken = lastToken;
    }

    public int FirstToken { get; }

    /// <summary>Inclusive; the terminating <c>;</c> is not part of the statement.</summary>
    public int LastToken { get; }
}

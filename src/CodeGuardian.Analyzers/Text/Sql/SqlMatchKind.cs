namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>What a <see cref="SqlMatch"/> found.</summary>
public enum SqlMatchKind
{
    None = 0,

    /// <summary><c>SELECT *</c> or <c>SELECT t.*</c>: the span is the <c>*</c>.</summary>
    SelectStar,

    /// <summary><c>UPDATE … SET …</c> without a WHERE of its own: the span is <c>UPDATE</c>.</summary>
    UpdateWithoutWhere,

    /// <summary><c>DELETE FROM …</c> without a WHERE of its own: the span is <c>DELETE</c>.</summary>
    DeleteWithoutWhere,
}

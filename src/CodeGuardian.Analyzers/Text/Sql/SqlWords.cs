using System;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>Keyword sets shared by the SQL analyses.</summary>
internal static class SqlWords
{
    /// <summary>
    /// Words that begin a statement or a control-flow step; at parenthesis depth 0 they end the statement before
    /// them even without a semicolon (T-SQL does not require one). <c>SET</c>, <c>WITH</c> and <c>END</c> are
    /// handled by the callers because they also occur inside statements.
    /// </summary>
    private static readonly string[] StatementStarters =
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "UPSERT", "REPLACE", "CREATE", "ALTER", "DROP", "DECLARE",
        "IF", "ELSE", "ELSIF", "ELSEIF", "WHILE", "BEGIN", "RETURN", "EXEC", "EXECUTE", "PRINT", "TRUNCATE",
        "GRANT", "REVOKE", "DENY", "COMMIT", "ROLLBACK", "USE", "OPEN", "CLOSE", "FETCH", "DEALLOCATE",
        "RAISERROR", "THROW", "CALL", "LOOP", "EXCEPTION", "PERFORM", "RAISE", "GOTO", "WAITFOR", "BREAK",
        "CONTINUE", "GO",
    };

    /// <summary>The verbs a SQL statement in a string literal starts with.</summary>
    private static readonly string[] Verbs =
    {
        "SELECT", "INSERT", "UPDATE", "DELETE", "WITH", "MERGE", "UPSERT", "REPLACE",
    };

    public static bool IsStatementStarter(ReadOnlySpan<char> word) => IsOneOf(word, StatementStarters);

    public static bool IsVerb(ReadOnlySpan<char> word) => IsOneOf(word, Verbs);

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] words)
    {
        foreach (var candidate in words)
        {
            if (candidate.Length == word.Length && word.Equals(candidate.AsSpan(), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

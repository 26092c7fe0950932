using System;
using System.Collections.Generic;
using System.Threading;
using CodeGuardian.Analyzers.Text.Lexing;

namespace CodeGuardian.Analyzers.Text.Sql;

/// <summary>
/// Splits SQL into statements: at <c>;</c>, at <c>GO</c> batch separators, around block words (<c>BEGIN</c>,
/// <c>END</c>, <c>THEN</c>, <c>ELSE</c>, <c>AS</c> before a body) so that the statements of a procedure or
/// function body are statements of their own, and — because T-SQL needs no semicolons — before a word that
/// starts a new statement at parenthesis depth 0. Dollar-quoted bodies are separate code (see <see cref="SqlBodies"/>).
/// </summary>
public static class SqlStatements
{
    public static void Split(SqlCode code, List<SqlStatement> statements, CancellationToken cancellationToken = default)
    {
        var depth = 0;
        var caseDepth = 0;
        var first = -1;
        var last = -1;
        var seenSet = false;
        for (var i = 0; i < code.Count; i++)
        {
            if ((i & 1023) == 1023)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var kind = code.Tokens[i].Kind;
            if (kind is TokenKind.Comment or TokenKind.Newline)
            {
                continue;
            }

            if (code.IsBatchSeparator(i))
            {
                Close(statements, ref first, last);
                depth = 0;
                caseDepth = 0;
                continue;
            }

            if (code.IsPunctuation(i, '('))
            {
                depth++;
            }
            else if (code.IsPunctuation(i, ')'))
            {
                depth = depth > 0 ? depth - 1 : 0;
            }
            else if (depth == 0 && code.IsPunctuation(i, ';'))
            {
                Close(statements, ref first, last);
                caseDepth = 0;
                continue;
            }
            else if (depth == 0 && code.IsBareWord(i))
            {
                var word = code.TextOf(i);
                if (SqlAnalysis.Is(word, "CASE"))
                {
                    caseDepth++;
                }
                else if (SqlAnalysis.Is(word, "END"))
                {
                    if (caseDepth > 0)
                    {
                        caseDepth--;
                    }
                    else
                    {
                        // END, END IF, END LOOP, END TRY …: a block boundary, not a statement.
                        Close(statements, ref first, last);
                        var next = code.Next(i);
                        if (code.IsWord(next, "IF") || code.IsWord(next, "LOOP") || code.IsWord(next, "WHILE")
                            || code.IsWord(next, "TRY") || code.IsWord(next, "CATCH") || code.IsWord(next, "CASE"))
                        {
                            i = next;
                        }

                        continue;
                    }
                }
                else if (caseDepth == 0)
                {
                    if (IsBlockBoundary(code, i, word))
                    {
                        Close(statements, ref first, last);
                        continue;
                    }

                    if (first >= 0 && StartsNewStatement(code, i, word, first, seenSet))
                    {
                        Close(statements, ref first, last);
                    }

                    if (SqlAnalysis.Is(word, "SET"))
                    {
                        seenSet = first >= 0 && code.IsWord(first, "UPDATE");
                    }
                }
            }

            if (first < 0)
            {
                first = i;
                seenSet = false;
            }

            last = i;
        }

        Close(statements, ref first, last);
    }

    private static void Close(List<SqlStatement> statements, ref int first, int last)
    {
        if (first >= 0 && last >= first)
        {
            statements.Add(new SqlStatement(first, last));
        }

        first = -1;
    }

    /// <summary><c>BEGIN</c> (a block, not <c>BEGIN TRAN</c>), <c>THEN</c>, <c>ELSE</c>, <c>LOOP</c>, <c>DECLARE</c> sections' <c>AS</c>/<c>IS</c> before a body.</summary>
    private static bool IsBlockBoundary(SqlCode code, int index, ReadOnlySpan<char> word)
    {
        if (SqlAnalysis.Is(word, "BEGIN"))
        {
            var next = code.Next(index);
            return !(code.IsWord(next, "TRAN") || code.IsWord(next, "TRANSACTION") || code.IsWord(next, "DISTRIBUTED")
                || code.IsWord(next, "WORK") || code.IsWord(next, "DIALOG") || code.IsWord(next, "CONVERSATION"));
        }

        if (SqlAnalysis.Is(word, "THEN") || SqlAnalysis.Is(word, "ELSE") || SqlAnalysis.Is(word, "LOOP"))
        {
            return true;
        }

        // CREATE PROCEDURE p AS SELECT …: the header ends at AS when a statement follows.
        if (SqlAnalysis.Is(word, "AS") || SqlAnalysis.Is(word, "IS"))
        {
            var next = code.Next(index);
            return code.IsBareWord(next) && (code.IsWord(next, "BEGIN") || code.IsWord(next, "DECLARE") || code.IsWord(next, "SET")
                || (SqlWords.IsStatementStarter(code.TextOf(next)) && !code.IsWord(next, "SELECT") && !code.IsWord(next, "WITH")));
        }

        return false;
    }

    private static bool StartsNewStatement(SqlCode code, int index, ReadOnlySpan<char> word, int first, bool seenSet)
    {
        var previous = code.Previous(index);
        if (code.IsPunctuation(previous, ',') || code.IsPunctuation(previous, '.'))
        {
            return false;
        }

        if (code.IsBareWord(previous))
        {
            var before = code.TextOf(previous);
            if (SqlAnalysis.Is(before, "GRANT") || SqlAnalysis.Is(before, "REVOKE") || SqlAnalysis.Is(before, "DENY")
                || SqlAnalysis.Is(before, "ON") || SqlAnalysis.Is(before, "FOR") || SqlAnalysis.Is(before, "AFTER")
                || SqlAnalysis.Is(before, "BEFORE") || SqlAnalysis.Is(before, "OF") || SqlAnalysis.Is(before, "OR")
                || SqlAnalysis.Is(before, "AND") || SqlAnalysis.Is(before, "NOT") || SqlAnalysis.Is(before, "KEY")
                || SqlAnalysis.Is(before, "DO") || SqlAnalysis.Is(before, "TO") || SqlAnalysis.Is(before, "WHEN")
                || SqlAnalysis.Is(before, "IF") || SqlAnalysis.Is(before, "COMMIT") || SqlAnalysis.Is(before, "UNION")
                || SqlAnalysis.Is(before, "ALL") || SqlAnalysis.Is(before, "EXCEPT") || SqlAnalysis.Is(before, "INTERSECT")
                || SqlAnalysis.Is(before, "MINUS") || SqlAnalysis.Is(before, "INSTEAD") || SqlAnalysis.Is(before, "DELETE")
                || SqlAnalysis.Is(before, "UPDATE") || SqlAnalysis.Is(before, "EXEC") || SqlAnalysis.Is(before, "EXECUTE")
                || SqlAnalysis.Is(before, "FOREIGN") || SqlAnalysis.Is(before, "WITH"))
            {
                return false;
            }
        }

        var startedWith = code.TextOf(first);
        if (SqlAnalysis.Is(word, "SET"))
        {
            // UPDATE t SET …, ALTER … SET, MySQL INSERT INTO t SET … keep their SET.
            return !(SqlAnalysis.Is(startedWith, "ALTER") || SqlAnalysis.Is(startedWith, "CREATE")
                || SqlAnalysis.Is(startedWith, "INSERT") || SqlAnalysis.Is(startedWith, "REPLACE")
                || (SqlAnalysis.Is(startedWith, "UPDATE") && !seenSet));
        }

        if (SqlAnalysis.Is(word, "WITH"))
        {
            // Only a common table expression starts a statement: WITH name AS ( / WITH name (cols) / WITH RECURSIVE.
            var name = code.Next(index);
            var after = code.Next(name);
            return code.IsKind(name, TokenKind.Identifier)
                && (code.IsWord(name, "RECURSIVE") || code.IsWord(after, "AS") || code.IsPunctuation(after, '('))
                && !code.IsWord(name, "GRANT") && !code.IsWord(name, "ADMIN");
        }

        if (!SqlWords.IsStatementStarter(word))
        {
            return false;
        }

        if (SqlAnalysis.Is(word, "SELECT"))
        {
            // INSERT … SELECT, WITH … SELECT, CREATE VIEW … AS SELECT, DECLARE c CURSOR FOR SELECT.
            return !(SqlAnalysis.Is(startedWith, "INSERT") || SqlAnalysis.Is(startedWith, "WITH")
                || SqlAnalysis.Is(startedWith, "CREATE") || SqlAnalysis.Is(startedWith, "ALTER")
                || SqlAnalysis.Is(startedWith, "REPLACE") || code.IsWord(previous, "AS"));
        }

        if (SqlAnalysis.Is(startedWith, "WITH") && code.IsPunctuation(previous, ')'))
        {
            return false;
        }

        // CREATE TABLE … / CREATE TRIGGER … keep their inner words (DROP in ALTER TABLE … DROP COLUMN).
        if ((SqlAnalysis.Is(startedWith, "ALTER") || SqlAnalysis.Is(startedWith, "CREATE")) && (SqlAnalysis.Is(word, "DROP") || SqlAnalysis.Is(word, "ALTER")))
        {
            return false;
        }

        return true;
    }
}

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
                var word = code.Keyword(i);
                if (word == SqlKeyword.Case)
                {
                    caseDepth++;
                }
                else if (word == SqlKeyword.End)
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
                        if (code.IsWord(next, SqlKeyword.If) || code.IsWord(next, SqlKeyword.Loop) || code.IsWord(next, SqlKeyword.While)
                            || code.IsWord(next, SqlKeyword.Try) || code.IsWord(next, SqlKeyword.Catch) || code.IsWord(next, SqlKeyword.Case))
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

                    if (word == SqlKeyword.Set)
                    {
                        seenSet = first >= 0 && code.IsWord(first, SqlKeyword.Update);
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
    private static bool IsBlockBoundary(SqlCode code, int index, SqlKeyword word)
    {
        if (word == SqlKeyword.Begin)
        {
            var next = code.Next(index);
            return !(code.IsWord(next, SqlKeyword.Tran) || code.IsWord(next, SqlKeyword.Transaction) || code.IsWord(next, SqlKeyword.Distributed)
                || code.IsWord(next, SqlKeyword.Work) || code.IsWord(next, SqlKeyword.Dialog) || code.IsWord(next, SqlKeyword.Conversation));
        }

        if (word == SqlKeyword.Then || word == SqlKeyword.Else || word == SqlKeyword.Loop)
        {
            return true;
        }

        // CREATE PROCEDURE p AS SELECT …: the header ends at AS when a statement follows.
        if (word == SqlKeyword.As || word == SqlKeyword.Is)
        {
            var next = code.Next(index);
            return code.IsBareWord(next) && (code.IsWord(next, SqlKeyword.Begin) || code.IsWord(next, SqlKeyword.Declare) || code.IsWord(next, SqlKeyword.Set)
                || (SqlKeywords.IsStatementStarter(code.Keyword(next)) && !code.IsWord(next, SqlKeyword.Select) && !code.IsWord(next, SqlKeyword.With)));
        }

        return false;
    }

    private static bool StartsNewStatement(SqlCode code, int index, SqlKeyword word, int first, bool seenSet)
    {
        // Only SET, WITH and statement words can start a statement (checked first: this runs for every word).
        if (word != SqlKeyword.Set && word != SqlKeyword.With && !SqlKeywords.IsStatementStarter(word))
        {
            return false;
        }

        var previous = code.Previous(index);
        if (code.IsPunctuation(previous, ',') || code.IsPunctuation(previous, '.'))
        {
            return false;
        }

        if (code.IsBareWord(previous))
        {
            var before = code.Keyword(previous);
            if (before == SqlKeyword.Grant || before == SqlKeyword.Revoke || before == SqlKeyword.Deny
                || before == SqlKeyword.On || before == SqlKeyword.For || before == SqlKeyword.After
                || before == SqlKeyword.Before || before == SqlKeyword.Of || before == SqlKeyword.Or
                || before == SqlKeyword.And || before == SqlKeyword.Not || before == SqlKeyword.Key
                || before == SqlKeyword.Do || before == SqlKeyword.To || before == SqlKeyword.When
                || before == SqlKeyword.If || before == SqlKeyword.Commit || before == SqlKeyword.Union
                || before == SqlKeyword.All || before == SqlKeyword.Except || before == SqlKeyword.Intersect
                || before == SqlKeyword.Minus || before == SqlKeyword.Instead || before == SqlKeyword.Delete
                || before == SqlKeyword.Update || before == SqlKeyword.Exec || before == SqlKeyword.Execute
                || before == SqlKeyword.Foreign || before == SqlKeyword.With)
            {
                return false;
            }
        }

        var startedWith = code.Keyword(first);
        if (word == SqlKeyword.Set)
        {
            // UPDATE t SET …, ALTER … SET, MySQL INSERT INTO t SET … keep their SET.
            return !(startedWith == SqlKeyword.Alter || startedWith == SqlKeyword.Create
                || startedWith == SqlKeyword.Insert || startedWith == SqlKeyword.Replace
                || (startedWith == SqlKeyword.Update && !seenSet));
        }

        if (word == SqlKeyword.With)
        {
            // Only a common table expression starts a statement: WITH name AS ( / WITH name (cols) / WITH RECURSIVE.
            var name = code.Next(index);
            var after = code.Next(name);
            return code.IsKind(name, TokenKind.Identifier)
                && (code.IsWord(name, SqlKeyword.Recursive) || code.IsWord(after, SqlKeyword.As) || code.IsPunctuation(after, '('))
                && !code.IsWord(name, SqlKeyword.Grant) && !code.IsWord(name, SqlKeyword.Admin);
        }

        if (!SqlKeywords.IsStatementStarter(word))
        {
            return false;
        }

        if (word == SqlKeyword.Select)
        {
            // INSERT … SELECT, WITH … SELECT, CREATE VIEW … AS SELECT, DECLARE c CURSOR FOR SELECT.
            return !(startedWith == SqlKeyword.Insert || startedWith == SqlKeyword.With
                || startedWith == SqlKeyword.Create || startedWith == SqlKeyword.Alter
                || startedWith == SqlKeyword.Replace || code.IsWord(previous, SqlKeyword.As));
        }

        if (startedWith == SqlKeyword.With && code.IsPunctuation(previous, ')'))
        {
            return false;
        }

        // CREATE TABLE … / CREATE TRIGGER … keep their inner words (DROP in ALTER TABLE … DROP COLUMN).
        if ((startedWith == SqlKeyword.Alter || startedWith == SqlKeyword.Create) && (word == SqlKeyword.Drop || word == SqlKeyword.Alter))
        {
            return false;
        }

        return true;
    }
}

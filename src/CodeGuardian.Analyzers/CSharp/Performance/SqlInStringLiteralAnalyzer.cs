using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Performance;

/// <summary>
/// CG5002 (<c>SELECT *</c>) and CG5003 (UPDATE/DELETE without WHERE) in C# string literals that hold SQL: regular,
/// verbatim and raw literals, and the constant parts of interpolated strings (holes read as a placeholder). Syntax
/// only. When the rest of an UPDATE/DELETE may come from elsewhere — the literal is the left operand of <c>+</c>, is
/// passed to <c>Append</c>, initializes a variable that later gets <c>+=</c>, or ends in a hole in clause position
/// (<c>$"… {filter}"</c>) — a missing WHERE is not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInStringLiteralAnalyzer : DiagnosticAnalyzer
{
    /// <summary>What an interpolation hole reads as: a name, so <c>UPDATE {table} SET</c> stays an UPDATE.</summary>
    private const char HoleMark = '_';

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.SelectStar, Descriptors.UpdateDeleteWithoutWhere);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSyntaxTreeSearch(StatementWords, StringNode, static context =>
        {
            if (context.Node is InterpolatedStringExpressionSyntax)
            {
                AnalyzeInterpolatedString(context);
            }
            else
            {
                AnalyzeLiteral(context);
            }
        });
    }

    /// <summary>Both rules need one of these statements (any case): strings without one are never lexed.</summary>
    private static readonly string[] StatementWords = { "select", "update", "delete" };

    /// <summary>The string literal, or the whole interpolated string, a token is text of.</summary>
    private static SyntaxNode? StringNode(SyntaxToken token) => token.Parent switch
    {
        LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
        InterpolatedStringTextSyntax { Parent: InterpolatedStringExpressionSyntax interpolated } => interpolated,
        _ => null,
    };

    private static void AnalyzeLiteral(FoundSyntaxContext context)
    {
        var literal = (LiteralExpressionSyntax)context.Node;
        var token = literal.Token;
        var text = token.Text;
        int open;
        int close;
        var options = SqlLexerOptions.None;
        if (token.IsKind(SyntaxKind.StringLiteralToken))
        {
            var verbatim = text.Length > 0 && text[0] == '@';
            open = verbatim ? 2 : 1;
            close = 1;
            options = verbatim ? SqlLexerOptions.None : SqlLexerOptions.HostEscapes;
        }
        else if (token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken) || token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken))
        {
            open = 0;
            while (open < text.Length && text[open] == '"')
            {
                open++;
            }

            close = open;
        }
        else
        {
            return;
        }

        var length = text.Length - open - close;
        if (length <= 0)
        {
            return;
        }

        var content = text.AsSpan(open, length);
        if (!SqlFacts.LooksLikeSql(content))
        {
            return;
        }

        Analyze(context, content, token.SpanStart + open, options, holes: null, literal);
    }

    private static void AnalyzeInterpolatedString(FoundSyntaxContext context)
    {
        var node = (InterpolatedStringExpressionSyntax)context.Node;

        // Most interpolated strings are not SQL: decide from the first text part before copying anything.
        if (node.Contents.Count == 0 || node.Contents[0] is not InterpolatedStringTextSyntax first || !SqlFacts.LooksLikeSql(first.TextToken.Text.AsSpan()))
        {
            return;
        }

        var start = node.StringStartToken.Text;
        var raw = start.IndexOf("\"\"\"", StringComparison.Ordinal) >= 0;
        var verbatim = start.IndexOf('@') >= 0;
        var options = raw || verbatim ? SqlLexerOptions.None : SqlLexerOptions.HostEscapes;

        // The text parts at their own offsets, holes blanked to one placeholder character.
        var spanStart = node.SpanStart;
        var length = node.Span.Length;
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(1, length));
        try
        {
            buffer.AsSpan(0, length).Fill(' ');
            List<int>? holes = null;
            foreach (var part in node.Contents)
            {
                var offset = part.SpanStart - spanStart;
                if (part is InterpolatedStringTextSyntax textPart)
                {
                    textPart.TextToken.Text.AsSpan().CopyTo(buffer.AsSpan(offset));
                }
                else if (offset < length)
                {
                    buffer[offset] = HoleMark;
                    (holes ??= new List<int>()).Add(offset);
                }
            }

            var content = new ReadOnlySpan<char>(buffer, 0, length);
            if (!SqlFacts.LooksLikeSql(content))
            {
                return;
            }

            Analyze(context, content, spanStart, options, holes, node);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static void Analyze(FoundSyntaxContext context, ReadOnlySpan<char> sql, int position, SqlLexerOptions options, List<int>? holes, ExpressionSyntax expression)
    {
        var matches = new List<SqlMatch>();
        var tree = context.Node.SyntaxTree;
        SqlFacts.FindSelectStar(sql, matches, options, context.CancellationToken);
        foreach (var match in matches)
        {
            context.Report(Descriptors.SelectStar, Location.Create(tree, new TextSpan(position + match.Start, match.Length)));
        }

        matches.Clear();
        SqlFacts.FindUnfilteredWrites(sql, matches, options, context.CancellationToken);
        bool? continued = null;
        foreach (var match in matches)
        {
            // Looking for "+=" on the variable walks the member: only done when there is something to report.
            continued ??= IsContinuedElsewhere(expression, context.CancellationToken);
            if (MayBeCompletedElsewhere(sql, match, holes, continued.Value))
            {
                continue;
            }

            var verb = match.Kind == SqlMatchKind.UpdateWithoutWhere ? "UPDATE" : "DELETE";
            context.Report(Descriptors.UpdateDeleteWithoutWhere, Location.Create(tree, new TextSpan(position + match.Start, match.Length)), verb);
        }
    }

    private static bool MayBeCompletedElsewhere(ReadOnlySpan<char> sql, SqlMatch match, List<int>? holes, bool continued)
    {
        var end = match.StatementEnd;
        if (holes is not null && end > 0 && holes.Contains(end - 1))
        {
            return SqlFacts.ClauseMayFollow(sql.Slice(0, end - 1));
        }

        if (continued && IsBlank(sql.Slice(end)))
        {
            return SqlFacts.ClauseMayFollow(sql.Slice(0, end));
        }

        return false;
    }

    private static bool IsBlank(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                continue;
            }

            if (!char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The string is a prefix that other code completes: <c>"…" + x</c>, <c>sb.Append("…")</c>,
    /// <c>new StringBuilder("…")</c>, or the initial value of a variable that later receives <c>+=</c>.
    /// </summary>
    private static bool IsContinuedElsewhere(ExpressionSyntax literal, CancellationToken cancellationToken)
    {
        SyntaxNode current = literal;
        while (current.Parent is ParenthesizedExpressionSyntax)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression) && binary.Left == current:
                return true;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                when invocation.Expression is MemberAccessExpressionSyntax member && IsAppend(member.Name.Identifier.ValueText):
                return true;
            case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                when creation.Type is IdentifierNameSyntax { Identifier.ValueText: "StringBuilder" } or QualifiedNameSyntax { Right.Identifier.ValueText: "StringBuilder" }:
                return true;
            case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                return HasAddAssignment(declarator, declarator.Identifier.ValueText, cancellationToken);
            case AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                return HasAddAssignment(assignment, name.Identifier.ValueText, cancellationToken);
            default:
                return false;
        }
    }

    private static bool IsAppend(string name) => name is "Append" or "AppendLine" or "AppendFormat" or "Insert";

    private static bool HasAddAssignment(SyntaxNode from, string name, CancellationToken cancellationToken)
    {
        var scope = from.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or TypeDeclarationSyntax);
        if (scope is null)
        {
            return false;
        }

        // The scope can be a whole type: the walk checks for cancellation as it goes.
        var visited = 0;
        foreach (var node in scope.DescendantNodes())
        {
            if ((++visited & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax target } assignment
                && assignment.IsKind(SyntaxKind.AddAssignmentExpression)
                && target.Identifier.ValueText == name)
            {
                return true;
            }
        }

        return false;
    }
}

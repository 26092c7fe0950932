using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.CSharp.Performance;

/// <summary>
/// CG5001: a database round trip inside the body, condition or step of a <c>for</c>, <c>foreach</c>, <c>while</c> or
/// <c>do</c> loop. Round trips: EF Core async operators (every <c>…Async</c> method of
/// <c>EntityFrameworkQueryableExtensions</c> except <c>AsAsyncEnumerable</c>), <c>DbSet.Find</c>/<c>FindAsync</c>,
/// <c>DbContext.SaveChanges</c>/<c>SaveChangesAsync</c> (one write round trip per item), Dapper <c>Query*</c>/<c>Execute*</c>,
/// and <c>ExecuteReader</c>/<c>ExecuteNonQuery</c>/<c>ExecuteScalar</c> (and their async forms) of a <c>DbCommand</c> or
/// <c>IDbCommand</c>. A <c>foreach</c> collection expression runs once and is not "inside"; lambdas and local functions
/// stop the search, because their body may run later or once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QueryInLoopAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.QueryInLoop);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// Every name a round trip can have (see <c>IsRoundTrip</c>): <c>SaveChanges</c>, <c>Find</c>, ADO.NET's and
    /// Dapper's <c>Execute…</c> and Dapper's <c>Query…</c>, and Entity Framework's <c>…Async</c> operators. Calls are
    /// found by these names in each file, and the method is checked at the calls found.
    /// </summary>
    private static readonly IdentifierNames RoundTripNames = IdentifierNames.Create(["SaveChanges", "Find"], ["Execute", "Query"], ["Async"]);

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sinks = context.Compilation.State(static compilation => new QuerySinks(compilation) is { Any: true } sinks ? sinks : null);
        context.RegisterOperationActionAt(
            sinks,
            RoundTripNames,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (sinks, operation) => sinks.AnalyzeInvocation(operation));
    }

    private sealed class QuerySinks
    {
        private readonly INamedTypeSymbol? _efQueryable;
        private readonly INamedTypeSymbol? _dbContext;
        private readonly INamedTypeSymbol? _dbSet;
        private readonly INamedTypeSymbol? _dapper;
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _dataCommand;

        public QuerySinks(Compilation compilation)
        {
            _efQueryable = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions");
            _dbContext = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbContext");
            _dbSet = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.DbSet`1");
            _dapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
            _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            _dataCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
        }

        public bool Any => _efQueryable is not null || _dbContext is not null || _dapper is not null || _dbCommand is not null || _dataCommand is not null;

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!IsRoundTrip(invocation.TargetMethod) || EnclosingLoop(invocation) is not { } loop)
            {
                return;
            }

            var location = invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } call
                ? Location.Create(call.SyntaxTree, TextSpan.FromBounds(access.Name.SpanStart, call.Span.End))
                : invocation.Syntax.GetLocation();
            context.Report(Descriptors.QueryInLoop, location, invocation.TargetMethod.Name, LoopKind(loop));
        }

        private bool IsRoundTrip(IMethodSymbol method)
        {
            // Every invocation comes here: without Entity Framework's or Dapper's extension classes only the method
            // names below can be a round trip, and the name decides before the containing type is asked for.
            var name = method.Name;
            var owner = OwnerOfRoundTripName(name);
            if (owner == RoundTripOwner.None && _efQueryable is null && _dapper is null)
            {
                return false;
            }

            var type = method.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (SymbolFacts.IsType(type, _efQueryable))
            {
                return name.EndsWith("Async", StringComparison.Ordinal) && name != "AsAsyncEnumerable";
            }

            if (SymbolFacts.IsType(type, _dapper))
            {
                return name.StartsWith("Query", StringComparison.Ordinal) || name.StartsWith("Execute", StringComparison.Ordinal);
            }

            return owner switch
            {
                RoundTripOwner.DbContext => SymbolFacts.DerivesFrom(type, _dbContext),
                RoundTripOwner.DbSet => SymbolFacts.DerivesFrom(type, _dbSet),
                RoundTripOwner.Command => SymbolFacts.DerivesFromOrImplements(type, _dbCommand, _dataCommand),
                _ => false,
            };
        }

        /// <summary>The type a method of this name must belong to (or derive from) to be a round trip.</summary>
        private static RoundTripOwner OwnerOfRoundTripName(string name) => name switch
        {
            "SaveChanges" or "SaveChangesAsync" => RoundTripOwner.DbContext,
            "Find" or "FindAsync" => RoundTripOwner.DbSet,
            "ExecuteReader" or "ExecuteReaderAsync" or "ExecuteNonQuery" or "ExecuteNonQueryAsync" or "ExecuteScalar" or "ExecuteScalarAsync" => RoundTripOwner.Command,
            _ => RoundTripOwner.None,
        };

        private static ILoopOperation? EnclosingLoop(IOperation operation)
        {
            var child = operation;
            for (var parent = operation.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IAnonymousFunctionOperation or ILocalFunctionOperation:
                        return null;
                    case IForEachLoopOperation forEach when child == forEach.Collection:
                        continue;
                    case IForLoopOperation forLoop when ContainsChild(forLoop.Before, child):
                        continue;
                    case ILoopOperation loop:
                        return loop;
                }
            }

            return null;
        }

        private static bool ContainsChild(ImmutableArray<IOperation> operations, IOperation child)
        {
            foreach (var operation in operations)
            {
                if (operation == child)
                {
                    return true;
                }
            }

            return false;
        }

        private static string LoopKind(ILoopOperation loop) => loop switch
        {
            IForEachLoopOperation { IsAsynchronous: true } => "await foreach",
            IForEachLoopOperation => "foreach",
            IForLoopOperation => "for",
            IWhileLoopOperation { ConditionIsTop: false } => "do-while",
            _ => "while",
        };

        private enum RoundTripOwner
        {
            None,
            DbContext,
            DbSet,
            Command,
        }
    }
}

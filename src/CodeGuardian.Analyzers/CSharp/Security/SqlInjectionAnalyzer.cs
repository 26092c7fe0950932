using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4001: non-constant SQL reaching <c>DbCommand.CommandText</c> (or <c>IDbCommand.CommandText</c>), a command
/// constructor's SQL argument, EF Core <c>FromSqlRaw</c>/<c>ExecuteSqlRaw(Async)</c>/<c>SqlQueryRaw</c>, or a
/// Dapper <c>Query*</c>/<c>Execute*</c> call.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SqlInjectionAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property naming the sink kind, read by the code fix.</summary>
    public const string SinkKindProperty = "SinkKind";

    public const string SinkCommandText = "CommandText";
    public const string SinkCommandConstructor = "CommandConstructor";
    public const string SinkEntityFramework = "EntityFramework";
    public const string SinkDapper = "Dapper";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.SqlInjection);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static readonly IdentifierNames CommandTextProperty = IdentifierNames.Of("CommandText");

    /// <summary>
    /// Names of the raw-SQL methods <see cref="SqlSinks.RawSqlSink"/> accepts, as prefixes: Entity Framework's
    /// <c>FromSqlRaw</c>, <c>ExecuteSqlRaw(Async)</c>, <c>SqlQueryRaw</c>, and Dapper's <c>Query…</c> and <c>Execute…</c>.
    /// </summary>
    private static readonly IdentifierNames RawSqlMethods = IdentifierNames.StartingWith("FromSqlRaw", "SqlQueryRaw", "Query", "Execute");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        // Operation actions for the whole compilation: per-block registration cost more than the checks.
        var blocks = context.Compilation.State(static compilation => SqlSinks.Create(compilation) is { } sinks ? new BlockAnalysis(sinks) : null);
        // CommandText assignments and raw-SQL calls are found by name in each file; creations stay operation actions
        // (`new()` and aliases hide the type's name).
        context.RegisterOperationActionAt(
            blocks,
            CommandTextProperty,
            IdentifierActions.AssignmentTo,
            OperationKind.SimpleAssignment,
            static (block, operation) => block.AnalyzeAssignment(operation));
        context.RegisterOperationAction(blocks, static (block, operation) => block.AnalyzeCreation(operation), OperationKind.ObjectCreation);
        context.RegisterOperationActionAt(
            blocks,
            RawSqlMethods,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (block, operation) => block.AnalyzeInvocation(operation));
    }

    /// <summary>The SQL sinks of one compilation.</summary>
    internal sealed class SqlSinks
    {
        private readonly INamedTypeSymbol? _dbCommand;
        private readonly INamedTypeSymbol? _dataCommand;
        private readonly IPropertySymbol? _dbCommandText;
        private readonly IPropertySymbol? _dataCommandText;
        private readonly INamedTypeSymbol? _relationalQueryable;
        private readonly INamedTypeSymbol? _relationalDatabase;
        private readonly INamedTypeSymbol? _dapper;
        private readonly ParameterNameSinks? _parameterSinks;
        private readonly SymbolAnswerCache<ITypeSymbol, bool> _commandTypes;

        private SqlSinks(Compilation compilation)
        {
            _dbCommand = compilation.GetTypeByMetadataName("System.Data.Common.DbCommand");
            _dataCommand = compilation.GetTypeByMetadataName("System.Data.IDbCommand");
            _dbCommandText = SymbolFacts.Member<IPropertySymbol>(_dbCommand, "CommandText");
            _dataCommandText = SymbolFacts.Member<IPropertySymbol>(_dataCommand, "CommandText");
            _relationalQueryable = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalQueryableExtensions");
            _relationalDatabase = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions");
            _dapper = compilation.GetTypeByMetadataName("Dapper.SqlMapper");
            _parameterSinks = ParameterNameSinks.Create(compilation);
            _commandTypes = new SymbolAnswerCache<ITypeSymbol, bool>(definition => SymbolFacts.DerivesFromOrImplements(definition, _dbCommand, _dataCommand));
        }

        public static SqlSinks? Create(Compilation compilation)
        {
            var sinks = new SqlSinks(compilation);
            return sinks._dbCommand is null && sinks._dataCommand is null && sinks._relationalQueryable is null
                && sinks._relationalDatabase is null && sinks._dapper is null
                ? null
                : sinks;
        }

        /// <summary>The CommandText property of a command type, by symbol.</summary>
        public bool IsCommandText(IPropertySymbol property) =>
            SymbolFacts.IsOrOverrides(property, _dbCommandText) || SymbolFacts.IsOrOverrides(property, _dataCommandText);

        /// <summary>Whether a created type is a command type; answered once per type (every object creation asks).</summary>
        public bool IsCommandType(ITypeSymbol? type)
        {
            if (type is null)
            {
                return false;
            }

            return _commandTypes.Get(type.OriginalDefinition);
        }

        /// <summary>The sink's display name, or null when <paramref name="method"/> is not a raw-SQL sink.</summary>
        public string? RawSqlSink(IMethodSymbol method, out string kind)
        {
            kind = SinkEntityFramework;
            if (_relationalQueryable is null && _relationalDatabase is null && _dapper is null)
            {
                // ADO.NET alone (every .NET project has it): no method is a raw-SQL sink, and this runs for every invocation.
                return null;
            }

            var containing = method.ContainingType?.OriginalDefinition;
            if (SymbolFacts.IsType(containing, _relationalQueryable) && method.Name == "FromSqlRaw")
            {
                return method.Name;
            }

            if (SymbolFacts.IsType(containing, _relationalDatabase)
                && method.Name is "ExecuteSqlRaw" or "ExecuteSqlRawAsync" or "SqlQueryRaw")
            {
                return method.Name;
            }

            if (SymbolFacts.IsType(containing, _dapper)
                && (method.Name.StartsWith("Query", System.StringComparison.Ordinal) || method.Name.StartsWith("Execute", System.StringComparison.Ordinal)))
            {
                kind = SinkDapper;
                return method.Name;
            }

            return null;
        }

        public ParameterNameSinks? ParameterSinks => _parameterSinks;
    }

    private sealed class BlockAnalysis
    {
        private readonly SqlSinks _sinks;

        public BlockAnalysis(SqlSinks sinks)
        {
            _sinks = sinks;
        }

        // One analysis per sink found (sinks are rare), over the operation block the value belongs to.
        private ConstantStringAnalysis StringsAround(IOperation value) => new(ConstantStringAnalysis.RootsOf(value), _sinks.ParameterSinks);

        public void AnalyzeAssignment(FoundOperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation target || !_sinks.IsCommandText(target.Property))
            {
                return;
            }

            Check(context, assignment.Value, target.Property.ContainingType.Name + ".CommandText", SinkCommandText);
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Constructor is not { } constructor || !_sinks.IsCommandType(creation.Type))
            {
                return;
            }

            // The SQL text is the constructor's first string parameter (cmdText / commandText).
            if (constructor.Parameters.Length == 0 || constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
            {
                return;
            }

            var sql = SymbolFacts.ArgumentAt(creation.Arguments, 0);
            if (sql is not null)
            {
                Check(FoundOperationContext.Of(context), sql, "new " + constructor.ContainingType.Name, SinkCommandConstructor);
            }
        }

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var sink = _sinks.RawSqlSink(invocation.TargetMethod, out var kind);
            if (sink is null)
            {
                return;
            }

            var sql = SymbolFacts.ArgumentFor(invocation.Arguments, "sql");
            if (sql is not null && sql.Type?.SpecialType == SpecialType.System_String || sql is IConversionOperation { Operand.Type.SpecialType: SpecialType.System_String })
            {
                Check(context, sql!, sink, kind);
            }
        }

        private void Check(FoundOperationContext context, IOperation sql, string sinkName, string kind)
        {
            if (ConstantStringAnalysis.IsInvalid(sql))
            {
                return;
            }

            var origin = StringsAround(sql).Classify(sql);
            if (origin == StringOrigin.Constant)
            {
                return;
            }

            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, kind);
            context.Report(
                Descriptors.SqlInjection,
                SymbolFacts.Unwrap(sql).Syntax.GetLocation(),
                properties,
                sinkName,
                StringOriginText.Describe(origin));
        }
    }
}

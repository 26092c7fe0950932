using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// The ADO.NET members that bind a named command parameter, resolved once per compilation: a call on a
/// <c>DbParameterCollection</c>/<c>IDataParameterCollection</c> with a <c>string parameterName</c> argument
/// (<c>Add</c>, <c>AddWithValue</c>, …), a <c>DbParameter</c> constructor with one, or
/// <c>DbParameter.ParameterName</c>.
/// </summary>
internal sealed class ParameterNameSinks
{
    private const string ParameterNameParameter = "parameterName";

    private readonly INamedTypeSymbol? _dbParameterCollection;
    private readonly INamedTypeSymbol? _dataParameterCollection;
    private readonly INamedTypeSymbol? _dbParameter;
    private readonly IPropertySymbol? _parameterNameProperty;
    private readonly IPropertySymbol? _dataParameterNameProperty;

    private ParameterNameSinks(Compilation compilation)
    {
        _dbParameterCollection = compilation.GetTypeByMetadataName("System.Data.Common.DbParameterCollection");
        _dataParameterCollection = compilation.GetTypeByMetadataName("System.Data.IDataParameterCollection");
        _dbParameter = compilation.GetTypeByMetadataName("System.Data.Common.DbParameter");
        _parameterNameProperty = SymbolFacts.Member<IPropertySymbol>(_dbParameter, "ParameterName");
        _dataParameterNameProperty = SymbolFacts.Member<IPropertySymbol>(compilation.GetTypeByMetadataName("System.Data.IDataParameter"), "ParameterName");
    }

    public static ParameterNameSinks? Create(Compilation compilation)
    {
        var sinks = new ParameterNameSinks(compilation);
        return sinks._dbParameterCollection is null && sinks._dataParameterCollection is null && sinks._dbParameter is null ? null : sinks;
    }

    public bool IsParameterNameArgument(IInvocationOperation invocation, out IOperation? name)
    {
        name = null;
        var receiverType = invocation.Instance?.Type ?? invocation.TargetMethod.ContainingType;
        if (!SymbolFacts.DerivesFromOrImplements(receiverType, _dbParameterCollection, _dataParameterCollection))
        {
            return false;
        }

        name = SymbolFacts.ArgumentFor(invocation.Arguments, ParameterNameParameter);
        return name is not null;
    }

    public bool IsParameterCreation(IObjectCreationOperation creation, out IOperation? name)
    {
        name = null;
        if (!SymbolFacts.DerivesFrom(creation.Type, _dbParameter))
        {
            return false;
        }

        name = SymbolFacts.ArgumentFor(creation.Arguments, ParameterNameParameter);
        return name is not null;
    }

    public bool IsParameterNameProperty(IPropertySymbol property) =>
        SymbolFacts.IsOrOverrides(property, _parameterNameProperty) || SymbolFacts.IsOrOverrides(property, _dataParameterNameProperty);
}

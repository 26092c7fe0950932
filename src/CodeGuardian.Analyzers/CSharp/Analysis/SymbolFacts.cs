using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>Symbol relations the C# rules need: inheritance, interface implementation, overrides.</summary>
internal static class SymbolFacts
{
    /// <summary>True when <paramref name="type"/> is <paramref name="baseType"/> or derives from it (generic definitions compared).</summary>
    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
    {
        if (baseType is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when <paramref name="type"/> is or implements the interface <paramref name="interfaceType"/>.</summary>
    public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? interfaceType)
    {
        if (type is null || interfaceType is null)
        {
            return false;
        }

        var definition = type.OriginalDefinition;
        if (SymbolEqualityComparer.Default.Equals(definition, interfaceType))
        {
            return true;
        }

        // The definition's interface list is computed once; a constructed type (List<int>) would substitute its own.
        foreach (var implemented in definition.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType))
            {
                return true;
            }
        }

        return false;
    }

    public static bool DerivesFromOrImplements(ITypeSymbol? type, INamedTypeSymbol? baseType, INamedTypeSymbol? interfaceType) =>
        DerivesFrom(type, baseType) || Implements(type, interfaceType);

    public static bool IsType(ITypeSymbol? type, INamedTypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);

    /// <summary>The property is <paramref name="member"/>, overrides it, or implements it (interface member).</summary>
    public static bool IsOrOverrides(IPropertySymbol? property, IPropertySymbol? member)
    {
        if (property is null || member is null)
        {
            return false;
        }

        // Overrides and implicit implementations keep the name; only an explicit implementation is named otherwise.
        // This check keeps the interface-map look-up below off the hot path (it runs for every member use).
        if (!string.Equals(property.Name, member.Name, StringComparison.Ordinal) && property.ExplicitInterfaceImplementations.IsEmpty)
        {
            return false;
        }

        for (var current = property; current is not null; current = current.OverriddenProperty)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, member.OriginalDefinition))
            {
                return true;
            }
        }

        if (member.ContainingType.TypeKind == TypeKind.Interface)
        {
            var implementation = property.ContainingType.FindImplementationForInterfaceMember(member);
            return SymbolEqualityComparer.Default.Equals(implementation, property);
        }

        return false;
    }

    /// <summary>The method is <paramref name="member"/>, overrides it, or implements it (interface member).</summary>
    public static bool IsOrOverrides(IMethodSymbol? method, IMethodSymbol? member)
    {
        if (method is null || member is null)
        {
            return false;
        }

        // Overrides and implicit implementations keep the name; only an explicit implementation is named otherwise.
        // This check keeps the interface-map look-up below off the hot path (it runs for every member use).
        if (!string.Equals(method.Name, member.Name, StringComparison.Ordinal) && method.ExplicitInterfaceImplementations.IsEmpty)
        {
            return false;
        }

        for (var current = method; current is not null; current = current.OverriddenMethod)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, member.OriginalDefinition))
            {
                return true;
            }
        }

        if (member.ContainingType.TypeKind == TypeKind.Interface && method.ContainingType is not null)
        {
            var implementation = method.ContainingType.FindImplementationForInterfaceMember(member);
            return SymbolEqualityComparer.Default.Equals(implementation, method);
        }

        return false;
    }

    /// <summary>The first member called <paramref name="name"/> of <paramref name="type"/> of the given kind.</summary>
    public static TSymbol? Member<TSymbol>(INamedTypeSymbol? type, string name)
        where TSymbol : class, ISymbol
    {
        if (type is null)
        {
            return null;
        }

        foreach (var member in type.GetMembers(name))
        {
            if (member is TSymbol typed)
            {
                return typed;
            }
        }

        return null;
    }

    /// <summary>Strips implicit and explicit conversions (not user-defined ones) and parentheses.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        var current = operation;
        while (true)
        {
            switch (current)
            {
                case IConversionOperation { OperatorMethod: null } conversion:
                    current = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    current = parenthesized.Operand;
                    continue;
                default:
                    return current;
            }
        }
    }

    /// <summary>The value passed for the parameter named <paramref name="parameterName"/>, if any.</summary>
    public static IOperation? ArgumentFor(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, string parameterName)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Name == parameterName)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }

    /// <summary>The value passed for parameter position <paramref name="ordinal"/>, if any and not defaulted.</summary>
    public static IOperation? ArgumentAt(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
    {
        foreach (var argument in arguments)
        {
            if (argument.Parameter is { } parameter && parameter.Ordinal == ordinal)
            {
                return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
            }
        }

        return null;
    }
}

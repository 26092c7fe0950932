using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Analysis;

/// <summary>
/// Decides whether a string value is a compile-time constant as far as one method body shows, and how it was
/// built otherwise. One instance serves one operation block (a method, accessor, lambda body owner or field
/// initializer) and caches what it learns about locals.
/// <para>Constant: literals, <c>const</c> fields and locals, <c>nameof</c>, <c>null</c>/<c>default</c>, and
/// interpolation, <c>+</c>, <c>string.Concat</c>, <c>string.Format</c>, <c>?:</c> and <c>??</c> over constants.
/// A local is constant when every write to it inside the block (initializer, <c>=</c>, <c>+=</c>, including
/// writes inside lambdas of the block) is constant; a local written through <c>out</c>/<c>ref</c>, declared by a
/// pattern or used as a <c>foreach</c> variable is not.</para>
/// <para>Parameter names: a local that the block also passes as the name of a bound database parameter
/// (<c>Parameters.Add(name, …)</c>, <c>Parameters.AddWithValue(name, …)</c>, <c>new XxxParameter(name, …)</c>,
/// <c>parameter.ParameterName = name</c>) counts as constant, so SQL that splices generated placeholder names
/// (<c>"@p" + i</c>) next to their bound values is the recognized safe pattern.</para>
/// <para>Not tracked: values that come from other methods, fields, properties or parameters (no inter-procedural
/// flow), <c>StringBuilder</c> contents, and array or collection elements.</para>
/// </summary>
internal sealed class ConstantStringAnalysis
{
    private readonly ImmutableArray<IOperation> _roots;
    private readonly ParameterNameSinks? _parameterSinks;
    private Dictionary<ILocalSymbol, List<IOperation?>>? _writes;
    private HashSet<ILocalSymbol>? _parameterNameLocals;
    private readonly Dictionary<ILocalSymbol, StringOrigin> _localOrigins = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _inProgress = new(SymbolEqualityComparer.Default);

    public ConstantStringAnalysis(ImmutableArray<IOperation> roots, ParameterNameSinks? parameterSinks = null)
    {
        _roots = roots;
        _parameterSinks = parameterSinks;
    }

    /// <summary>The operation block <paramref name="operation"/> belongs to (method body, initializer…), as analysis roots.</summary>
    public static ImmutableArray<IOperation> RootsOf(IOperation operation)
    {
        var root = operation;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        return ImmutableArray.Create(root);
    }

    public bool IsConstant(IOperation? value) => Classify(value) == StringOrigin.Constant;

    /// <summary>True for values the compiler could not bind (half-typed code): rules stay silent on them.</summary>
    public static bool IsInvalid(IOperation? value) =>
        value is not null && (SymbolFacts.Unwrap(value) is IInvalidOperation || value.Type is { TypeKind: TypeKind.Error } || value.Syntax.ContainsDiagnostics);

    public StringOrigin Classify(IOperation? value)
    {
        if (value is null)
        {
            return StringOrigin.Constant;
        }

        var operation = SymbolFacts.Unwrap(value);
        if (operation.ConstantValue.HasValue)
        {
            return StringOrigin.Constant;
        }

        switch (operation)
        {
            case ILiteralOperation:
            case IDefaultValueOperation:
            case INameOfOperation:
                return StringOrigin.Constant;

            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    if (part is IInterpolationOperation hole && !IsConstant(hole.Expression))
                    {
                        return StringOrigin.Interpolation;
                    }
                }

                return StringOrigin.Constant;

            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                return IsConstant(binary.LeftOperand) && IsConstant(binary.RightOperand)
                    ? StringOrigin.Constant
                    : StringOrigin.Concatenation;

            case IInvocationOperation invocation when invocation.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                return ClassifyStringMethod(invocation);

            case ILocalReferenceOperation local:
                return ClassifyLocal(local.Local);

            case IConditionalOperation conditional when conditional.WhenFalse is not null:
                return First(Classify(conditional.WhenTrue), Classify(conditional.WhenFalse));

            case ICoalesceOperation coalesce:
                return First(Classify(coalesce.Value), Classify(coalesce.WhenNull));

            default:
                return StringOrigin.NonConstant;
        }
    }

    private StringOrigin ClassifyStringMethod(IInvocationOperation invocation)
    {
        var name = invocation.TargetMethod.Name;
        var origin = name switch
        {
            "Format" => StringOrigin.Format,
            "Concat" => StringOrigin.Concatenation,
            _ => StringOrigin.NonConstant,
        };
        if (origin == StringOrigin.NonConstant)
        {
            return origin;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Type is { Name: "IFormatProvider", ContainingNamespace.Name: "System" })
            {
                // The culture changes number formatting, not which text is built.
                continue;
            }

            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer } && argument.ArgumentKind == ArgumentKind.ParamArray)
            {
                foreach (var element in initializer.ElementValues)
                {
                    if (!IsConstant(element))
                    {
                        return origin;
                    }
                }
            }
            else if (SymbolFacts.Unwrap(argument.Value).Type is { SpecialType: not SpecialType.System_String and not SpecialType.System_Object } type
                && type.TypeKind != TypeKind.Error && !argument.Value.ConstantValue.HasValue && argument.Parameter?.Type.SpecialType != SpecialType.System_Object)
            {
                // IFormatProvider, spans, arrays passed as a whole: not a constant we can see through.
                return origin;
            }
            else if (!IsConstant(argument.Value))
            {
                return origin;
            }
        }

        return StringOrigin.Constant;
    }

    private StringOrigin ClassifyLocal(ILocalSymbol local)
    {
        if (local.HasConstantValue)
        {
            return StringOrigin.Constant;
        }

        EnsureScanned();
        if (_parameterNameLocals!.Contains(local))
        {
            return StringOrigin.Constant;
        }

        if (_localOrigins.TryGetValue(local, out var known))
        {
            return known;
        }

        // A cycle (s = s + "x") is judged by its other parts.
        if (!_inProgress.Add(local))
        {
            return StringOrigin.Constant;
        }

        var origin = StringOrigin.Constant;
        if (_writes!.TryGetValue(local, out var writes))
        {
            foreach (var write in writes)
            {
                var writeOrigin = write switch
                {
                    null => StringOrigin.NonConstant,
                    ICompoundAssignmentOperation compound => IsConstant(compound.Value) ? StringOrigin.Constant : StringOrigin.Concatenation,
                    _ => Classify(write),
                };
                if (writeOrigin != StringOrigin.Constant)
                {
                    origin = writeOrigin;
                    break;
                }
            }
        }
        else if (local.DeclaringSyntaxReferences.Length == 0)
        {
            origin = StringOrigin.NonConstant;
        }

        _inProgress.Remove(local);
        _localOrigins[local] = origin;
        return origin;
    }

    private static StringOrigin First(StringOrigin a, StringOrigin b) => a != StringOrigin.Constant ? a : b;

    private void EnsureScanned()
    {
        if (_writes is not null)
        {
            return;
        }

        var writes = new Dictionary<ILocalSymbol, List<IOperation?>>(SymbolEqualityComparer.Default);
        var parameterNames = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        foreach (var root in _roots)
        {
            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator:
                        if (declarator.GetVariableInitializer() is { } initializer)
                        {
                            Add(writes, declarator.Symbol, initializer.Value);
                        }
                        else if (IsForEachVariable(declarator))
                        {
                            Add(writes, declarator.Symbol, null);
                        }

                        break;

                    case IDeclarationPatternOperation { DeclaredSymbol: ILocalSymbol patternLocal }:
                        Add(writes, patternLocal, null);
                        break;

                    case ILocalReferenceOperation reference:
                        RecordReference(writes, parameterNames, reference);
                        break;

                    case IInvocationOperation invocation when _parameterSinks is not null:
                        if (_parameterSinks.IsParameterNameArgument(invocation, out var nameArgument) && SymbolFacts.Unwrap(nameArgument!) is ILocalReferenceOperation nameLocal)
                        {
                            parameterNames.Add(nameLocal.Local);
                        }

                        break;

                    case IObjectCreationOperation creation when _parameterSinks is not null:
                        if (_parameterSinks.IsParameterCreation(creation, out var createdName) && SymbolFacts.Unwrap(createdName!) is ILocalReferenceOperation createdLocal)
                        {
                            parameterNames.Add(createdLocal.Local);
                        }

                        break;
                }
            }
        }

        _parameterNameLocals = parameterNames;
        _writes = writes;
    }

    private void RecordReference(Dictionary<ILocalSymbol, List<IOperation?>> writes, HashSet<ILocalSymbol> parameterNames, ILocalReferenceOperation reference)
    {
        if (reference.IsDeclaration)
        {
            // out var x, deconstruction declarations.
            Add(writes, reference.Local, null);
            return;
        }

        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                Add(writes, reference.Local, assignment.Value);
                break;
            case ICompoundAssignmentOperation compound when compound.Target == reference:
                Add(writes, reference.Local, compound);
                break;
            case IArgumentOperation { Parameter.RefKind: RefKind.Out or RefKind.Ref }:
            case IIncrementOrDecrementOperation:
            case ITupleOperation:
            case IDeconstructionAssignmentOperation:
                Add(writes, reference.Local, null);
                break;
            case ISimpleAssignmentOperation assignment when _parameterSinks is not null && assignment.Value == reference
                && assignment.Target is IPropertyReferenceOperation property && _parameterSinks.IsParameterNameProperty(property.Property):
                parameterNames.Add(reference.Local);
                break;
        }
    }

    private static bool IsForEachVariable(IVariableDeclaratorOperation declarator)
    {
        for (var current = declarator.Parent; current is not null; current = current.Parent)
        {
            if (current is IForEachLoopOperation)
            {
                return true;
            }

            if (current is IBlockOperation)
            {
                return false;
            }
        }

        return false;
    }

    private static void Add(Dictionary<ILocalSymbol, List<IOperation?>> writes, ILocalSymbol local, IOperation? value)
    {
        if (!writes.TryGetValue(local, out var list))
        {
            list = new List<IOperation?>(2);
            writes.Add(local, list);
        }

        list.Add(value);
    }
}

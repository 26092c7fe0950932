using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Secrets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4011: a <c>System.Random</c> result (any instance, including <c>Random.Shared</c>) that becomes a security value.
/// From the call the result is followed outward through conversions, arithmetic, concatenation, interpolation,
/// indexing (<c>alphabet[random.Next(n)]</c>), string/char/convert calls and collection builders to the first place
/// it is stored or passed: a local, field, property, indexer or parameter with a security name
/// (<see cref="SecurityValueNames"/>), or a <c>return</c>. <c>NextBytes(buffer)</c> fills its argument, so the buffer's
/// name counts. When the value is only kept in locals or builders, or returned, the enclosing method, local function or
/// property name decides: a random number inside <c>GenerateToken()</c>, <c>CreateSalt()</c> or <c>NewPassword</c> is
/// reported. A value handed to another method's neutrally named parameter (<c>Thread.Sleep(random.Next(50))</c>) is not.
/// Not followed: values stored in a neutrally named local and used later (one hop only), fields written elsewhere.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InsecureRandomnessAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the <c>Random</c> method, read by the code fix.</summary>
    public const string MethodProperty = "Method";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.InsecureRandomness);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// The value-producing methods of <c>System.Random</c> (through .NET 10; <c>Sample</c> is its protected core): calls
    /// are found by these names in each file, and the receiver's type is checked at the calls found.
    /// </summary>
    private static readonly IdentifierNames RandomMethods =
        IdentifierNames.Of("Next", "NextInt64", "NextDouble", "NextSingle", "NextBytes", "GetItems", "GetString", "GetHexString", "Sample");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var analysis = context.Compilation.State(static compilation => compilation.GetTypeByMetadataName("System.Random") is { } random ? new RandomUse(random) : null);
        context.RegisterOperationActionAt(
            analysis,
            RandomMethods,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (analysis, operation) => analysis.AnalyzeInvocation(operation));
    }

    private sealed class RandomUse
    {
        private readonly BaseTypeClassifier _random;

        public RandomUse(INamedTypeSymbol random) => _random = new BaseTypeClassifier((random, "Random"));

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (method.IsStatic || method.Name is "Shuffle" or "GetHashCode" or "ToString" or "Equals" || _random.Classify(method.ContainingType) is null)
            {
                return;
            }

            string? name;
            var handedOver = false;
            if (method.Name == "NextBytes" && invocation.Arguments.Length == 1)
            {
                name = NameOf(SymbolFacts.Unwrap(invocation.Arguments[0].Value));
            }
            else
            {
                name = Destination(invocation, out handedOver);
            }

            // A value handed to another method under a neutral name (Task.Delay(milliseconds)) is not judged by the caller's name.
            if (!SecurityValueNames.IsSecurityValueName(name))
            {
                if (handedOver)
                {
                    return;
                }

                name = EnclosingMemberName(invocation);
                if (!SecurityValueNames.IsSecurityValueName(name))
                {
                    return;
                }
            }

            var receiver = invocation.Instance is IPropertyReferenceOperation { Property.IsStatic: true } shared ? "Random." + shared.Property.Name : "Random";
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MethodProperty, method.Name);
            context.Report(Descriptors.InsecureRandomness, invocation.Syntax.GetLocation(), properties, receiver + "." + method.Name, name);
        }

        /// <summary>Where the value ends up: the name of the variable, member or parameter; null when it is used neutrally.</summary>
        private static string? Destination(IOperation value, out bool handedOver)
        {
            handedOver = false;
            var child = value;
            var parent = value.Parent;
            for (; parent is not null; child = parent, parent = parent?.Parent)
            {
                switch (parent)
                {
                    case IConversionOperation or IParenthesizedOperation or IBinaryOperation or IUnaryOperation
                        or IInterpolationOperation or IInterpolatedStringOperation or IArrayElementReferenceOperation
                        or IConditionalOperation or ICoalesceOperation or IArrayInitializerOperation or IArrayCreationOperation:
                        continue;
                    case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when indexer.Instance != child:
                        // alphabet[random.Next(alphabet.Length)] becomes a character of the value.
                        continue;
                    case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                        return declarator.Symbol.Name;
                    case IFieldInitializerOperation field when field.InitializedFields.Length > 0:
                        return field.InitializedFields[0].Name;
                    case IPropertyInitializerOperation property when property.InitializedProperties.Length > 0:
                        return property.InitializedProperties[0].Name;
                    case IAssignmentOperation assignment when assignment.Value == child:
                        return NameOf(assignment.Target);
                    case IArgumentOperation { Parent: IPropertyReferenceOperation { Property.IsIndexer: true } }:
                        // An index: the element it picks is what flows on.
                        continue;
                    case IArgumentOperation argument:
                        if (IsTransparentCall(argument.Parent))
                        {
                            // The loop steps on to the call itself.
                            if (argument.Parent is IInvocationOperation { Instance: { } builder } && SymbolFacts.Unwrap(builder) is ILocalReferenceOperation or IFieldReferenceOperation)
                            {
                                // builder.Append(random...) / list.Add(random...): the builder's name is the destination.
                                return NameOf(SymbolFacts.Unwrap(builder));
                            }

                            continue;
                        }

                        handedOver = true;
                        return argument.Parameter?.Name;
                    case IInvocationOperation or IObjectCreationOperation when child is IArgumentOperation:
                        // Reached through an argument of a call already judged transparent.
                        continue;
                    case IInvocationOperation call when call.Instance == child && IsTransparentCall(call):
                        // random.Next().ToString("x")
                        continue;
                    case IReturnOperation:
                        return null;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>Calls that pass a value's content on: string, char, Convert, StringBuilder, collection builders.</summary>
        private static bool IsTransparentCall(IOperation? operation)
        {
            if (operation is not IInvocationOperation invocation)
            {
                return operation is IObjectCreationOperation { Type.SpecialType: SpecialType.System_String };
            }

            var type = invocation.TargetMethod.ContainingType;
            if (type is null)
            {
                return false;
            }

            if (type.SpecialType is SpecialType.System_String or SpecialType.System_Char or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double)
            {
                return true;
            }

            var ns = type.ContainingNamespace?.ToDisplayString();
            return (type.Name is "Convert" or "BitConverter" && ns == "System")
                || (type.Name == "StringBuilder" && ns == "System.Text")
                || (invocation.TargetMethod.Name is "Add" or "Append" or "Insert" && ns is "System.Collections.Generic")
                || invocation.TargetMethod.Name == "ToString";
        }

        private static string? NameOf(IOperation target) => target switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IPropertyReferenceOperation { Property.IsIndexer: true } indexer => indexer.Instance is { } instance ? NameOf(SymbolFacts.Unwrap(instance)) : null,
            IPropertyReferenceOperation property => property.Property.Name,
            IArrayElementReferenceOperation element => NameOf(SymbolFacts.Unwrap(element.ArrayReference)),
            _ => null,
        };

        private static string? EnclosingMemberName(IOperation operation)
        {
            for (var current = operation.Parent; current is not null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation local)
                {
                    return local.Symbol.Name;
                }
            }

            return operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart) switch
            {
                IMethodSymbol { AssociatedSymbol: IPropertySymbol property } => property.Name,
                IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda => lambda.ContainingSymbol is IMethodSymbol outer ? outer.Name : null,
                IMethodSymbol method => method.Name,
                IFieldSymbol field => field.Name,
                _ => null,
            };
        }
    }
}

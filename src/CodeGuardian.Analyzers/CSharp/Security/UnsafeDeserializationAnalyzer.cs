using System.Collections.Generic;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4006: creating <c>BinaryFormatter</c>, <c>SoapFormatter</c>, <c>NetDataContractSerializer</c>,
/// <c>LosFormatter</c> or <c>ObjectStateFormatter</c>; calling their <c>Deserialize</c>/<c>ReadObject</c> on an
/// instance that was not created in the same expression or local (a field or parameter); and setting Json.NET
/// <c>TypeNameHandling</c>/<c>ItemTypeNameHandling</c> to anything but <c>None</c> (assignments, object
/// initializers, <c>[JsonProperty]</c> arguments). <c>System.Text.Json</c> is never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsafeDeserializationAnalyzer : DiagnosticAnalyzer
{
    private const string FormatterAlternative = "System.Text.Json or DataContractSerializer with known types";
    private const string TypeNameAlternative = "TypeNameHandling.None, or a SerializationBinder that allows only known types";

    private static readonly string[] FormatterNames =
    {
        "System.Runtime.Serialization.Formatters.Binary.BinaryFormatter",
        "System.Runtime.Serialization.Formatters.Soap.SoapFormatter",
        "System.Runtime.Serialization.NetDataContractSerializer",
        "System.Web.UI.LosFormatter",
        "System.Web.UI.ObjectStateFormatter",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.UnsafeDeserialization);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>The formatters' deserializing methods: calls are found by these names in each file.</summary>
    private static readonly IdentifierNames DeserializeMethods = IdentifierNames.Of("Deserialize", "UnsafeDeserialize", "UnsafeDeserializeMethodResponse", "ReadObject");

    /// <summary>
    /// A TypeNameHandling setting names Json.NET's settings (<c>TypeNameHandling</c>, <c>ItemTypeNameHandling</c>) on
    /// one side or the enum (<c>TypeNameHandling.Auto</c>) on the other: assignments are found by that suffix in each file.
    /// </summary>
    private static readonly IdentifierNames TypeNameHandlingNames = IdentifierNames.Create([], [], ["TypeNameHandling"]);

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var sinks = context.Compilation.State(Sinks.Create);
        context.RegisterOperationAction(sinks, static (sinks, operation) => sinks.AnalyzeCreation(operation), OperationKind.ObjectCreation);
        context.RegisterOperationActionAt(
            sinks,
            DeserializeMethods,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (sinks, operation) => sinks.AnalyzeInvocation(operation));
        context.RegisterOperationActionAt(
            sinks,
            TypeNameHandlingNames,
            IdentifierActions.AssignmentAround,
            OperationKind.SimpleAssignment,
            static (sinks, operation) => sinks.AnalyzeAssignment(operation));
        context.RegisterSymbolAction(sinks, static (sinks, symbol) => sinks.AnalyzeAttributes(symbol), SymbolKind.Property, SymbolKind.Field, SymbolKind.NamedType);
    }

    private sealed class Sinks
    {
        private readonly BaseTypeClassifier _formatters;
        private readonly bool _hasFormatters;
        private readonly INamedTypeSymbol? _typeNameHandling;

        public Sinks(ImmutableArray<INamedTypeSymbol> formatters, INamedTypeSymbol? typeNameHandling)
        {
            _hasFormatters = formatters.Length > 0;
            var classes = new (INamedTypeSymbol?, string)[formatters.Length];
            for (var i = 0; i < classes.Length; i++)
            {
                classes[i] = (formatters[i], formatters[i].Name);
            }

            _formatters = new BaseTypeClassifier(classes);
            _typeNameHandling = typeNameHandling;
        }

        /// <summary>The formatter types and Json.NET's TypeNameHandling the compilation has; null when it has none.</summary>
        public static Sinks? Create(Compilation compilation)
        {
            var formatters = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
            foreach (var name in FormatterNames)
            {
                if (compilation.GetTypeByMetadataName(name) is { } type)
                {
                    formatters.Add(type);
                }
            }

            var typeNameHandling = compilation.GetTypeByMetadataName("Newtonsoft.Json.TypeNameHandling");
            return formatters.Count == 0 && typeNameHandling is null ? null : new Sinks(formatters.ToImmutable(), typeNameHandling);
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_hasFormatters && FormatterOf(creation.Type) is { } formatter)
            {
                context.Report(Descriptors.UnsafeDeserialization, creation.Syntax.GetLocation(), "new " + formatter, FormatterAlternative);
            }
        }

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!_hasFormatters || invocation.Instance is null || FormatterOf(invocation.Instance.Type) is not { } formatter)
            {
                return;
            }

            // An instance created in this method was already reported at its creation.
            var receiver = SymbolFacts.Unwrap(invocation.Instance);
            if (receiver is IObjectCreationOperation or ILocalReferenceOperation)
            {
                return;
            }

            context.Report(Descriptors.UnsafeDeserialization, invocation.Syntax.GetLocation(), formatter + "." + invocation.TargetMethod.Name, FormatterAlternative);
        }

        public void AnalyzeAssignment(FoundOperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (_typeNameHandling is null || !SymbolFacts.IsType(assignment.Target.Type, _typeNameHandling) || assignment.Target is not (IPropertyReferenceOperation or IFieldReferenceOperation))
            {
                return;
            }

            // Attribute arguments are read from symbols (see AnalyzeAttributes); newer compilers also show them as operations.
            if (ConstantStringAnalysis.IsInvalid(assignment.Value) || assignment.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>() is not null)
            {
                return;
            }

            var value = assignment.Value.ConstantValue;
            if (value.HasValue && value.Value is int flags && flags == 0)
            {
                return;
            }

            // A non-constant setting cannot be proven safe either.
            context.Report(Descriptors.UnsafeDeserialization, assignment.Value.Syntax.GetLocation(), Display(assignment.Value), TypeNameAlternative);
        }

        public void AnalyzeAttributes(SymbolAnalysisContext context)
        {
            if (_typeNameHandling is null)
            {
                return;
            }

            foreach (var attribute in context.Symbol.GetAttributes())
            {
                foreach (var named in attribute.NamedArguments)
                {
                    if (!SymbolFacts.IsType(named.Value.Type, _typeNameHandling) || named.Value.Value is not int flags || flags == 0)
                    {
                        continue;
                    }

                    var location = LocationOfNamedArgument(attribute, named.Key, context.CancellationToken) ?? context.Symbol.Locations[0];
                    context.Report(Descriptors.UnsafeDeserialization, location, EnumMemberName(flags), TypeNameAlternative);
                }
            }
        }

        private static Location? LocationOfNamedArgument(AttributeData attribute, string name, System.Threading.CancellationToken cancellationToken)
        {
            if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax { ArgumentList: { } list })
            {
                foreach (var argument in list.Arguments)
                {
                    if (argument.NameEquals?.Name.Identifier.ValueText == name)
                    {
                        return argument.Expression.GetLocation();
                    }
                }
            }

            return null;
        }

        private static string Display(IOperation value) =>
            SymbolFacts.Unwrap(value) is IFieldReferenceOperation field
                ? field.Field.ContainingType.Name + "." + field.Field.Name
                : "TypeNameHandling";

        private string EnumMemberName(int flags)
        {
            foreach (var member in _typeNameHandling!.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true, ConstantValue: int value } && value == flags)
                {
                    return "TypeNameHandling." + member.Name;
                }
            }

            return "TypeNameHandling";
        }

        /// <summary>The name of the formatter type <paramref name="type"/> is or derives from, else null.</summary>
        private string? FormatterOf(ITypeSymbol? type) => _formatters.Classify(type);
    }
}

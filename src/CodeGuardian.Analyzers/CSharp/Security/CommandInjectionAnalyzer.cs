using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4002: a non-constant file name or argument string given to <c>Process.Start(string[, string])</c>,
/// <c>new ProcessStartInfo(string[, string])</c>, or assigned to <c>ProcessStartInfo.FileName</c>/<c>.Arguments</c>
/// (object initializers included). <c>ArgumentList</c> and the <c>Process.Start(string, IEnumerable&lt;string&gt;)</c>
/// argument list are not a command line and are not reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CommandInjectionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CommandInjection);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static readonly IdentifierNames StartMethod = IdentifierNames.Of("Start");

    private static readonly IdentifierNames StartInfoProperties = IdentifierNames.Of("FileName", "Arguments");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        ProcessSinks.Register(context);
    }

    private sealed class ProcessSinks
    {
        private readonly INamedTypeSymbol _process;
        private readonly INamedTypeSymbol _startInfo;
        private readonly IPropertySymbol? _fileName;
        private readonly IPropertySymbol? _arguments;

        public ProcessSinks(INamedTypeSymbol process, INamedTypeSymbol startInfo)
        {
            _process = process;
            _startInfo = startInfo;
            _fileName = SymbolFacts.Member<IPropertySymbol>(startInfo, "FileName");
            _arguments = SymbolFacts.Member<IPropertySymbol>(startInfo, "Arguments");
        }

        /// <summary>Operation actions for the whole compilation: per-block registration cost more than the checks.</summary>
        public static void Register(CompilationStartAnalysisContext context)
        {
            var blocks = context.Compilation.State(static compilation =>
                compilation.GetTypeByMetadataName("System.Diagnostics.Process") is { } process
                && compilation.GetTypeByMetadataName("System.Diagnostics.ProcessStartInfo") is { } startInfo
                    ? new Block(new ProcessSinks(process, startInfo))
                    : null);
            // Calls and assignments are found by name in each file; creations stay operation actions (`new()` and
            // aliases hide the type's name).
            context.RegisterOperationActionAt(
                blocks,
                StartMethod,
                IdentifierActions.InvocationNamedBy,
                OperationKind.Invocation,
                static (block, operation) => block.AnalyzeInvocation(operation));
            context.RegisterOperationAction(blocks, static (block, operation) => block.AnalyzeCreation(operation), OperationKind.ObjectCreation);
            context.RegisterOperationActionAt(
                blocks,
                StartInfoProperties,
                IdentifierActions.AssignmentTo,
                OperationKind.SimpleAssignment,
                static (block, operation) => block.AnalyzeAssignment(operation));
        }

        private sealed class Block
        {
            private readonly ProcessSinks _sinks;

            public Block(ProcessSinks sinks)
            {
                _sinks = sinks;
            }

            // One analysis per sink found (sinks are rare), over the operation block the value belongs to.
            private static ConstantStringAnalysis StringsAround(IOperation value) => new(ConstantStringAnalysis.RootsOf(value));

            public void AnalyzeInvocation(FoundOperationContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "Start" || !method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, _sinks._process))
                {
                    return;
                }

                CheckStringArguments(context, invocation.Arguments, "Process.Start");
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (SymbolEqualityComparer.Default.Equals(creation.Type, _sinks._startInfo))
                {
                    CheckStringArguments(FoundOperationContext.Of(context), creation.Arguments, "new ProcessStartInfo");
                }
            }

            public void AnalyzeAssignment(FoundOperationContext context)
            {
                var assignment = (ISimpleAssignmentOperation)context.Operation;
                if (assignment.Target is not IPropertyReferenceOperation target)
                {
                    return;
                }

                var property = target.Property.OriginalDefinition;
                if (SymbolEqualityComparer.Default.Equals(property, _sinks._fileName) || SymbolEqualityComparer.Default.Equals(property, _sinks._arguments))
                {
                    Check(context, assignment.Value, "ProcessStartInfo." + property.Name);
                }
            }

            private static void CheckStringArguments(FoundOperationContext context, ImmutableArray<IArgumentOperation> arguments, string sink)
            {
                foreach (var argument in arguments)
                {
                    if (argument.Parameter?.Type.SpecialType == SpecialType.System_String && argument.ArgumentKind != ArgumentKind.DefaultValue
                        && argument.Parameter.Name is "fileName" or "arguments")
                    {
                        Check(context, argument.Value, sink);
                    }
                }
            }

            private static void Check(FoundOperationContext context, IOperation value, string sink)
            {
                if (ConstantStringAnalysis.IsInvalid(value))
                {
                    return;
                }

                var origin = StringsAround(value).Classify(value);
                if (origin != StringOrigin.Constant)
                {
                    context.Report(Descriptors.CommandInjection, value.Syntax.GetLocation(), sink, StringOriginText.Describe(origin));
                }
            }
        }
    }
}

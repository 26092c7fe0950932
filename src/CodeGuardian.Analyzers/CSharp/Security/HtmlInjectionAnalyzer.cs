using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4003: a non-constant value emitted as raw markup: <c>IHtmlHelper.Raw(x)</c>, <c>new HtmlString(x)</c>,
/// <c>new MarkupString(x)</c> and <c>(MarkupString)x</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HtmlInjectionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.HtmlInjection);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static readonly IdentifierNames RawMethod = IdentifierNames.Of("Raw");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        HtmlSinks.Register(context);
    }

    private sealed class HtmlSinks
    {
        private readonly INamedTypeSymbol? _htmlHelper;
        private readonly INamedTypeSymbol? _htmlString;
        private readonly INamedTypeSymbol? _markupString;

        public HtmlSinks(INamedTypeSymbol? htmlHelper, INamedTypeSymbol? htmlString, INamedTypeSymbol? markupString)
        {
            _htmlHelper = htmlHelper;
            _htmlString = htmlString;
            _markupString = markupString;
        }

        /// <summary>Operation actions for the whole compilation: per-block registration cost more than the checks.</summary>
        public static void Register(CompilationStartAnalysisContext context)
        {
            var blocks = context.Compilation.State(static compilation =>
            {
                var htmlHelper = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.Rendering.IHtmlHelper");
                var htmlString = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Html.HtmlString");
                var markupString = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Components.MarkupString");
                return htmlHelper is null && htmlString is null && markupString is null
                    ? null
                    : new Block(new HtmlSinks(htmlHelper, htmlString, markupString));
            });
            // Html.Raw calls are found by name in each file; creations and casts stay operation actions (`new()` and
            // aliases hide the type's name).
            context.RegisterOperationActionAt(
                blocks,
                RawMethod,
                IdentifierActions.InvocationNamedBy,
                OperationKind.Invocation,
                static (block, operation) => block.AnalyzeInvocation(operation));
            context.RegisterOperationAction(blocks, static (block, operation) => block.AnalyzeCreation(operation), OperationKind.ObjectCreation);
            context.RegisterOperationAction(blocks, static (block, operation) => block.AnalyzeConversion(operation), OperationKind.Conversion);
        }

        private sealed class Block
        {
            private readonly HtmlSinks _sinks;

            public Block(HtmlSinks sinks)
            {
                _sinks = sinks;
            }

            // One analysis per sink found (sinks are rare), over the operation block the value belongs to.
            private static ConstantStringAnalysis StringsAround(IOperation value) => new(ConstantStringAnalysis.RootsOf(value));

            public void AnalyzeInvocation(FoundOperationContext context)
            {
                var invocation = (IInvocationOperation)context.Operation;
                var method = invocation.TargetMethod;
                if (method.Name != "Raw" || invocation.Arguments.Length != 1)
                {
                    return;
                }

                if (SymbolFacts.Implements(method.ContainingType, _sinks._htmlHelper) || SymbolFacts.Implements(invocation.Instance?.Type, _sinks._htmlHelper))
                {
                    Check(context, invocation.Arguments[0].Value, "Html.Raw");
                }
            }

            public void AnalyzeCreation(OperationAnalysisContext context)
            {
                var creation = (IObjectCreationOperation)context.Operation;
                if (creation.Arguments.Length != 1)
                {
                    return;
                }

                if (SymbolFacts.IsType(creation.Type, _sinks._htmlString))
                {
                    Check(FoundOperationContext.Of(context), creation.Arguments[0].Value, "new HtmlString");
                }
                else if (SymbolFacts.IsType(creation.Type, _sinks._markupString))
                {
                    Check(FoundOperationContext.Of(context), creation.Arguments[0].Value, "new MarkupString");
                }
            }

            public void AnalyzeConversion(OperationAnalysisContext context)
            {
                var conversion = (IConversionOperation)context.Operation;
                if (conversion.IsImplicit || !SymbolFacts.IsType(conversion.Type, _sinks._markupString) || conversion.Operand.Type?.SpecialType != SpecialType.System_String)
                {
                    return;
                }

                Check(FoundOperationContext.Of(context), conversion.Operand, "(MarkupString)");
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
                    context.Report(Descriptors.HtmlInjection, value.Syntax.GetLocation(), sink, StringOriginText.Describe(origin));
                }
            }
        }
    }
}

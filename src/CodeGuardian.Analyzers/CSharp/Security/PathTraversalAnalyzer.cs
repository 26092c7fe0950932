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
/// CG4005: request input reaching a file-system path inside one method. Sources: <c>IFormFile.FileName</c>;
/// <c>HttpRequest.Query</c>/<c>.Form</c>/<c>.RouteValues</c> values; parameters of controller actions (public instance
/// methods of classes deriving from <c>ControllerBase</c> or marked <c>[ApiController]</c>, not <c>[NonAction]</c>)
/// whose type is <c>string</c> or a bound model class (not numbers, <c>Guid</c>, dates, enums, <c>[FromServices]</c>).
/// Flow: direct use, locals (every assignment of the method), concatenation, interpolation, <c>string</c> methods,
/// <c>ToString()</c>, members of a tainted model. <c>Path.GetFileName</c>/<c>GetFileNameWithoutExtension</c> and any
/// call to a method of the project itself (a possible sanitizer) stop the flow. Sinks: path parameters of
/// <c>System.IO.File</c> and <c>Directory</c> methods, <c>FileStream</c>/<c>StreamReader</c>/<c>StreamWriter</c>/<c>FileInfo</c>
/// constructors, every argument of <c>Path.Combine</c>/<c>Path.Join</c>, and <c>PhysicalFile</c>/<c>File(virtualPath, …)</c>.
/// A path built by <c>Path.Combine</c> is reported there, not again where it is used.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PathTraversalAnalyzer : DiagnosticAnalyzer
{
    private static readonly string[] PathParameterNames = { "path", "sourceFileName", "destFileName", "destinationBackupFileName", "fileName", "physicalPath", "virtualPath", "sourceDirName", "destDirName" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.PathTraversal);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = context.Compilation.State(static compilation => new PathTypes(compilation) is { } types
            && (types.FormFile is not null || types.HttpRequest is not null || types.ControllerBase is not null) ? types : null);
        context.RegisterOperationBlockStartAction(types, static (types, block) => types.OnBlockStart(block));
    }

    private sealed class PathTypes
    {
        public PathTypes(Compilation compilation)
        {
            FormFile = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IFormFile");
            HttpRequest = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpRequest");
            ControllerBase = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ControllerBase");
            ApiController = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            NonAction = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.NonActionAttribute");
            FromServices = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Mvc.FromServicesAttribute");
            File = compilation.GetTypeByMetadataName("System.IO.File");
            Directory = compilation.GetTypeByMetadataName("System.IO.Directory");
            Path = compilation.GetTypeByMetadataName("System.IO.Path");
            FileStream = compilation.GetTypeByMetadataName("System.IO.FileStream");
            StreamReader = compilation.GetTypeByMetadataName("System.IO.StreamReader");
            StreamWriter = compilation.GetTypeByMetadataName("System.IO.StreamWriter");
            FileInfo = compilation.GetTypeByMetadataName("System.IO.FileInfo");
        }

        public INamedTypeSymbol? FormFile { get; }
        public INamedTypeSymbol? HttpRequest { get; }
        public INamedTypeSymbol? ControllerBase { get; }
        public INamedTypeSymbol? ApiController { get; }
        public INamedTypeSymbol? NonAction { get; }
        public INamedTypeSymbol? FromServices { get; }
        public INamedTypeSymbol? File { get; }
        public INamedTypeSymbol? Directory { get; }
        public INamedTypeSymbol? Path { get; }
        public INamedTypeSymbol? FileStream { get; }
        public INamedTypeSymbol? StreamReader { get; }
        public INamedTypeSymbol? StreamWriter { get; }
        public INamedTypeSymbol? FileInfo { get; }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            var block = new Block(this, context.OperationBlocks, context.OwningSymbol as IMethodSymbol);
            context.RegisterOperationAction(block.AnalyzeInvocation, OperationKind.Invocation);
            context.RegisterOperationAction(block.AnalyzeCreation, OperationKind.ObjectCreation);
        }

        public bool IsAction(IMethodSymbol? method)
        {
            if (method is null || method.IsStatic || method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (SymbolFacts.IsType(attribute.AttributeClass, NonAction))
                {
                    return false;
                }
            }

            if (SymbolFacts.DerivesFrom(method.ContainingType, ControllerBase))
            {
                return true;
            }

            for (var type = method.ContainingType; type is not null; type = type.BaseType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (SymbolFacts.IsType(attribute.AttributeClass, ApiController))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    private sealed class Block
    {
        private readonly PathTypes _types;
        private readonly ImmutableArray<IOperation> _roots;
        private readonly bool _isAction;
        private Dictionary<ILocalSymbol, List<IOperation?>>? _writes;
        private readonly Dictionary<ILocalSymbol, string?> _localSources = new(SymbolEqualityComparer.Default);

        public Block(PathTypes types, ImmutableArray<IOperation> roots, IMethodSymbol? owner)
        {
            _types = types;
            _roots = roots;
            _isAction = types.IsAction(owner);
        }

        public void AnalyzeInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            string sink;
            bool everyArgument;
            if (SymbolFacts.IsType(type, _types.Path) && method.Name is "Combine" or "Join")
            {
                sink = "Path." + method.Name;
                everyArgument = true;
            }
            else if (SymbolFacts.IsType(type, _types.File) || SymbolFacts.IsType(type, _types.Directory))
            {
                sink = type!.Name + "." + method.Name;
                everyArgument = false;
            }
            else if (method.Name is "PhysicalFile" or "File" && SymbolFacts.DerivesFrom(type, _types.ControllerBase))
            {
                sink = method.Name;
                everyArgument = false;
            }
            else
            {
                return;
            }

            CheckArguments(context, invocation.Arguments, sink, everyArgument);
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (SymbolFacts.IsType(type, _types.FileStream) || SymbolFacts.IsType(type, _types.StreamReader)
                || SymbolFacts.IsType(type, _types.StreamWriter) || SymbolFacts.IsType(type, _types.FileInfo))
            {
                CheckArguments(context, creation.Arguments, "new " + type!.Name, everyArgument: false);
            }
        }

        private void CheckArguments(OperationAnalysisContext context, ImmutableArray<IArgumentOperation> arguments, string sink, bool everyArgument)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is null)
                {
                    continue;
                }

                if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
                {
                    foreach (var element in initializer.ElementValues)
                    {
                        Check(context, element, sink);
                    }

                    continue;
                }

                if (argument.Parameter.Type.SpecialType == SpecialType.System_String && (everyArgument || IsPathParameter(argument.Parameter.Name)))
                {
                    Check(context, argument.Value, sink);
                }
            }
        }

        private static bool IsPathParameter(string name)
        {
            foreach (var candidate in PathParameterNames)
            {
                if (candidate == name)
                {
                    return true;
                }
            }

            return false;
        }

        private void Check(OperationAnalysisContext context, IOperation value, string sink)
        {
            if (ConstantStringAnalysis.IsInvalid(value))
            {
                return;
            }

            var source = SourceOf(value, 0);
            if (source is not null)
            {
                context.Report(Descriptors.PathTraversal, value.Syntax.GetLocation(), sink, source);
            }
        }

        /// <summary>The request input the value is built from, or null.</summary>
        private string? SourceOf(IOperation value, int depth)
        {
            if (depth > 32)
            {
                return null;
            }

            var operation = SymbolFacts.Unwrap(value);
            switch (operation)
            {
                case IConversionOperation conversion:
                    // User-defined conversions (StringValues to string) keep the content.
                    return SourceOf(conversion.Operand, depth + 1);
                case IPropertyReferenceOperation property:
                    if (SymbolFacts.IsType(property.Property.ContainingType, _types.FormFile) && property.Property.Name == "FileName")
                    {
                        return "IFormFile.FileName";
                    }

                    if (SymbolFacts.DerivesFrom(property.Property.ContainingType, _types.HttpRequest) && property.Property.Name is "Query" or "Form" or "RouteValues")
                    {
                        return "Request." + property.Property.Name;
                    }

                    return property.Instance is null ? null : SourceOf(property.Instance, depth + 1);
                case IFieldReferenceOperation field:
                    return field.Instance is null ? null : SourceOf(field.Instance, depth + 1);
                case IParameterReferenceOperation parameter:
                    return _isAction && IsRequestBound(parameter.Parameter) ? "action parameter " + parameter.Parameter.Name : null;
                case ILocalReferenceOperation local:
                    return SourceOfLocal(local.Local, depth);
                case IBinaryOperation binary:
                    return SourceOf(binary.LeftOperand, depth + 1) ?? SourceOf(binary.RightOperand, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && SourceOf(hole.Expression, depth + 1) is { } holeSource)
                        {
                            return holeSource;
                        }
                    }

                    return null;
                case IConditionalOperation conditional when conditional.WhenFalse is not null:
                    return SourceOf(conditional.WhenTrue, depth + 1) ?? SourceOf(conditional.WhenFalse, depth + 1);
                case ICoalesceOperation coalesce:
                    return SourceOf(coalesce.Value, depth + 1) ?? SourceOf(coalesce.WhenNull, depth + 1);
                case IInvocationOperation invocation:
                    return SourceOfCall(invocation, depth);
                case IConditionalAccessOperation access:
                    return SourceOf(access.WhenNotNull, depth + 1);
                case IConditionalAccessInstanceOperation instance:
                    // x?.ToString(): the receiver is the operand of the enclosing conditional access.
                    for (var parent = instance.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation enclosing)
                        {
                            return SourceOf(enclosing.Operation, depth + 1);
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private string? SourceOfCall(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (SymbolFacts.IsType(method.ContainingType, _types.Path))
            {
                // GetFileName sanitizes; Combine/Join are reported where they are called.
                return method.Name is "GetFullPath" or "GetDirectoryName" or "GetExtension" && invocation.Arguments.Length > 0
                    ? SourceOf(invocation.Arguments[0].Value, depth + 1)
                    : null;
            }

            var passesContent = method.ContainingType?.SpecialType == SpecialType.System_String || method.Name == "ToString";
            if (!passesContent)
            {
                return null;
            }

            if (invocation.Instance is not null && SourceOf(invocation.Instance, depth + 1) is { } instanceSource)
            {
                return instanceSource;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (SourceOf(argument.Value, depth + 1) is { } argumentSource)
                {
                    return argumentSource;
                }
            }

            return null;
        }

        private bool IsRequestBound(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (SymbolFacts.IsType(attribute.AttributeClass, _types.FromServices))
                {
                    return false;
                }
            }

            var type = parameter.Type;
            if (IsStringOrFormFile(type))
            {
                return true;
            }

            // string[], List<string>, IFormFileCollection, IEnumerable<IFormFile>.
            if (type is IArrayTypeSymbol array)
            {
                return IsStringOrFormFile(array.ElementType);
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (implemented.TypeArguments.Length == 1 && implemented.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
                    && IsStringOrFormFile(implemented.TypeArguments[0]))
                {
                    return true;
                }
            }

            if (type is INamedTypeSymbol { TypeArguments.Length: 1 } named && named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)
            {
                return IsStringOrFormFile(named.TypeArguments[0]);
            }

            if (type.TypeKind != TypeKind.Class || type.SpecialType != SpecialType.None)
            {
                return false;
            }

            // Bound models are project classes; framework services (CancellationToken is a struct) are not request input.
            return type.Locations.Length > 0 && type.Locations[0].IsInSource;
        }

        private bool IsStringOrFormFile(ITypeSymbol type) =>
            type.SpecialType == SpecialType.System_String || SymbolFacts.Implements(type, _types.FormFile);

        private string? SourceOfLocal(ILocalSymbol local, int depth)
        {
            if (_localSources.TryGetValue(local, out var known))
            {
                return known;
            }

            _localSources[local] = null; // cycle guard
            EnsureWrites();
            string? source = null;
            if (_writes!.TryGetValue(local, out var writes))
            {
                foreach (var write in writes)
                {
                    if (write is not null && SourceOf(write, depth + 1) is { } found)
                    {
                        source = found;
                        break;
                    }
                }
            }

            _localSources[local] = source;
            return source;
        }

        private void EnsureWrites()
        {
            if (_writes is not null)
            {
                return;
            }

            var writes = new Dictionary<ILocalSymbol, List<IOperation?>>(SymbolEqualityComparer.Default);
            foreach (var root in _roots)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator when declarator.GetVariableInitializer() is { } initializer:
                            Add(writes, declarator.Symbol, initializer.Value);
                            break;
                        case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                            Add(writes, target.Local, assignment.Value);
                            break;
                        case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound:
                            Add(writes, target.Local, compound.Value);
                            break;
                        case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop:
                            Add(writes, variable.Symbol, loop.Collection);
                            break;
                    }
                }
            }

            _writes = writes;
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
}

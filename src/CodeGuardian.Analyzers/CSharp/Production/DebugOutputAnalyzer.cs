using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.CSharp.Production;

/// <summary>
/// CG2001: <c>Console.Write*</c>, <c>Console.Out.Write*</c> and <c>Console.Error.Write*</c> in a library or web
/// project. Console apps (OutputType Exe/WinExe without the Web SDK) and test code are silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DebugOutputAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.DebugOutput);

    /// <summary>Console's output methods all start with "Write" (Write, WriteLine, WriteAsync, …).</summary>
    private static readonly IdentifierNames WriteMethods = IdentifierNames.StartingWith("Write");

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (!IsLibraryOrWebProject(start.Compilation, start.Options))
            {
                return;
            }

            var options = start.Options;
            var symbols = start.Compilation.State(compilation => compilation.GetTypeByMetadataName("System.Console") is { } console
                ? new ConsoleUse(console, TestCode.IsTestProject(compilation, options))
                : null);
            start.RegisterSyntaxNodeActionAt(
                symbols,
                WriteMethods,
                IdentifierActions.InvocationNamedBy,
                static (symbols, context) => Analyze(context, symbols.Console, symbols.IsTestProject));
        });
    }

    private sealed class ConsoleUse
    {
        public ConsoleUse(INamedTypeSymbol console, bool isTestProject)
        {
            Console = console;
            IsTestProject = isTestProject;
        }

        public INamedTypeSymbol Console { get; }

        public bool IsTestProject { get; }
    }

    /// <summary>
    /// Web SDK projects always count; otherwise OutputType decides, and without it the compilation's output kind.
    /// </summary>
    internal static bool IsLibraryOrWebProject(Compilation compilation, AnalyzerOptions options)
    {
        var global = new RuleOptions(options.AnalyzerConfigOptionsProvider.GlobalOptions);
        if (global.TryGetBuildProperty("UsingMicrosoftNETSdkWeb", out var web) && web.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (global.TryGetBuildProperty("OutputType", out var outputType))
        {
            return !(outputType.Equals("Exe", StringComparison.OrdinalIgnoreCase)
                || outputType.Equals("WinExe", StringComparison.OrdinalIgnoreCase)
                || outputType.Equals("AppContainerExe", StringComparison.OrdinalIgnoreCase));
        }

        var kind = compilation.Options.OutputKind;
        return kind is not (OutputKind.ConsoleApplication or OutputKind.WindowsApplication or OutputKind.WindowsRuntimeApplication);
    }

    private static void Analyze(FoundNodeContext context, INamedTypeSymbol console, bool isTestProject)
    {
        var invocation = (InvocationExpressionSyntax)context.Node;

        // Syntax filter first: the invoked name must start with "Write".
        var name = invocation.Expression switch
        {
            MemberAccessExpressionSyntax memberAccess => memberAccess.Name,
            SimpleNameSyntax simple => simple,
            _ => null,
        };
        if (name is null || !name.Identifier.ValueText.StartsWith("Write", StringComparison.Ordinal))
        {
            return;
        }

        // writer.Write(…), _output.WriteLine(…): a receiver named like a local, parameter or field is no console type
        // (types and aliases are PascalCase by convention), so the call is not bound — serializers make many such calls.
        if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiverIdentifier }
            && receiverIdentifier.Identifier.ValueText is { Length: > 0 } receiverName && (char.IsLower(receiverName[0]) || receiverName[0] == '_'))
        {
            return;
        }

        if (context.SemanticModel.GetSymbolInfo(invocation, context.CancellationToken).Symbol is not IMethodSymbol method)
        {
            return;
        }

        string display;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, console))
        {
            display = "Console." + method.Name;
        }
        else if (invocation.Expression is MemberAccessExpressionSyntax { Expression: { } receiver }
            && context.SemanticModel.GetSymbolInfo(receiver, context.CancellationToken).Symbol is IPropertySymbol { Name: "Out" or "Error" } stream
            && SymbolEqualityComparer.Default.Equals(stream.ContainingType, console))
        {
            display = "Console." + stream.Name + "." + method.Name;
        }
        else
        {
            return;
        }

        if (TestCode.IsSkippedTestCode(isTestProject, context.Node.SyntaxTree, context.Options, RuleIdentifiers.DebugOutput))
        {
            return;
        }

        context.Report(Descriptors.DebugOutput, invocation.GetLocation(), display);
    }
}

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Text.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CodeGuardian.Analyzers.Tests.CSharp.Analysis;

/// <summary>
/// The first symbol lookup of a compilation waits for the compiler to bind every reference, which a build charges to
/// the analyzer that asked. Compilation-start actions therefore must not ask: symbols are resolved by the first
/// callback (<see cref="CompilationState{T}"/>). The probe compilation has a reference that throws when read.
/// </summary>
public sealed class CompilationStartTests
{
    public static TheoryData<string> Analyzers()
    {
        var data = new TheoryData<string>();
        foreach (var type in AnalyzerTypes())
        {
            data.Add(type.FullName!);
        }

        return data;
    }

    [Fact]
    public void The_probe_fails_when_a_symbol_is_looked_up()
    {
        Assert.Throws<ReferenceReadException>(() => ProbeCompilation().GetTypeByMetadataName("System.Exception"));
    }

    [Theory]
    [MemberData(nameof(Analyzers))]
    public void Compilation_start_resolves_no_symbols(string analyzerType)
    {
        var analyzer = (DiagnosticAnalyzer)Activator.CreateInstance(typeof(TextFileAnalyzer).Assembly.GetType(analyzerType, throwOnError: true)!)!;
        var context = new RecordingAnalysisContext();
        analyzer.Initialize(context);

        var compilation = ProbeCompilation();
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        foreach (var start in context.CompilationStartActions)
        {
            start(new RecordingCompilationStartContext(compilation, options));
        }
    }

    [Fact]
    public void State_is_created_once_for_concurrent_callbacks()
    {
        var created = 0;
        var state = ProbeCompilation().State(_ =>
        {
            Interlocked.Increment(ref created);
            Thread.Sleep(20);
            return new object();
        });

        var seen = new object?[8];
        Parallel.For(0, seen.Length, i => seen[i] = state.Value);

        Assert.Equal(1, created);
        Assert.All(seen, value => Assert.Same(seen[0], value));
    }

    [Fact]
    public void Absent_state_is_decided_once_and_skips_the_callbacks()
    {
        var created = 0;
        var state = ProbeCompilation().State<object>(_ =>
        {
            created++;
            return null;
        });

        Assert.Null(state.Value);
        Assert.Null(state.Value);
        Assert.Equal(1, created);
    }

    private static IEnumerable<Type> AnalyzerTypes() =>
        typeof(TextFileAnalyzer).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    private static CSharpCompilation ProbeCompilation() =>
        CSharpCompilation.Create(
            "Probe",
            new[] { CSharpSyntaxTree.ParseText("class C { void M() { } }") },
            new MetadataReference[] { new UnreadableReference() },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private sealed class ReferenceReadException : Exception
    {
        public ReferenceReadException()
            : base("a compilation-start action bound the compilation's references")
        {
        }
    }

    /// <summary>A reference whose metadata cannot be read: binding the references throws.</summary>
    private sealed class UnreadableReference : PortableExecutableReference
    {
        public UnreadableReference()
            : base(MetadataReferenceProperties.Assembly, "unreadable.dll")
        {
        }

        protected override DocumentationProvider CreateDocumentationProvider() => DocumentationProvider.Default;

        protected override Metadata GetMetadataImpl() => throw new ReferenceReadException();

        protected override PortableExecutableReference WithPropertiesImpl(MetadataReferenceProperties properties) => this;
    }

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public List<Action<CompilationStartAnalysisContext>> CompilationStartActions { get; } = new();

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => CompilationStartActions.Add(action);

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode)
        {
        }

        public override void EnableConcurrentExecution()
        {
        }
    }

    private sealed class RecordingCompilationStartContext : CompilationStartAnalysisContext
    {
        public RecordingCompilationStartContext(Compilation compilation, AnalyzerOptions options)
            : base(compilation, options, CancellationToken.None)
        {
        }

        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action)
        {
        }

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action)
        {
        }

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds)
        {
        }

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action)
        {
        }

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action)
        {
        }

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds)
        {
        }

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds)
        {
        }

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action)
        {
        }

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action)
        {
        }

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action)
        {
        }
    }
}

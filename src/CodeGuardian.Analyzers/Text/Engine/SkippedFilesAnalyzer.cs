using System;
using System.Collections.Immutable;
using System.IO;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// Reports CG9002 for the files the package's MSBuild targets kept away from the compiler because they hold
/// binary content (the compiler fails the build with CS2015 on a binary AdditionalFile, so those files never
/// reach <see cref="TextFileAnalyzer"/>). The targets pass their full paths in the build property
/// <c>CodeGuardianBinaryFiles</c>, separated by <c>|</c> (<c>;</c> and <c>#</c> start a comment in the
/// generated editorconfig that carries build properties to analyzers).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SkippedFilesAnalyzer : DiagnosticAnalyzer
{
    public const string BinaryFilesProperty = "build_property.CodeGuardianBinaryFiles";

    private const string BinaryReason = "it holds binary content (a NUL character), so it was not passed to the compiler";

    private static readonly char[] Separators = { '|' };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.FileSkipped);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationAction(ReportBinaryFiles);
    }

    private static void ReportBinaryFiles(CompilationAnalysisContext context)
    {
        if (!context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(BinaryFilesProperty, out var list)
            || string.IsNullOrWhiteSpace(list))
        {
            return;
        }

        foreach (var entry in list.Split(Separators, StringSplitOptions.RemoveEmptyEntries))
        {
            var path = entry.Trim();
            if (path.Length == 0)
            {
                continue;
            }

            // The severity comes from the descriptor and the compiler's global settings (.globalconfig):
            // the file has no options of its own because it is not part of the compilation.
            var location = Location.Create(path, default, default);
            context.Report(Descriptors.FileSkipped, location, GetFileName(path), BinaryReason);
        }
    }

    private static string GetFileName(string path)
    {
        try
        {
            return Path.GetFileName(path);
        }
        catch (ArgumentException)
        {
            return path;
        }
    }
}

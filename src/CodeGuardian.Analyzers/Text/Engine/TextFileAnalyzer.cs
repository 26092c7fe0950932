using System;
using System.Buffers;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Configuration.CustomRules;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using CodeGuardian.Analyzers.Text.Rules.Custom;
using CodeGuardian.Analyzers.Performance;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Languages;
using CodeGuardian.Analyzers.Text.Lexing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Text.Engine;

/// <summary>
/// The one analyzer for AdditionalFiles: per file, decide the language, refuse what cannot be scanned (CG9002),
/// lex once, and run every text rule of that language over the same tokens.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TextFileAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Default size cap; larger files are reported with CG9002 and skipped.</summary>
    public const int DefaultMaxFileSize = 2 * 1024 * 1024;

    private const string LanguageMetadataKey = "build_metadata.AdditionalFiles.CodeGuardianLanguage";

    private static readonly ImmutableArray<DiagnosticDescriptor> Supported =
        TextRuleRegistry.SupportedDiagnostics().Add(Descriptors.FileSkipped).Add(Descriptors.InvalidConfiguration);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // Parsed once per compilation; only the text files that match a section pay for a lookup.
            var editorConfigs = EditorConfigSet.From(start.Options, start.CancellationToken);
            var projectFiles = new ProjectFiles(start.Options.AdditionalFiles);
            start.RegisterAdditionalFileAction(context =>
                AnalyzeFile(context.AdditionalFile, context.Options, editorConfigs, projectFiles, context.ReportDiagnostic, context.CancellationToken));
        });
    }

    /// <summary>
    /// The additional-file action without the driver around it: the benchmarks run it directly to measure the
    /// analyzer's own cost per core apart from the driver's scheduling.
    /// </summary>
    internal static void AnalyzeFile(
        AdditionalText file,
        AnalyzerOptions analyzerOptions,
        EditorConfigSet editorConfigs,
        ProjectFiles projectFiles,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
    {
        var options = analyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(file);
        var ruleOptions = new RuleOptions(options);
        if (EditorConfigSet.IsEditorConfig(file.Path))
        {
            // Once per compilation and file, at the offending lines: IDE hosts show it in the .editorconfig itself.
            var editorConfigText = file.GetText(cancellationToken);
            if (editorConfigText is not null)
            {
                var problems = ConfigurationValidator.Validate(EditorConfigFile.Parse(file.Path, editorConfigText).Entries);
                ReportConfigurationProblems(report, ruleOptions, file, editorConfigText, problems);
            }

            return;
        }

        if (CustomRuleSet.IsRulesFile(file.Path))
        {
            var rulesText = file.GetText(cancellationToken);
            if (rulesText is not null)
            {
                var set = CustomPatternRule.Load(projectFiles, file.Path, cancellationToken);
                ReportConfigurationProblems(report, ruleOptions, file, rulesText, set.Problems);
            }

            return;
        }

        var language = options.TryGetValue(LanguageMetadataKey, out var metadata) && !string.IsNullOrWhiteSpace(metadata)
            ? LanguageDetector.FromMetadata(metadata)
            : LanguageDetector.FromPath(file.Path);
        if (language == TextLanguage.Unknown)
        {
            return;
        }

        ruleOptions.TryGetBuildProperty("ProjectDir", out var projectDir);
        var relativePath = FileClassifier.RelativeTo(file.Path, projectDir);
        if (FileClassifier.IsGeneratedOrVendored(relativePath))
        {
            return;
        }

        var rules = TextRuleRegistry.For(language);
        if (rules.IsEmpty)
        {
            return;
        }

        var sectionSeverities = editorConfigs.GetSeverityKeys(file.Path);
        var text = file.GetText(cancellationToken);
        if (text is null)
        {
            ReportSkipped(report, ruleOptions, sectionSeverities, file, "the file could not be read or decoded");
            return;
        }

        var maxSize = DefaultMaxFileSize;
        if (ruleOptions.TryGetValue(RuleIdentifiers.FileSkipped, "max_file_size", out var maxText) && int.TryParse(maxText, out var parsed) && parsed > 0)
        {
            maxSize = parsed;
        }

        if (text.Length > maxSize)
        {
            ReportSkipped(report, ruleOptions, sectionSeverities, file, $"it has {text.Length} characters, more than the limit of {maxSize} (option codeguardian.max_file_size)");
            return;
        }

        var chars = ArrayPool<char>.Shared.Rent(Math.Max(text.Length, 1));
        using var tokens = new TokenList(Math.Max(64, text.Length / 6));
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            if (LooksBinary(chars, text.Length))
            {
                ReportSkipped(report, ruleOptions, sectionSeverities, file, "it looks binary (NUL bytes or undecodable content)");
                return;
            }

            Lexers.For(language)?.Tokenize(new ReadOnlySpan<char>(chars, 0, text.Length), tokens, cancellationToken);
            using var scanned = new ScannedFile(file.Path, language, text, chars, text.Length, tokens);
            // The list a file's diagnostics are collected in before they are reported, reused by the thread's next file.
            var diagnostics = ThreadSpare<List<Diagnostic>>.Take() ?? new List<Diagnostic>();
            var ruleContext = new TextRuleContext(scanned, options, sectionSeverities, FileClassifier.IsTestFile(relativePath), projectFiles, diagnostics, cancellationToken);
            foreach (var rule in rules)
            {
                cancellationToken.ThrowIfCancellationRequested();
                rule.Analyze(ruleContext);
            }

            foreach (var diagnostic in diagnostics)
            {
                report(diagnostic);
            }

            diagnostics.Clear();
            ThreadSpare<List<Diagnostic>>.Give(diagnostics);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>NUL characters, or many replacement characters from failed decoding, mean this is not text.</summary>
    private static bool LooksBinary(char[] chars, int length)
    {
        // Vectorized search: both characters are rare in text, so this jumps from one to the next.
        var probe = new ReadOnlySpan<char>(chars, 0, Math.Min(length, 8192));
        var replacements = 0;
        var rest = probe;
        while (true)
        {
            var next = rest.IndexOfAny('\0', '\uFFFD');
            if (next < 0)
            {
                break;
            }

            if (rest[next] == '\0')
            {
                return true;
            }

            replacements++;
            rest = rest.Slice(next + 1);
        }

        return probe.Length > 0 && replacements * 20 > probe.Length;
    }

    private static void ReportConfigurationProblems(
        Action<Diagnostic> report,
        RuleOptions options,
        AdditionalText file,
        SourceText text,
        IReadOnlyList<ConfigurationProblem> problems)
    {
        if (problems.Count == 0 || !SeverityResolver.TryGetEffectiveSeverity(Descriptors.InvalidConfiguration, null, options, out var severity))
        {
            return;
        }

        foreach (var problem in problems)
        {
            var line = problem.Line >= 0 && problem.Line < text.Lines.Count ? text.Lines[problem.Line] : text.Lines[text.Lines.Count - 1];
            var location = Location.Create(file.Path, line.Span, text.Lines.GetLinePositionSpan(line.Span));
            report(Diagnostic.Create(Descriptors.InvalidConfiguration, location, severity, null, null, problem.Message));
        }
    }

    private static void ReportSkipped(
        Action<Diagnostic> report,
        RuleOptions options,
        Dictionary<string, string>? sectionSeverities,
        AdditionalText file,
        string reason)
    {
        if (!SeverityResolver.TryGetEffectiveSeverity(Descriptors.FileSkipped, sectionSeverities, options, out var severity))
        {
            return;
        }

        var location = Location.Create(file.Path, default, default);
        report(Diagnostic.Create(Descriptors.FileSkipped, location, severity, null, null, System.IO.Path.GetFileName(file.Path), reason));
    }
}

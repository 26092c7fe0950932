using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using CodeGuardian.Analyzers.Configuration.EditorConfig;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace CodeGuardian.Analyzers.Tests.Configuration;

/// <summary>Builds an <see cref="EditorConfigSet"/> the way the analyzer does: from the AdditionalFiles of a compilation.</summary>
internal static class EditorConfigSetFactory
{
    public static EditorConfigSet Create(params (string Path, string Text)[] files) =>
        EditorConfigSet.From(
            new AnalyzerOptions(files.Select(f => (AdditionalText)new InMemoryText(f.Path, f.Text)).ToImmutableArray()),
            CancellationToken.None);

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }
}

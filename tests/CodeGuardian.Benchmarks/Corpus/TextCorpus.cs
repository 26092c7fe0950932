using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using CodeGuardian.Analyzers.Text.Languages;

namespace CodeGuardian.Benchmarks.Corpus;

/// <summary>The shape of a text corpus.</summary>
public enum TextCorpusShape
{
    /// <summary>Many generated files of about 12 KB each (a typical project).</summary>
    ManyFiles,

    /// <summary>One generated file as large as the whole many-files corpus: same bytes, so equal MB/s means linear time.</summary>
    OneLargeFile,

    /// <summary>The files of that language under <c>samples/</c>.</summary>
    Samples,

    /// <summary>Many generated files of about 1.5 KB each (scripts, migrations): the per-file fixed cost.</summary>
    SmallFiles,
}

/// <summary>A set of text files of one language, generated once per process and cached.</summary>
internal sealed class TextCorpus
{
    private static readonly ConcurrentDictionary<(TextLanguage, TextCorpusShape), TextCorpus> Cache = new();

    private TextCorpus(IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<(string Path, string Text)> manifests)
    {
        Files = files;
        var all = new List<(string Path, string Text)>(files);
        all.AddRange(manifests);
        AdditionalFiles = all;
        var bytes = 0L;
        foreach (var (_, text) in files)
        {
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        Utf8Bytes = bytes;
    }

    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>
    /// What a build passes to the analyzer: <see cref="Files"/> and, for generated corpora, their project's package
    /// manifest (as real projects have one, so the undeclared-import rule does its per-file work). Not counted in
    /// <see cref="Utf8Bytes"/>: it is not a file of the language.
    /// </summary>
    public IReadOnlyList<(string Path, string Text)> AdditionalFiles { get; }

    /// <summary>Size of the corpus on disk (UTF-8), the base of the MB/s and bytes-per-MB columns.</summary>
    public long Utf8Bytes { get; }

    public static TextCorpus Get(TextLanguage language, TextCorpusShape shape) =>
        Cache.GetOrAdd((language, shape), key => new TextCorpus(Create(key.Item1, key.Item2), ManifestsOf(key.Item1, key.Item2)));

    private static List<(string Path, string Text)> ManifestsOf(TextLanguage language, TextCorpusShape shape)
    {
        var manifests = new List<(string, string)>();
        if (shape == TextCorpusShape.Samples)
        {
            return manifests;
        }

        switch (language)
        {
            case TextLanguage.JavaScript:
                manifests.Add(("/src/generated/package.json", "{\n  \"name\": \"export-pipeline\",\n  \"dependencies\": { \"express\": \"^4.19.0\", \"pg\": \"^8.11.0\", \"lodash\": \"4.17.21\" },\n  \"devDependencies\": { \"vitest\": \"^1.6.0\" }\n}\n"));
                break;
            case TextLanguage.Python:
                manifests.Add(("/src/generated/requirements.txt", "requests==2.31.0\nflask>=3.0\nSQLAlchemy~=2.0\npydantic>=2\nPyYAML==6.0.1\npytest  # tests\n"));
                break;
            case TextLanguage.Rust:
                manifests.Add(("/src/generated/Cargo.toml", "[package]\nname = \"export-pipeline\"\nversion = \"0.1.0\"\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\ntokio = \"1\"\nanyhow = \"1\"\n"));
                break;
        }

        return manifests;
    }

    private static List<(string Path, string Text)> Create(TextLanguage language, TextCorpusShape shape)
    {
        var extension = Extension(language);
        var files = new List<(string, string)>();
        switch (shape)
        {
            case TextCorpusShape.ManyFiles:
            {
                var random = new DeterministicRandom(7);
                var total = 0;
                for (var i = 0; total < BenchmarkSettings.TextCorpusSize; i++)
                {
                    var text = Generate(language, BenchmarkSettings.TextFileSize, random);
                    total += text.Length;
                    files.Add(($"/src/generated/file{i}{extension}", text));
                }

                break;
            }

            case TextCorpusShape.SmallFiles:
            {
                var random = new DeterministicRandom(11);
                var total = 0;
                for (var i = 0; total < BenchmarkSettings.TextCorpusSize / 4; i++)
                {
                    var text = Generate(language, BenchmarkSettings.TextSmallFileSize, random);
                    total += text.Length;
                    files.Add(($"/src/generated/small{i}{extension}", text));
                }

                break;
            }

            case TextCorpusShape.OneLargeFile:
                files.Add(($"/src/generated/large{extension}", Generate(language, BenchmarkSettings.TextCorpusSize, new DeterministicRandom(7))));
                break;

            default:
                foreach (var path in SampleFiles(language))
                {
                    files.Add((path, File.ReadAllText(path)));
                }

                break;
        }

        return files;
    }

    private static string Generate(TextLanguage language, int size, DeterministicRandom random) => language switch
    {
        TextLanguage.JavaScript => TextGenerators.JavaScript(size, random),
        TextLanguage.Python => TextGenerators.Python(size, random),
        TextLanguage.Sql => TextGenerators.Sql(size, random),
        TextLanguage.Rust => TextGenerators.Rust(size, random),
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    private static string Extension(TextLanguage language) => language switch
    {
        TextLanguage.JavaScript => ".js",
        TextLanguage.Python => ".py",
        TextLanguage.Sql => ".sql",
        TextLanguage.Rust => ".rs",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    private static List<string> SampleFiles(TextLanguage language)
    {
        var samples = FindSamplesDirectory();
        var result = new List<string>();
        if (samples is null)
        {
            return result;
        }

        var extension = Extension(language);
        foreach (var path in Directory.EnumerateFiles(samples, "*" + extension, SearchOption.AllDirectories))
        {
            if (!path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                result.Add(path);
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    /// <summary>The repository's <c>samples/</c> folder, found by walking up from the running assembly.</summary>
    private static string? FindSamplesDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "CodeGuardian.Samples.sln");
            if (File.Exists(candidate))
            {
                return Path.GetDirectoryName(candidate);
            }
        }

        return null;
    }
}

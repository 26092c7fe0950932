using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using CodeGuardian.Analyzers.Rules;

namespace CodeGuardian.Analyzers.Tests.Documentation;

/// <summary>
/// A rule is one place to add: its descriptor. These tests keep everything derived from it in step —
/// doc page header, README table, release tracking, help link, ID ranges — and check the docs are written.
/// </summary>
public class RuleCatalogSyncTests
{
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in RuleCatalog.AllDescriptors)
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    [Fact]
    public void Catalog_IsNotEmpty_AndIdsAreUnique()
    {
        Assert.NotEmpty(RuleCatalog.AllDescriptors);
        Assert.Equal(RuleCatalog.AllDescriptors.Count, RuleCatalog.AllDescriptors.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_IsSupportedByAnAnalyzer(string id) =>
        Assert.True(RuleCatalog.SupportedIds.Contains(id), $"{id} has a descriptor but no analyzer reports it");

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_HelpLink_CategoryPrefix_AndIdRange(string id)
    {
        var descriptor = RuleCatalog.AllDescriptors.Single(d => d.Id == id);
        Assert.Equal(DescriptorFactory.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.StartsWith("CodeGuardian.", descriptor.Category, StringComparison.Ordinal);
        var range = descriptor.Category switch
        {
            RuleCategories.Maintainability => '1',
            RuleCategories.Production => '2',
            RuleCategories.Reliability => '3',
            RuleCategories.Security => '4',
            RuleCategories.Performance => '5',
            RuleCategories.Dependencies => '6',
            RuleCategories.Configuration => '9',
            _ => '?',
        };
        Assert.Equal(range, id[2]);
        Assert.NotEmpty(RuleCatalog.Languages(descriptor));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void DocPage_ExistsWithGeneratedHeader_AndIsWritten(string id)
    {
        var descriptor = RuleCatalog.AllDescriptors.Single(d => d.Id == id);
        var path = Path.Combine(RuleCatalog.RepoRoot, "docs", "rules", id + ".md");
        Assert.True(File.Exists(path), $"missing {path}");
        var content = File.ReadAllText(path).Replace("\r\n", "\n");
        var header = RuleCatalog.DocHeader(descriptor);
        var headerEnd = content.IndexOf("\n## ", StringComparison.Ordinal);
        Assert.True(headerEnd > 0, $"{id}.md has no sections");
        var actualHeader = content.Substring(0, headerEnd).TrimEnd('\n');
        if (RuleCatalog.UpdateMode && actualHeader != header)
        {
            File.WriteAllText(path, header + "\n" + content.Substring(headerEnd));
            return;
        }

        Assert.Equal(header, actualHeader);
        foreach (var section in new[] { "## What it finds, per language", "## Options", "## How to suppress", "## Code fix" })
        {
            Assert.Contains(section, content, StringComparison.Ordinal);
        }

        foreach (var language in RuleCatalog.Languages(descriptor))
        {
            Assert.Contains("### " + RuleCatalog.LanguageNames[language], content, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("_Examples pending._", content, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsFolder_HasNoPageWithoutDescriptor()
    {
        var ids = RuleCatalog.AllDescriptors.Select(d => d.Id).ToHashSet();
        var pages = Directory.GetFiles(Path.Combine(RuleCatalog.RepoRoot, "docs", "rules"), "*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(page!, ids));
    }

    [Fact]
    public void Readme_RuleTable_IsGeneratedFromDescriptors()
    {
        var path = Path.Combine(RuleCatalog.RepoRoot, "README.md");
        var content = File.ReadAllText(path).Replace("\r\n", "\n");
        const string Start = "<!-- rules:start -->\n";
        const string End = "<!-- rules:end -->";
        var from = content.IndexOf(Start, StringComparison.Ordinal);
        var to = content.IndexOf(End, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, "README.md needs the rules:start / rules:end markers");
        var actual = content.Substring(from + Start.Length, to - from - Start.Length);
        var expected = RuleCatalog.ReadmeTable();
        if (RuleCatalog.UpdateMode && actual != expected)
        {
            File.WriteAllText(path, content.Substring(0, from + Start.Length) + expected + content.Substring(to));
            return;
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ReleaseTracking_HasOneRowPerDescriptor()
    {
        var root = Path.Combine(RuleCatalog.RepoRoot, "src", "CodeGuardian.Analyzers");
        var rows = File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Shipped.md"))
            .Concat(File.ReadAllLines(Path.Combine(root, "AnalyzerReleases.Unshipped.md")))
            .Where(line => Regex.IsMatch(line, @"^CG\d{4} \|"))
            .Select(line => line.Trim())
            .ToList();
        foreach (var descriptor in RuleCatalog.AllDescriptors)
        {
            Assert.Contains(RuleCatalog.ReleaseRow(descriptor), rows);
        }

        Assert.Equal(RuleCatalog.AllDescriptors.Count, rows.Count);
    }
}

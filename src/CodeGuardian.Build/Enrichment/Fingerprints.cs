using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using CodeGuardian.Build.Model;

namespace CodeGuardian.Build.Enrichment;

/// <summary>
/// CodeGuardian's stable fingerprint: SHA-256 of rule ID, root-relative path and the finding's line text with
/// whitespace collapsed, as 32 hex characters. It survives line moves and re-indentation. Identical inputs in one
/// file are told apart by their order (<c>:2</c>, <c>:3</c> … before hashing). For secret rules the redacted message
/// stands in for the line so no hash is ever derived from a secret value.
/// </summary>
internal static class Fingerprints
{
    /// <summary>Key in SARIF <c>fingerprints</c>.</summary>
    public const string Key = "codeguardian/v1";

    public static void Assign(IList<Finding> findings, SourceRoot root, SourceFiles files)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var finding in Ordered(findings))
        {
            if (finding.Fingerprint.Length > 0)
            {
                continue;
            }

            string? lineText = null;
            if (!RuleCatalog.IsSecretRule(finding.RuleId) && finding.RelativePath is not null && finding.StartLine > 0)
            {
                lineText = files.Get(finding.AbsolutePath ?? root.Resolve(finding.RelativePath))?.LineText(finding.StartLine);
            }

            var subject = lineText is null ? "message:" + finding.Message : "line:" + NormalizeWhitespace(lineText);
            var input = finding.RuleId + "\n" + (finding.RelativePath ?? "") + "\n" + subject;
            occurrences.TryGetValue(input, out var count);
            count++;
            occurrences[input] = count;
            finding.Fingerprint = Hash(count == 1 ? input : input + "\n:" + count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Trims and collapses every run of white space to one space.</summary>
    public static string NormalizeWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }

    public static string Hash(string input)
    {
        using var sha = SHA256.Create();
        var digest = sha.ComputeHash(Encoding.UTF8.GetBytes(input));
        var builder = new StringBuilder(32);
        for (var i = 0; i < 16; i++)
        {
            builder.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    /// <summary>Document order, so the n-th identical line is the same one on every run.</summary>
    private static List<Finding> Ordered(IList<Finding> findings)
    {
        var list = new List<Finding>(findings);
        list.Sort(ReportOrder.Compare);
        return list;
    }
}

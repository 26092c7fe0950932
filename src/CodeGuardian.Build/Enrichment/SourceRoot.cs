using System;
using System.IO;
using System.Text;

namespace CodeGuardian.Build.Enrichment;

/// <summary>
/// The repository root that every report path is relative to (<c>%SRCROOT%</c>), and the conversions between
/// log URIs, absolute paths and relative paths.
/// </summary>
internal sealed class SourceRoot
{
    private static readonly bool IgnoreCase = Path.DirectorySeparatorChar == '\\';

    public SourceRoot(string rootDirectory)
    {
        FullPath = EnsureTrailingSeparator(Path.GetFullPath(rootDirectory));
    }

    /// <summary>Absolute root with a trailing separator.</summary>
    public string FullPath { get; }

    /// <summary>The root as a file URI with a trailing slash, for <c>originalUriBaseIds</c>.</summary>
    public string Uri => new Uri(FullPath).AbsoluteUri;

    /// <summary>The nearest folder at or above <paramref name="startDirectory"/> holding <c>.git</c> (folder or file); the start itself when there is none.</summary>
    public static string Discover(string startDirectory)
    {
        var start = Path.GetFullPath(startDirectory);
        var current = start;
        while (!string.IsNullOrEmpty(current))
        {
            var git = Path.Combine(current, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return current;
            }

            current = Path.GetDirectoryName(current);
        }

        return start;
    }

    /// <summary>
    /// Turns a log URI (file URI, absolute path, or path relative to <paramref name="baseDirectory"/>) into an
    /// absolute path; null when it is no file on this machine's file system (another scheme).
    /// </summary>
    public static string? ToAbsolutePath(string uri, string baseDirectory)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            return null;
        }

        try
        {
            if (uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                return Path.GetFullPath(new Uri(uri).LocalPath);
            }

            if (uri.IndexOf("://", StringComparison.Ordinal) > 0)
            {
                return null;
            }

            var decoded = System.Uri.UnescapeDataString(uri);
            return Path.GetFullPath(Path.IsPathRooted(decoded) ? decoded : Path.Combine(baseDirectory, decoded));
        }
        catch (Exception exception) when (exception is UriFormatException or ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>
    /// Path of <paramref name="absolutePath"/> relative to the root with forward slashes. A file outside the root keeps
    /// a relative form with <c>..</c> segments, or only its file name when it is on another volume, so no absolute
    /// path is ever written.
    /// </summary>
    public string Relativize(string absolutePath)
    {
        var full = Path.GetFullPath(absolutePath);
        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (full.StartsWith(FullPath, comparison))
        {
            return full.Substring(FullPath.Length).Replace('\\', '/');
        }

        var rootParts = FullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var fileParts = full.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var common = 0;
        while (common < rootParts.Length && common < fileParts.Length - 1 && string.Equals(rootParts[common], fileParts[common], comparison))
        {
            common++;
        }

        // No shared prefix but the file-system root (or another drive): the file name alone leaks nothing.
        if (common == 0 || (common == 1 && rootParts[0].Length == 0))
        {
            return Path.GetFileName(full);
        }

        var builder = new StringBuilder();
        for (var i = common; i < rootParts.Length; i++)
        {
            builder.Append("../");
        }

        for (var i = common; i < fileParts.Length; i++)
        {
            builder.Append(fileParts[i]);
            if (i < fileParts.Length - 1)
            {
                builder.Append('/');
            }
        }

        return builder.ToString();
    }

    /// <summary>Absolute path of a root-relative path.</summary>
    public string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(FullPath, relativePath.Replace('/', Path.DirectorySeparatorChar)));

    /// <summary>Relative SARIF URI (percent-encoded where needed) of a root-relative path.</summary>
    public static string ToRelativeUri(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i] == ".." ? segments[i] : System.Uri.EscapeDataString(segments[i]);
        }

        return string.Join("/", segments);
    }

    /// <summary>Replaces every occurrence of the root (either slash style, file URI form too) in free text by nothing, so messages carry relative paths.</summary>
    public string Scrub(string text)
    {
        // A root at the top of a drive would match every path separator: nothing sensible to remove then.
        if (string.IsNullOrEmpty(text) || FullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar, ':').Length <= 2)
        {
            return text;
        }

        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var result = ReplaceAll(text, Uri, "", comparison);
        result = ReplaceAll(result, FullPath, "", comparison);
        result = ReplaceAll(result, FullPath.Replace('\\', '/'), "", comparison);
        var bare = FullPath.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (bare.Length > 1)
        {
            result = ReplaceAll(result, bare, ".", comparison);
        }

        return result;
    }

    private static string ReplaceAll(string text, string oldValue, string newValue, StringComparison comparison)
    {
        if (oldValue.Length == 0)
        {
            return text;
        }

        var index = text.IndexOf(oldValue, comparison);
        if (index < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var last = 0;
        while (index >= 0)
        {
            builder.Append(text, last, index - last).Append(newValue);
            last = index + oldValue.Length;
            index = text.IndexOf(oldValue, last, comparison);
        }

        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private static string EnsureTrailingSeparator(string path) =>
        path.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) || path.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? path
            : path + Path.DirectorySeparatorChar;
}

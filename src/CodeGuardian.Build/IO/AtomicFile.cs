using System;
using System.IO;
using System.Text;
using System.Threading;

namespace CodeGuardian.Build.IO;

/// <summary>
/// Writes a file so readers and parallel writers only ever see a whole old or a whole new version: the content
/// goes to a unique temporary file beside the target, then replaces the target in one rename.
/// </summary>
internal static class AtomicFile
{
    private const int Attempts = 50;

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text));

    public static void WriteAllBytes(string path, byte[] content)
    {
        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(flushToDisk: true);
            }

            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    if (File.Exists(fullPath))
                    {
                        File.Replace(temporary, fullPath, destinationBackupFileName: null, ignoreMetadataErrors: true);
                    }
                    else
                    {
                        File.Move(temporary, fullPath);
                    }

                    return;
                }
                catch (Exception exception) when (attempt < Attempts && exception is IOException or UnauthorizedAccessException)
                {
                    // Another writer won the race (the target appeared or vanished), or on Windows a reader holds it
                    // without delete sharing: try again shortly with the other primitive.
                    Thread.Sleep(10 * Math.Min(attempt, 10));
                }
            }
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path))
            {
                File.Delete(path);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

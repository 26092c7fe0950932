using System;
using System.Diagnostics;
using System.IO;
using System.Threading;

namespace CodeGuardian.Build.IO;

/// <summary>
/// An exclusive lock on a folder shared by the projects of one build (a lock file opened without sharing),
/// so a merge reads and writes the merged reports as one step. Works across processes (MSBuild nodes) and threads.
/// </summary>
internal sealed class FolderLock : IDisposable
{
    public const string FileName = ".codeguardian.lock";

    private readonly FileStream _stream;

    private FolderLock(FileStream stream)
    {
        _stream = stream;
    }

    /// <summary>Waits up to <paramref name="timeout"/>; null when the lock could not be taken in time.</summary>
    public static FolderLock? Acquire(string directory, TimeSpan timeout)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        var clock = Stopwatch.StartNew();
        var delay = 5;
        while (true)
        {
            try
            {
                return new FolderLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                if (clock.Elapsed >= timeout)
                {
                    return null;
                }

                Thread.Sleep(delay);
                delay = Math.Min(delay * 2, 100);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}

using System;

namespace CodeGuardian.Analyzers.Performance;

/// <summary>
/// One spare <typeparamref name="T"/> per thread: a per-file buffer (a list, a small array) that the next file scanned
/// on the same thread takes over instead of allocating its own. <see cref="Take"/> empties the slot, so a buffer is
/// never shared; give it back only once nothing refers to its contents (cleared, or holding plain values), and not
/// from a run that was cancelled midway.
/// </summary>
internal static class ThreadSpare<T>
    where T : class
{
    [ThreadStatic]
    private static T? t_spare;

    /// <summary>The thread's spare, or null (the caller allocates).</summary>
    public static T? Take()
    {
        var spare = t_spare;
        t_spare = null;
        return spare;
    }

    /// <summary>Keeps <paramref name="value"/> for the next <see cref="Take"/> on this thread.</summary>
    public static void Give(T? value) => t_spare = value;
}

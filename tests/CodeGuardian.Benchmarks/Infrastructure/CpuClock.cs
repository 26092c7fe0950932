using System.Runtime.InteropServices;

namespace CodeGuardian.Benchmarks.Infrastructure;

/// <summary>
/// CPU time of the calling thread or of the whole process (Linux <c>clock_gettime</c>): on a shared machine it leaves
/// out the time spent waiting for a core, which wall time counts. Zero where the clock cannot be read.
/// </summary>
internal static class CpuClock
{
    private const int ProcessCpuTimeClock = 2;
    private const int ThreadCpuTimeClock = 3;

    /// <summary>Whether this platform has the clock (elsewhere callers fall back to wall time).</summary>
    public static bool IsAvailable => RuntimeInformation.IsOSPlatform(OSPlatform.Linux);

    public static double Seconds(bool wholeProcess) =>
        IsAvailable && ClockGetTime(wholeProcess ? ProcessCpuTimeClock : ThreadCpuTimeClock, out var time) == 0
            ? time.Seconds + (time.Nanoseconds / 1e9)
            : 0;

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}

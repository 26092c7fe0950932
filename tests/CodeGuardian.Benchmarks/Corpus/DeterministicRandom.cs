namespace CodeGuardian.Benchmarks.Corpus;

/// <summary>
/// A tiny xorshift generator: the same seed gives the same corpus on every runtime and machine, so benchmark
/// results stay comparable between runs and versions.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _state;

    public DeterministicRandom(ulong seed)
    {
        _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
    }

    /// <summary>A value in [0, maxExclusive).</summary>
    public int Next(int maxExclusive)
    {
        _state ^= _state << 13;
        _state ^= _state >> 7;
        _state ^= _state << 17;
        return (int)(_state % (ulong)maxExclusive);
    }

    public bool Chance(int percent) => Next(100) < percent;

    public T Pick<T>(T[] items) => items[Next(items.Length)];
}

using System;
using System.Globalization;

namespace CodeGuardian.Analyzers.Tests.Robustness;

/// <summary>
/// The fuzzing budget: a fixed seed and a small number of iterations in CI, more with the environment variable
/// <c>CODEGUARDIAN_FUZZ_ITERATIONS</c> (and another seed with <c>CODEGUARDIAN_FUZZ_SEED</c>) for local runs.
/// </summary>
public static class FuzzSettings
{
    public const int DefaultIterations = 40;

    public static int Iterations { get; } = Read("CODEGUARDIAN_FUZZ_ITERATIONS", DefaultIterations);

    public static int Seed { get; } = Read("CODEGUARDIAN_FUZZ_SEED", 20261126);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}

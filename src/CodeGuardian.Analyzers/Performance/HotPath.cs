using System.Runtime.CompilerServices;

namespace CodeGuardian.Analyzers.Performance;

/// <summary>
/// Compilers load analyzers as IL. Their methods start as unoptimized tier-0 code (no inlining: every vector
/// operation and small helper is a call) and are recompiled only after enough calls and a quiet moment — which a
/// busy compiler rarely has — so a scan loop can run at tier-0 for most of a build. Methods marked with
/// <see cref="Optimize"/> are compiled fully optimized on their first call.
/// </summary>
internal static class HotPath
{
    /// <summary>
    /// <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name (runtimes that do not
    /// know it, .NET Framework, ignore it), with <see cref="MethodImplOptions.NoInlining"/>: a tier-1 caller may
    /// otherwise inline the method and compile it with what is left of its own inlining budget, which left the secret
    /// scanner's vector helpers as calls passing vectors through memory (a third of the scan's time at steady state).
    /// The marked methods are whole-file or whole-line loops: one call more costs nothing.
    /// </summary>
    public const MethodImplOptions Optimize = (MethodImplOptions)512 | MethodImplOptions.NoInlining;
}

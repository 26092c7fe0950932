using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace CodeGuardian.Analyzers.Performance;

/// <summary>
/// Reference identity as a cache key, for objects of which the compiler or the package hands out one instance each
/// (symbols of a compilation, static descriptors): hashes a pointer instead of the fields their own equality compares.
/// Two instances for one thing would only cost a second computation of the same answer, never a wrong one.
/// </summary>
internal sealed class ReferenceIdentity<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceIdentity<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}

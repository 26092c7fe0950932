using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace CodeGuardian.CodeFixes.Tests.Verifiers;

/// <summary>
/// Reference assemblies for test compilations, taken from a package at build time so no test ever
/// downloads a targeting pack.
/// </summary>
public static class TestReferences
{
    /// <summary>An empty resolver: the framework references are added as plain metadata references below.</summary>
    public static readonly ReferenceAssemblies None = new("net8.0");

    public static readonly ImmutableArray<MetadataReference> Net80 =
        Basic.Reference.Assemblies.Net80.References.All.Cast<MetadataReference>().ToImmutableArray();
}

using CodeGuardian.Package.Tests.Infrastructure;

namespace CodeGuardian.Package.Tests;

/// <summary>All end-to-end tests share one pack and run one after another (they build in one temp folder).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}

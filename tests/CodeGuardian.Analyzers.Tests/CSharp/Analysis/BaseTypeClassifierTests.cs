using CodeGuardian.Analyzers.CSharp.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CodeGuardian.Analyzers.Tests.CSharp.Analysis;

/// <summary>
/// The cached base-type classification the crypto, randomness and deserialization analyzers share: first listed base
/// wins, answers are per type definition, and types of every kind are answered (cached answers included).
/// </summary>
public sealed class BaseTypeClassifierTests
{
    private const string Source = """
        namespace N
        {
            public abstract class Hash { }
            public class Md5 : Hash { }
            public sealed class Md5Fast : Md5 { }
            public class Generic<T> : Md5 { }
            public class Unrelated { }
            public interface IHash { }
            public struct HashValue : IHash { }
            public static class HashExtensions { public static void Use(this Hash hash) { } }
            public enum HashKind { A }
            public delegate void HashCallback();
            public class Holder<T> where T : Hash { public T Value; }
        }
        """;

    private static readonly CSharpCompilation Compilation = CSharpCompilation.Create(
        "Probe",
        new[] { CSharpSyntaxTree.ParseText(Source) },
        new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    [Theory]
    [InlineData("N.Hash", "Hash")]
    [InlineData("N.Md5", "Md5")]
    [InlineData("N.Md5Fast", "Md5")]
    [InlineData("N.Unrelated", null)]
    [InlineData("N.IHash", null)]
    [InlineData("N.HashValue", null)]
    [InlineData("N.HashExtensions", null)]
    [InlineData("N.HashKind", null)]
    [InlineData("N.HashCallback", null)]
    public void Classifies_by_the_first_listed_base(string typeName, string? expected)
    {
        var classifier = new BaseTypeClassifier((Type("N.Md5"), "Md5"), (Type("N.Hash"), "Hash"));

        Assert.Equal(expected, classifier.Classify(Type(typeName)));
        Assert.Equal(expected, classifier.Classify(Type(typeName)));
    }

    [Fact]
    public void Constructed_generic_types_are_classified_by_their_definition()
    {
        var classifier = new BaseTypeClassifier((Type("N.Md5"), "Md5"));
        var constructed = Type("N.Generic`1").Construct(Compilation.GetSpecialType(SpecialType.System_String));

        Assert.Equal("Md5", classifier.Classify(constructed));
    }

    [Fact]
    public void Special_types_and_type_parameters_do_not_derive_from_a_class_base()
    {
        var classifier = new BaseTypeClassifier((Type("N.Hash"), "Hash"));

        Assert.Null(classifier.Classify(Compilation.GetSpecialType(SpecialType.System_String)));
        Assert.Null(classifier.Classify(Compilation.GetSpecialType(SpecialType.System_Object)));
        Assert.Null(classifier.Classify(Type("N.Holder`1").TypeParameters[0]));
        Assert.Null(classifier.Classify(null));
    }

    [Fact]
    public void A_special_type_can_be_a_base()
    {
        // Everything derives from object: string, structs and static classes included.
        var classifier = new BaseTypeClassifier((Compilation.GetSpecialType(SpecialType.System_Object), "Object"));

        Assert.Equal("Object", classifier.Classify(Compilation.GetSpecialType(SpecialType.System_String)));
        Assert.Equal("Object", classifier.Classify(Type("N.HashValue")));
        Assert.Equal("Object", classifier.Classify(Type("N.HashExtensions")));
    }

    private static INamedTypeSymbol Type(string metadataName) => Compilation.GetTypeByMetadataName(metadataName)!;
}

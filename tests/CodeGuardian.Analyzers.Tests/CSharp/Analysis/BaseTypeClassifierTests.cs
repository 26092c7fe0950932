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

    [Fact]
    public void More_types_than_cache_slots_are_answered_correctly_from_several_threads()
    {
        // 10,000 types share the front table's 1,024 slots: they evict each other and are answered from the dictionary
        // behind it; an answer read for one type is never another type's. Every third type derives from the base.
        var source = new System.Text.StringBuilder("namespace M { public class Base { } ");
        for (var i = 0; i < 10_000; i++)
        {
            source.Append(i % 3 == 0 ? $"public class T{i} : Base {{ }} " : $"public class T{i} {{ }} ");
        }

        var compilation = CSharpCompilation.Create(
            "Many",
            new[] { CSharpSyntaxTree.ParseText(source.Append('}').ToString()) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var types = new INamedTypeSymbol[10_000];
        for (var i = 0; i < types.Length; i++)
        {
            types[i] = compilation.GetTypeByMetadataName("M.T" + i)!;
        }

        var classifier = new BaseTypeClassifier((compilation.GetTypeByMetadataName("M.Base"), "Base"));
        var wrong = 0;
        System.Threading.Tasks.Parallel.For(0, 4, round =>
        {
            for (var pass = 0; pass < 3; pass++)
            {
                for (var i = 0; i < types.Length; i++)
                {
                    var index = (i * 7919 + round * 101) % types.Length;
                    if (classifier.Classify(types[index]) != (index % 3 == 0 ? "Base" : null))
                    {
                        System.Threading.Interlocked.Increment(ref wrong);
                    }
                }
            }
        });

        Assert.Equal(0, wrong);
    }

    private static INamedTypeSymbol Type(string metadataName) => Compilation.GetTypeByMetadataName(metadataName)!;
}

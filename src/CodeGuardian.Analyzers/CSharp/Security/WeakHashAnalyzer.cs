using System;
using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4009: MD5 and SHA-1 — static members of <c>MD5</c>/<c>SHA1</c> (<c>Create</c>, <c>HashData</c>,
/// <c>HashDataAsync</c>, <c>TryHashData</c>), <c>new</c> of any type deriving from them
/// (<c>MD5CryptoServiceProvider</c>, <c>SHA1Managed</c>, …), <c>HMACMD5</c>/<c>HMACSHA1</c> (creation and static
/// <c>HashData</c>), and <c>HashAlgorithm.Create</c>/<c>HMAC.Create</c>/<c>CryptoConfig.CreateFromName</c> with a
/// constant MD5/SHA-1 name.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakHashAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Diagnostic property: the weak algorithm family, "MD5" or "SHA1", read by the code fix.</summary>
    public const string AlgorithmProperty = "Algorithm";

    private static readonly string[] WeakNames =
    {
        "MD5", "SHA1", "SHA", "HMACMD5", "HMACSHA1",
        "System.Security.Cryptography.MD5", "System.Security.Cryptography.SHA1",
        "System.Security.Cryptography.HMACMD5", "System.Security.Cryptography.HMACSHA1",
        "System.Security.Cryptography.MD5CryptoServiceProvider", "System.Security.Cryptography.SHA1CryptoServiceProvider",
        "System.Security.Cryptography.SHA1Managed",
    };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakHash);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// The static methods of the hash classes (<c>Create</c>, <c>HashData</c>, <c>HashDataAsync</c>, <c>TryHashData</c>)
    /// and the name-taking factories (<c>HashAlgorithm.Create</c>, <c>CryptoConfig.CreateFromName</c>): calls are found
    /// by these names in each file, and the type is checked at the calls found.
    /// </summary>
    private static readonly IdentifierNames StaticHashMethods = IdentifierNames.Of("Create", "CreateFromName", "HashData", "HashDataAsync", "TryHashData");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = context.Compilation.State(static compilation => new HashTypes(compilation) is { } types
            && (types.Md5 is not null || types.Sha1 is not null || types.HmacMd5 is not null || types.HmacSha1 is not null) ? types : null);
        context.RegisterOperationActionAt(
            types,
            StaticHashMethods,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (types, operation) => types.AnalyzeInvocation(operation));
        context.RegisterOperationAction(types, static (types, operation) => types.AnalyzeCreation(operation), OperationKind.ObjectCreation);
    }

    private sealed class HashTypes
    {
        private readonly BaseTypeClassifier _families;
        private readonly BaseTypeClassifier _hashAlgorithm;

        public HashTypes(Compilation compilation)
        {
            Md5 = compilation.GetTypeByMetadataName("System.Security.Cryptography.MD5");
            Sha1 = compilation.GetTypeByMetadataName("System.Security.Cryptography.SHA1");
            HmacMd5 = compilation.GetTypeByMetadataName("System.Security.Cryptography.HMACMD5");
            HmacSha1 = compilation.GetTypeByMetadataName("System.Security.Cryptography.HMACSHA1");
            HashAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.HashAlgorithm");
            CryptoConfig = compilation.GetTypeByMetadataName("System.Security.Cryptography.CryptoConfig");
            _families = new BaseTypeClassifier((Md5, "MD5"), (Sha1, "SHA1"), (HmacMd5, "HMACMD5"), (HmacSha1, "HMACSHA1"));
            _hashAlgorithm = new BaseTypeClassifier((HashAlgorithm, "HashAlgorithm"));
        }

        public INamedTypeSymbol? Md5 { get; }

        public INamedTypeSymbol? Sha1 { get; }

        public INamedTypeSymbol? HmacMd5 { get; }

        public INamedTypeSymbol? HmacSha1 { get; }

        public INamedTypeSymbol? HashAlgorithm { get; }

        public INamedTypeSymbol? CryptoConfig { get; }

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            if (!method.IsStatic)
            {
                return;
            }

            var type = method.ContainingType;
            var family = Family(type);
            if (family is not null)
            {
                Report(context, invocation, type.Name + "." + method.Name, family);
                return;
            }

            // HashAlgorithm.Create("MD5"), HMAC.Create("HMACSHA1"), KeyedHashAlgorithm.Create(...), CryptoConfig.CreateFromName("SHA1").
            var isFactory = (method.Name == "Create" && IsHashAlgorithm(type))
                || (method.Name == "CreateFromName" && SymbolFacts.IsType(type, CryptoConfig));
            if (!isFactory || invocation.Arguments.Length == 0 || invocation.Arguments[0].Value.ConstantValue.Value is not string name)
            {
                return;
            }

            foreach (var weak in WeakNames)
            {
                if (string.Equals(weak, name, StringComparison.OrdinalIgnoreCase))
                {
                    var nameFamily = name.IndexOf("MD5", StringComparison.OrdinalIgnoreCase) >= 0 ? "MD5" : "SHA1";
                    Report(context, invocation, type.Name + "." + method.Name + "(\"" + name + "\")", nameFamily);
                    return;
                }
            }
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is INamedTypeSymbol type && Family(type) is { } family)
            {
                Report(context, creation, "new " + type.Name, family);
            }
        }

        private string? Family(INamedTypeSymbol? type) => _families.Classify(type);

        private bool IsHashAlgorithm(ITypeSymbol? type) => _hashAlgorithm.Classify(type) is not null;

        private static void Report(OperationAnalysisContext context, IOperation operation, string construct, string family)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(AlgorithmProperty, family);
            context.Report(Descriptors.WeakHash, operation.Syntax.GetLocation(), properties, construct);
        }

        private static void Report(FoundOperationContext context, IOperation operation, string construct, string family)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(AlgorithmProperty, family);
            context.Report(Descriptors.WeakHash, operation.Syntax.GetLocation(), properties, construct);
        }
    }
}

using System.Collections.Immutable;
using CodeGuardian.Analyzers.CSharp.Analysis;
using CodeGuardian.Analyzers.Configuration;
using CodeGuardian.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace CodeGuardian.Analyzers.CSharp.Security;

/// <summary>
/// CG4010: DES, TripleDES and RC2 (static <c>Create</c> and <c>new</c> of derived types), any use of
/// <c>CipherMode.ECB</c>, <c>EncryptEcb</c>/<c>DecryptEcb</c>, and a constant IV: <c>SymmetricAlgorithm.IV</c>
/// assigned, or an <c>rgbIV</c>/<c>iv</c> argument given, a byte array whose contents are fixed in the code
/// (<c>new byte[16]</c>, <c>new byte[] { 1, 2, … }</c>, <c>Encoding.X.GetBytes("…")</c>,
/// <c>Convert.FromBase64String("…")</c>/<c>FromHexString("…")</c>, or a local initialized with a literal
/// array and never written again).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WeakCipherAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.WeakCipher);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>
    /// The cipher classes' methods this rule reads: the weak ciphers' static methods (<c>Create</c>, <c>IsWeakKey</c>,
    /// <c>IsSemiWeakKey</c>), <c>EncryptEcb</c>/<c>DecryptEcb</c>, and those taking an IV (<c>CreateEncryptor</c>,
    /// <c>CreateDecryptor</c>, <c>EncryptCbc</c>, <c>TryDecryptCfb</c>, …). Calls are found by these prefixes in each file.
    /// </summary>
    private static readonly IdentifierNames CipherMethods = IdentifierNames.StartingWith("Create", "Encrypt", "Decrypt", "TryEncrypt", "TryDecrypt", "IsWeakKey", "IsSemiWeakKey");

    private static readonly IdentifierNames EcbMode = IdentifierNames.Of("ECB");

    /// <summary>SymmetricAlgorithm.IV (and its overrides, which keep the name).</summary>
    private static readonly IdentifierNames InitializationVector = IdentifierNames.Of("IV");

    private static void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = context.Compilation.State(static compilation => new CipherTypes(compilation) is { SymmetricAlgorithm: not null } types ? types : null);
        context.RegisterOperationActionAt(
            types,
            CipherMethods,
            IdentifierActions.InvocationNamedBy,
            OperationKind.Invocation,
            static (types, operation) => types.AnalyzeInvocation(operation));
        context.RegisterOperationAction(types, static (types, operation) => types.AnalyzeCreation(operation), OperationKind.ObjectCreation);
        // Field uses and assignments are frequent and only two names matter: they are found by name in each file.
        context.RegisterOperationActionAt(
            types,
            EcbMode,
            IdentifierActions.ReferenceNamedBy,
            OperationKind.FieldReference,
            static (types, operation) => types.AnalyzeFieldReference(operation));
        context.RegisterOperationActionAt(
            types,
            InitializationVector,
            IdentifierActions.AssignmentTo,
            OperationKind.SimpleAssignment,
            static (types, operation) => types.AnalyzeAssignment(operation));
    }

    private sealed class CipherTypes
    {
        private const string SymmetricAlgorithmName = "SymmetricAlgorithm";

        private readonly INamedTypeSymbol? _des;
        private readonly INamedTypeSymbol? _tripleDes;
        private readonly INamedTypeSymbol? _rc2;
        private readonly INamedTypeSymbol? _cipherMode;
        private readonly IPropertySymbol? _iv;
        private readonly INamedTypeSymbol? _encoding;
        private readonly INamedTypeSymbol? _convert;
        private readonly BaseTypeClassifier _ciphers;

        public CipherTypes(Compilation compilation)
        {
            SymmetricAlgorithm = compilation.GetTypeByMetadataName("System.Security.Cryptography.SymmetricAlgorithm");
            _des = compilation.GetTypeByMetadataName("System.Security.Cryptography.DES");
            _tripleDes = compilation.GetTypeByMetadataName("System.Security.Cryptography.TripleDES");
            _rc2 = compilation.GetTypeByMetadataName("System.Security.Cryptography.RC2");
            _cipherMode = compilation.GetTypeByMetadataName("System.Security.Cryptography.CipherMode");
            _iv = SymbolFacts.Member<IPropertySymbol>(SymmetricAlgorithm, "IV");
            _encoding = compilation.GetTypeByMetadataName("System.Text.Encoding");
            _convert = compilation.GetTypeByMetadataName("System.Convert");
            // One classification per type answers both questions: a weak cipher (listed first, as DES and the others
            // derive from SymmetricAlgorithm) or any other symmetric algorithm.
            _ciphers = new BaseTypeClassifier((_des, "DES"), (_tripleDes, "TripleDES"), (_rc2, "RC2"), (SymmetricAlgorithm, SymmetricAlgorithmName));
        }

        public INamedTypeSymbol? SymmetricAlgorithm { get; }

        public void AnalyzeInvocation(FoundOperationContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            var cipher = _ciphers.Classify(method.ContainingType);
            if (cipher is null)
            {
                return;
            }

            if (method.IsStatic && IsWeak(cipher))
            {
                Report(context, invocation.Syntax, cipher + "." + method.Name);
                return;
            }

            if (method.Name is "EncryptEcb" or "DecryptEcb")
            {
                Report(context, invocation.Syntax, method.Name);
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name is "rgbIV" or "iv" && IsConstantBytes(argument.Value))
                {
                    Report(context, argument.Value.Syntax, "constant IV");
                }
            }
        }

        public void AnalyzeCreation(OperationAnalysisContext context)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (_ciphers.Classify(creation.Type) is { } cipher && IsWeak(cipher))
            {
                Report(context, creation.Syntax, "new " + creation.Type!.Name);
            }
        }

        public void AnalyzeFieldReference(FoundOperationContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (reference.Field.Name == "ECB" && SymbolFacts.IsType(reference.Field.ContainingType, _cipherMode))
            {
                Report(context, reference.Syntax, "CipherMode.ECB");
            }
        }

        public void AnalyzeAssignment(FoundOperationContext context)
        {
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is IPropertyReferenceOperation target && SymbolFacts.IsOrOverrides(target.Property, _iv) && IsConstantBytes(assignment.Value))
            {
                Report(context, assignment.Value.Syntax, "constant IV");
            }
        }

        private static bool IsWeak(string cipher) => cipher != SymmetricAlgorithmName;

        private bool IsConstantBytes(IOperation value)
        {
            var operation = SymbolFacts.Unwrap(value);
            switch (operation)
            {
                case IArrayCreationOperation array:
                    return IsFixedArray(array, allowZeroFilled: true);
                case IInvocationOperation { Arguments.Length: 1 } invocation:
                    var type = invocation.TargetMethod.ContainingType;
                    var constantArgument = invocation.Arguments[0].Value.ConstantValue.HasValue;
                    return constantArgument
                        && ((invocation.TargetMethod.Name == "GetBytes" && SymbolFacts.DerivesFrom(type, _encoding))
                            || (invocation.TargetMethod.Name is "FromBase64String" or "FromHexString" && SymbolFacts.IsType(type, _convert)));
                case ILocalReferenceOperation local:
                    return IsLocalWithLiteralBytes(local);
                default:
                    return false;
            }
        }

        private static bool IsFixedArray(IArrayCreationOperation array, bool allowZeroFilled)
        {
            if (array.Initializer is null)
            {
                return allowZeroFilled;
            }

            foreach (var element in array.Initializer.ElementValues)
            {
                if (!element.ConstantValue.HasValue)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A local whose only write is a literal, non-empty array initializer (a zero-filled one may be filled later).</summary>
        private static bool IsLocalWithLiteralBytes(ILocalReferenceOperation reference)
        {
            var root = (IOperation)reference;
            while (root.Parent is not null)
            {
                root = root.Parent;
            }

            var literal = false;
            foreach (var operation in root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local))
                {
                    literal = declarator.GetVariableInitializer()?.Value is { } initial
                        && SymbolFacts.Unwrap(initial) is IArrayCreationOperation { Initializer: not null } array
                        && IsFixedArray(array, allowZeroFilled: false);
                }
                else if (operation is ILocalReferenceOperation use && use != reference && SymbolEqualityComparer.Default.Equals(use.Local, reference.Local)
                    && use.Parent is not IPropertyReferenceOperation && use.Parent is not IArgumentOperation { Parameter.Name: "rgbIV" or "iv" }
                    && !(use.Parent is ISimpleAssignmentOperation assign && assign.Value == use))
                {
                    // Passed somewhere, indexed or reassigned: its contents may change.
                    return false;
                }
            }

            return literal;
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string construct) =>
            context.Report(Descriptors.WeakCipher, node.GetLocation(), construct);

        private static void Report(FoundOperationContext context, SyntaxNode node, string construct) =>
            context.Report(Descriptors.WeakCipher, node.GetLocation(), construct);
    }
}

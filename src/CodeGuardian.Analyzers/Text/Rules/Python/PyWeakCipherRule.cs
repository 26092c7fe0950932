using System.Collections.Generic;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Lexing;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4010: weak ciphers from PyCryptodome/PyCrypto (<c>DES</c>, <c>DES3</c>, <c>ARC2</c>, <c>ARC4</c>,
/// <c>Blowfish</c> <c>.new(</c>, imported from <c>Crypto.Cipher</c>/<c>Cryptodome.Cipher</c> or used unqualified),
/// the same algorithms in <c>cryptography</c> (<c>algorithms.TripleDES(</c> …, <c>modes.ECB(</c>), and any use of
/// <c>MODE_ECB</c>.
/// </summary>
public sealed class PyWeakCipherRule : PythonRule
{
    private static readonly string[] CipherModules = { "DES", "DES3", "ARC2", "ARC4", "Blowfish", "CAST" };

    private static readonly string[] CryptographyAlgorithms = { "TripleDES", "Blowfish", "ARC4", "CAST5", "IDEA", "SEED" };

    private const string CryptographyCiphers = "cryptography.hazmat.primitives.ciphers.";

    private static readonly string[] QualifiedNames = Qualified();

    private static readonly string[] UnqualifiedNames = Unqualified();

    private static readonly string[] CandidateNames = PyNames.LastParts(QualifiedNames, UnqualifiedNames);

    protected override DiagnosticDescriptor Descriptor => Descriptors.WeakCipher;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            if (IsWeakCipherCall(module, call))
            {
                ReportCall(context, module, call, NameOf(module, call));
            }
        }

        foreach (var i in module.FindNames("MODE_ECB"))
        {
            if (!module.IsIdentifier(module.Previous(i), "import"))
            {
                var first = module.DottedNameStart(i);
                ReportTokens(context, module, first, i, module.TextOf(first, i));
            }
        }
    }

    private static bool IsWeakCipherCall(PyModule module, in PyCall call)
    {
        // Qualified names are built once (Qualified below), not per call and candidate.
        foreach (var name in QualifiedNames)
        {
            if (module.CallIs(call, name))
            {
                return true;
            }
        }

        if (call.Import < 0 && !call.HasReceiver)
        {
            foreach (var name in UnqualifiedNames)
            {
                if (module.CallIs(call, name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string[] Qualified()
    {
        var names = new List<string>();
        foreach (var cipher in CipherModules)
        {
            names.Add("Crypto.Cipher." + cipher + ".new");
            names.Add("Cryptodome.Cipher." + cipher + ".new");
        }

        foreach (var algorithm in CryptographyAlgorithms)
        {
            names.Add(CryptographyCiphers + "algorithms." + algorithm);
        }

        names.Add(CryptographyCiphers + "modes.ECB");
        return names.ToArray();
    }

    private static string[] Unqualified()
    {
        var names = new List<string>();
        foreach (var cipher in CipherModules)
        {
            names.Add(cipher + ".new");
        }

        foreach (var algorithm in CryptographyAlgorithms)
        {
            names.Add("algorithms." + algorithm);
        }

        names.Add("modes.ECB");
        return names.ToArray();
    }
}

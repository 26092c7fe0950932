using System;
using CodeGuardian.Analyzers.Rules;
using CodeGuardian.Analyzers.Text.Engine;
using CodeGuardian.Analyzers.Text.Python;
using Microsoft.CodeAnalysis;

namespace CodeGuardian.Analyzers.Text.Rules.Python;

/// <summary>
/// CG4006: deserializers that can build arbitrary objects: pickle/cPickle/_pickle/dill/cloudpickle
/// <c>load</c>/<c>loads</c>/<c>Unpickler</c>, <c>shelve.open</c>, <c>marshal.load(s)</c>, <c>jsonpickle.decode</c>,
/// <c>yaml.unsafe_load</c>, and <c>yaml.load</c>/<c>load_all</c> without a safe Loader
/// (<c>SafeLoader</c>, <c>CSafeLoader</c>, <c>BaseLoader</c>, by keyword or position).
/// </summary>
public sealed class PyUnsafeDeserializationRule : PythonRule
{
    private const string DataFormat = "a data-only format such as JSON";

    private static readonly string[] PickleModules = { "pickle", "cPickle", "_pickle", "dill", "cloudpickle" };

    private static readonly string[] PickleFunctions = { "load", "loads", "Unpickler" };

    /// <summary>Every <c>module.function</c> of the pickle family, built once rather than per call.</summary>
    private static readonly string[] PickleCalls = PickleQualifiedNames();

    private const string YamlLoadAlternative = "yaml.safe_load, or yaml.load with Loader=yaml.SafeLoader";

    /// <summary>The unsafe calls in the order they are tried, each with its last name part split off once.</summary>
    private static readonly UnsafeCall[] UnsafeCalls = BuildUnsafeCalls();

    private static readonly string[] SafeLoaders = { "SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader" };

    private static readonly string[] CandidateNames = PyNames.LastParts(
        PickleCalls,
        new[] { "shelve.open", "marshal.loads", "marshal.load", "jsonpickle.decode", "yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.load", "yaml.load_all" });

    protected override DiagnosticDescriptor Descriptor => Descriptors.UnsafeDeserialization;

    protected override void Analyze(TextRuleContext context, PyModule module)
    {
        foreach (var c in module.FindCalls(CandidateNames))
        {
            ref readonly var call = ref module.CallAt(c);
            var alternative = Classify(module, call);
            if (alternative is not null)
            {
                ReportCall(context, module, call, NameOf(module, call), alternative);
            }
        }
    }

    /// <summary>The safe alternative to name when the call is unsafe; null when it is not a finding.</summary>
    private static string? Classify(PyModule module, in PyCall call)
    {
        // A resolved name can only match when its last part is the call's: compare that first, so most candidates
        // (every open(), load() of other modules) are turned down without walking the dotted name for each entry.
        var last = call.NameStart == call.NameEnd && call.Import >= 0
            ? LastPart(module.Imports[call.Import].QualifiedName.AsSpan())
            : module.File.TextOf(module.Tokens[call.NameEnd]);
        foreach (var unsafeCall in UnsafeCalls)
        {
            if (last.SequenceEqual(unsafeCall.LastPart.AsSpan()) && module.CallIs(call, unsafeCall.QualifiedName)
                && !(unsafeCall.UnlessSafeLoader && HasSafeLoader(module, call)))
            {
                return unsafeCall.Alternative;
            }
        }

        return null;
    }

    private static ReadOnlySpan<char> LastPart(ReadOnlySpan<char> name) => name.Slice(name.LastIndexOf('.') + 1);

    private static UnsafeCall[] BuildUnsafeCalls()
    {
        var calls = new System.Collections.Generic.List<UnsafeCall>();
        foreach (var function in PickleCalls)
        {
            calls.Add(new UnsafeCall(function, DataFormat));
        }

        calls.Add(new UnsafeCall("shelve.open", DataFormat));
        calls.Add(new UnsafeCall("marshal.loads", DataFormat));
        calls.Add(new UnsafeCall("marshal.load", DataFormat));
        calls.Add(new UnsafeCall("jsonpickle.decode", "json.loads with explicit types"));
        calls.Add(new UnsafeCall("jsonpickle.unpickler.decode", "json.loads with explicit types"));
        calls.Add(new UnsafeCall("yaml.unsafe_load", "yaml.safe_load"));
        calls.Add(new UnsafeCall("yaml.unsafe_load_all", "yaml.safe_load"));
        calls.Add(new UnsafeCall("yaml.load", YamlLoadAlternative, unlessSafeLoader: true));
        calls.Add(new UnsafeCall("yaml.load_all", YamlLoadAlternative, unlessSafeLoader: true));
        return calls.ToArray();
    }

    private static bool HasSafeLoader(PyModule module, in PyCall call)
    {
        if (module.TryGetKeywordArgument(call.Open, "Loader", out _, out var start, out var end)
            || module.TryGetPositionalArgument(call.Open, 1, out start, out end))
        {
            // The loader's last name part: SafeLoader, yaml.SafeLoader, yaml.CSafeLoader.
            var last = -1;
            for (var i = start; i < end; i = module.Next(i))
            {
                last = i;
            }

            foreach (var safe in SafeLoaders)
            {
                if (module.IsIdentifier(last, safe))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string[] PickleQualifiedNames()
    {
        var names = new string[PickleModules.Length * PickleFunctions.Length];
        var n = 0;
        foreach (var pickleModule in PickleModules)
        {
            foreach (var function in PickleFunctions)
            {
                names[n++] = pickleModule + "." + function;
            }
        }

        return names;
    }

    private sealed class UnsafeCall
    {
        public UnsafeCall(string qualifiedName, string alternative, bool unlessSafeLoader = false)
        {
            QualifiedName = qualifiedName;
            LastPart = PyUnsafeDeserializationRule.LastPart(qualifiedName.AsSpan()).ToString();
            Alternative = alternative;
            UnlessSafeLoader = unlessSafeLoader;
        }

        public string QualifiedName { get; }

        public string LastPart { get; }

        public string Alternative { get; }

        /// <summary>Not a finding when the call names a safe Loader (yaml.load).</summary>
        public bool UnlessSafeLoader { get; }
    }
}

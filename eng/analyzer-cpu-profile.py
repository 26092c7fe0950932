#!/usr/bin/env python3
"""CPU time of each CodeGuardian analyzer inside one compiler run, from `perf script` output.

    perf script -F comm,tid,ip,sym,dso | eng/analyzer-cpu-profile.py <sampling-frequency-hz>

A sample counts for an analyzer when a CodeGuardian method is on its stack; it goes to the outermost such method's
analyzer (shared helpers under CSharp/Analysis count for the analyzer that called them). The leaf frame says what
the time was spent on: the analyzer's own code, the compiler (Roslyn) working for it, the JIT compiling it, the
runtime (type loading, allocation, garbage collection) or the base class library. Unlike the compiler's analyzer
report, this is CPU time: waiting for a core is not counted.
"""
import collections
import re
import sys

HELPERS = ("CSharp.Analysis.", "Performance.HotPath")
CATEGORIES = ("own", "roslyn", "jit", "runtime", "bcl", "kernel", "other")


def category(frame):
    if "libclrjit" in frame:
        return "jit"
    if "libcoreclr" in frame or "libclrgc" in frame:
        return "runtime"
    if "kernel" in frame:
        return "kernel"
    if "[CodeGuardian.Analyzers]" in frame:
        return "own"
    if "Microsoft.CodeAnalysis" in frame:
        return "roslyn"
    if "System." in frame:
        return "bcl"
    return "other"


def samples(lines):
    stack = None
    for line in lines:
        if line.startswith("\t"):
            parts = line.strip().split(" ", 1)
            if stack is not None and len(parts) > 1:
                stack.append(parts[1])
        elif line.strip():
            if stack is not None:
                yield stack
            stack = []
    if stack:
        yield stack


def analyzer_of(stack):
    ours = [frame for frame in stack if "[CodeGuardian.Analyzers]" in frame]
    if not ours:
        return None
    named = [frame for frame in ours if not any("CodeGuardian.Analyzers." + h in frame for h in HELPERS)] or ours
    match = re.search(r"CodeGuardian\.Analyzers\.([\w.]+?)(?:\+|::)", named[-1])
    return match.group(1) if match else "(unknown)"


def main():
    hertz = float(sys.argv[1]) if len(sys.argv) > 1 else 499.0
    total = 0
    by_analyzer = collections.Counter()
    by_category = collections.Counter()
    for stack in samples(sys.stdin):
        total += 1
        name = analyzer_of(stack)
        if name is not None:
            by_analyzer[name] += 1
            by_category[(name, category(stack[0]))] += 1

    ms = 1000.0 / hertz
    ours = sum(by_analyzer.values())
    print(f"Compiler process: {total * ms / 1000:.2f} s CPU; CodeGuardian: {ours * ms / 1000:.3f} s CPU ({100.0 * ours / max(total, 1):.1f} %)")
    print()
    print("| Analyzer | CPU (ms) | " + " | ".join(CATEGORIES) + " |")
    print("|---|---:|" + "---:|" * len(CATEGORIES))
    for name, count in by_analyzer.most_common():
        cells = " | ".join(f"{by_category[(name, c)] * ms:.0f}" for c in CATEGORIES)
        print(f"| {name} | {count * ms:.0f} | {cells} |")


if __name__ == "__main__":
    main()

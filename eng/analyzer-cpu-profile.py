#!/usr/bin/env python3
"""CPU time of each CodeGuardian analyzer inside one compiler run, from `perf script` output.

    perf script -F comm,tid,ip,sym,dso | eng/analyzer-cpu-profile.py <sampling-frequency-hz> [native-image.dll ...]

A sample counts for an analyzer when a CodeGuardian method is on its stack; it goes to the outermost such method's
analyzer (shared helpers under CSharp/Analysis count for the analyzer that called them). The leaf frame says what
the time was spent on: the analyzer's own code, the compiler (Roslyn) working for it, the JIT compiling it, the
runtime (type loading, allocation, garbage collection) or the base class library. Unlike the compiler's analyzer
report, this is CPU time: waiting for a core is not counted.

Precompiled (ReadyToRun) analyzer images have no entries in the runtime's map of JIT-compiled methods; perf shows
their frames as file offsets. Name each image after the frequency: its method map (CodeGuardian.Analyzers.ni.*.map,
written next to it by the image build) turns those offsets into method names.

Off-CPU time: when the recording also holds scheduler switches (`-e sched:sched_switch --switch-events`, printed with
`perf script --show-switch-events -F comm,tid,time,event,trace,ip,sym,dso`), each time a thread left its core with a
CodeGuardian method on its stack is charged to that analyzer until the thread ran again: "preempted" when it was
still runnable (it waited for a core), "blocked" when it waited for something (a lock, a page, another thread). With
`--report compiler.log` (the compiler's output with /reportanalyzer), the table puts the compiler's figure for each
analyzer beside CPU + off-CPU time: what the report counts that no stack explains is the difference.
"""
import bisect
import collections
import glob
import os
import re
import struct
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


class NativeImage:
    """File offsets of a ReadyToRun image to the names of its methods (from the compiler's perf map)."""

    def __init__(self, path):
        self.path = os.path.abspath(path)
        with open(path, "rb") as stream:
            data = stream.read()
        header = struct.unpack_from("<I", data, 0x3C)[0]
        count, optional_size = struct.unpack_from("<H", data, header + 6)[0], struct.unpack_from("<H", data, header + 20)[0]
        table = header + 24 + optional_size
        # (file offset, size, RVA) of each section
        self.sections = []
        for index in range(count):
            _, rva, raw_size, raw_offset = struct.unpack_from("<IIII", data, table + 40 * index + 8)
            self.sections.append((raw_offset, raw_size, rva))
        self.starts, self.methods = [], []
        # The newest map: each build of the image writes one named after its module id.
        maps = sorted(glob.glob(os.path.join(os.path.dirname(self.path), os.path.splitext(os.path.basename(path))[0] + ".ni.*.map")), key=os.path.getmtime)
        for map_path in maps[-1:]:
            with open(map_path, encoding="utf-8", errors="replace") as stream:
                for line in stream:
                    parts = line.rstrip("\n").split(" ", 2)
                    if len(parts) == 3 and not parts[0].startswith("FFFFFF"):
                        self.starts.append(int(parts[0], 16))
                        self.methods.append((int(parts[0], 16) + int(parts[1], 16), parts[2]))
        order = sorted(range(len(self.starts)), key=self.starts.__getitem__)
        self.starts = [self.starts[i] for i in order]
        self.methods = [self.methods[i] for i in order]

    def name(self, file_offset):
        for raw_offset, raw_size, rva in self.sections:
            if raw_offset <= file_offset < raw_offset + raw_size:
                address = file_offset - raw_offset + rva
                index = bisect.bisect_right(self.starts, address) - 1
                if index >= 0 and address < self.methods[index][0]:
                    return self.methods[index][1]
        return None


def symbolize(frame, images):
    """`<offset> [unknown] (<image>)` -> `<offset> [CodeGuardian.Analyzers] CodeGuardian.Analyzers.X::M() (<image>)`."""
    if not images or "[unknown]" not in frame:
        return frame
    match = re.match(r"([0-9a-f]+) \[unknown\] \((.+)\)$", frame)
    image = images.get(os.path.abspath(match.group(2))) if match else None
    name = image.name(int(match.group(1), 16)) if image else None
    return f"{match.group(1)} [CodeGuardian.Analyzers] {name} ({match.group(2)})" if name else frame


HEADER = re.compile(r"^(.*?)\s+(\d+)(?:\s+([\d.]+):)?\s*(.*)$")


def events(lines):
    """(thread id, time or None, event text, stack) per sample; thread names may contain spaces."""
    current = None
    for line in lines:
        if line.startswith("\t"):
            parts = line.strip().split(" ", 1)
            if current is not None and len(parts) > 1:
                current[3].append(line.strip())
        elif line.strip():
            if current is not None:
                yield current
            match = HEADER.match(line.rstrip("\n"))
            current = (match.group(2), float(match.group(3)) if match.group(3) else None, match.group(4), []) if match else None
    if current is not None:
        yield current


def analyzer_of(stack):
    ours = [frame for frame in stack if "[CodeGuardian.Analyzers]" in frame]
    if not ours:
        return None
    named = [frame for frame in ours if not any("CodeGuardian.Analyzers." + h in frame for h in HELPERS)] or ours
    match = re.search(r"CodeGuardian\.Analyzers\.([\w.]+?)(?:\+|::)", named[-1])
    return match.group(1) if match else "(unknown)"


def report_times(path):
    """Seconds per CodeGuardian analyzer from the compiler's /reportanalyzer output."""
    times = {}
    with open(path, encoding="utf-8", errors="replace") as stream:
        for line in stream:
            match = re.match(r"\s*<?([\d.]+)\s+\S+\s+CodeGuardian\.Analyzers\.([\w.]+?)(?: \(|$)", line)
            if match:
                times[match.group(2)] = times.get(match.group(2), 0.0) + float(match.group(1))
    return times


def main():
    args = sys.argv[1:]
    report = None
    if "--report" in args:
        index = args.index("--report")
        report = report_times(args[index + 1])
        del args[index:index + 2]
    hertz = float(args[0]) if args else 499.0
    images = {image.path: image for image in (NativeImage(path) for path in args[1:])}
    total = 0
    by_analyzer = collections.Counter()
    by_category = collections.Counter()
    switched_out = {}
    off_cpu = collections.Counter()
    switches = 0
    for thread, time, event, stack in events(sys.stdin):
        if event.startswith("sched:sched_switch"):
            # The thread leaving the core; its stack says what it was doing.
            switches += 1
            match = re.search(r"prev_pid=(\d+) .*prev_state=(\S+)", event)
            if match and match.group(1) == thread and time is not None:
                name = analyzer_of([symbolize(frame, images) for frame in stack])
                switched_out[thread] = (time, "preempted" if match.group(2).startswith("R") else "blocked", name)
            continue
        if event.startswith("PERF_RECORD_SWITCH"):
            if "IN" in event.split()[1:2] and thread in switched_out:
                start, reason, name = switched_out.pop(thread)
                if name is not None:
                    off_cpu[(name, reason)] += time - start
            continue
        stack = [symbolize(frame, images) for frame in stack]
        total += 1
        name = analyzer_of(stack)
        if name is not None:
            by_analyzer[name] += 1
            by_category[(name, category(stack[0]))] += 1

    ms = 1000.0 / hertz
    ours = sum(by_analyzer.values())
    print(f"Compiler process: {total * ms / 1000:.2f} s CPU; CodeGuardian: {ours * ms / 1000:.3f} s CPU ({100.0 * ours / max(total, 1):.1f} %)")
    print()
    names = [name for name, _ in by_analyzer.most_common()]
    names += sorted({name for name, _ in off_cpu} - set(names))
    if report is not None:
        names += sorted(set(report) - set(names), key=lambda name: -report[name])
    columns = ["CPU (ms)"] + list(CATEGORIES)
    if switches:
        columns += ["preempted (ms)", "blocked (ms)", "CPU + off-CPU (ms)"]
    if report is not None:
        columns += ["compiler's report (ms)"]
    print("| Analyzer | " + " | ".join(columns) + " |")
    print("|---|" + "---:|" * len(columns))
    sums = collections.Counter()
    for name in names:
        cells = [by_analyzer[name] * ms] + [by_category[(name, c)] * ms for c in CATEGORIES]
        if switches:
            preempted, blocked = off_cpu[(name, "preempted")] * 1000, off_cpu[(name, "blocked")] * 1000
            cells += [preempted, blocked, by_analyzer[name] * ms + preempted + blocked]
        if report is not None:
            cells += [report.get(name, 0.0) * 1000]
        for index, value in enumerate(cells):
            sums[index] += value
        print(f"| {name} | " + " | ".join(f"{value:.0f}" for value in cells) + " |")
    if switches or report is not None:
        print("| (all) | " + " | ".join(f"{sums[index]:.0f}" for index in range(len(columns))) + " |")
        print()
        print(f"{switches} scheduler switches recorded. Report analyzers are classes deriving from DiagnosticAnalyzer; helpers shared by")
        print("several analyzers are charged to the outermost CodeGuardian frame, so rows of the two kinds do not always pair up.")


if __name__ == "__main__":
    main()

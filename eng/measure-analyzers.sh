#!/usr/bin/env bash
# Measures what CodeGuardian costs in a real build of any C# code base.
#
#   eng/measure-analyzers.sh [options] <project-or-solution>
#
# For each run it rebuilds the target twice:
#   1. without analyzers (-p:RunAnalyzers=false): the compile time the budget is relative to;
#   2. with the CodeGuardian analyzers added, every CodeGuardian rule enabled, -p:ReportAnalyzer=true and -bl:
#      the compiler's analyzer report gives the time of each analyzer.
# It prints per run and as medians: the compile time (Csc task), the total CodeGuardian analyzer time, their
# ratio, and each analyzer's time as a share of the compile time. Nothing in the target checkout is modified:
# the analyzers are added through CustomAfterMicrosoftCommonTargets and a generated global config.
#
# Options:
#   --runs N              number of runs (default 3; medians are reported)
#   --framework TFM       build one target framework of multi-targeted projects (passed as -f)
#   --configuration C     build configuration (default Release)
#   --out DIR             where logs, binlogs and the summary go (default ./analyzer-measurements)
#   --analyzer-dll PATH   CodeGuardian.Analyzers.dll to measure (default: build the package's native image of the
#                         analyzers for this SDK and platform in Release, as a command-line build of the package uses it)
#   --il                  with the default build: measure the IL assembly instead (what other runtimes and the IDE load)
#   --text-files          also pass *.js/*.ts/*.py/*.sql/*.rs files under the project as AdditionalFiles
#   --keep-analyzers      keep the project's own analyzers in the baseline build (default: RunAnalyzers=false)
#   --cpu-profile         Linux, needs perf (with scheduler tracepoints: root or perf_event_paranoid <= -1) and python3:
#                         also run the last build's compiler command line once under perf and write, per analyzer, its
#                         CPU time, its time off the core (preempted / blocked) and the same run's report (cpu-profile.md)
# Anything after -- is passed to both builds (e.g. -- -p:SomeProperty=value).
set -euo pipefail

runs=3
framework=""
configuration="Release"
out="analyzer-measurements"
analyzer_dll=""
il=false
text_files=false
keep_analyzers=false
cpu_profile=false
extra=()
target=""

while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --framework) framework="$2"; shift 2 ;;
    --configuration) configuration="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --analyzer-dll) analyzer_dll="$2"; shift 2 ;;
    --il) il=true; shift ;;
    --text-files) text_files=true; shift ;;
    --keep-analyzers) keep_analyzers=true; shift ;;
    --cpu-profile) cpu_profile=true; shift ;;
    --) shift; extra=("$@"); break ;;
    -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
    *) target="$1"; shift ;;
  esac
done

if [[ -z "$target" || ! -e "$target" ]]; then
  echo "usage: $0 [options] <project-or-solution>   (see --help)" >&2
  exit 2
fi

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
target="$(cd "$(dirname "$target")" && pwd)/$(basename "$target")"

if [[ -z "$analyzer_dll" ]]; then
  echo "Building CodeGuardian.Analyzers and its native images (Release)..." >&2
  dotnet build "$repo_root/nuget/readytorun/CodeGuardian.ReadyToRun.csproj" -c Release -v:q -nologo >&2
  analyzer_dll="$repo_root/src/CodeGuardian.Analyzers/bin/Release/netstandard2.0/CodeGuardian.Analyzers.dll"
  if [[ "$il" == false ]]; then
    # bin/Release/net<version>/<this platform>/readytorun/<platform>/: the image for the platform the SDK runs on.
    for dir in "$repo_root"/nuget/readytorun/bin/Release/net*/*/; do
      platform="$(basename "$dir")"
      if [[ -f "$dir/readytorun/$platform/CodeGuardian.Analyzers.dll" ]]; then
        analyzer_dll="$dir/readytorun/$platform/CodeGuardian.Analyzers.dll"
      fi
    done
  fi
fi
echo "Measuring $analyzer_dll" >&2
analyzer_dll="$(cd "$(dirname "$analyzer_dll")" && pwd)/$(basename "$analyzer_dll")"

# Every rule on, for C# (dotnet_diagnostic) and for text files (codeguardian.<ID>.severity, read by the text engine).
globalconfig="$out/codeguardian-all-rules.globalconfig"
{
  echo "is_global = true"
  echo "global_level = 1000"
  grep -o '"CG[0-9]\{4\}"' "$repo_root/src/CodeGuardian.Analyzers/Rules/RuleIdentifiers.cs" | tr -d '"' | sort -u | while read -r id; do
    echo "dotnet_diagnostic.$id.severity = warning"
    echo "codeguardian.$id.severity = warning"
  done
} > "$globalconfig"

inject="$out/codeguardian-measure.targets"
{
  echo '<Project>'
  echo '  <ItemGroup Condition="'"'"'$(Language)'"'"' == '"'"'C#'"'"'">'
  echo "    <Analyzer Include=\"$analyzer_dll\" />"
  echo "    <GlobalAnalyzerConfigFiles Include=\"$globalconfig\" />"
  if [[ "$text_files" == true ]]; then
    echo '    <AdditionalFiles Include="**/*.js;**/*.ts;**/*.py;**/*.sql;**/*.rs" Exclude="bin/**;obj/**;**/node_modules/**" />'
  fi
  echo '  </ItemGroup>'
  echo '</Project>'
} > "$inject"

common=(-c "$configuration" --no-incremental -nologo -p:TreatWarningsAsErrors=false -p:WarningsAsErrors= -clp:PerformanceSummary)
[[ -n "$framework" ]] && common+=(-f "$framework")

# Sum of the Csc task time (seconds) in a build log's task performance summary.
csc_seconds() {
  awk '/Task Performance Summary/ { in_tasks = 1 } in_tasks && $2 == "ms" && $3 == "Csc" { total += $1 } END { printf "%.3f", total / 1000 }' "$1"
}

# Per CodeGuardian analyzer: "seconds<TAB>name", summed over all compiler invocations of the build.
analyzer_seconds() {
  awk '
    /Total analyzer execution time/ { in_report = 1; next }
    /Total generator execution time/ { in_report = 0 }
    in_report && $3 ~ /^CodeGuardian\.Analyzers\./ {
      t = $1; sub(/^</, "", t); sum[$3] += t
    }
    END { for (name in sum) printf "%.3f\t%s\n", sum[name], name }' "$1" | sort -k2
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print "0" } else if (NR % 2) { print v[(NR + 1) / 2] } else { printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

summary="$out/summary.md"
: > "$out/runs.tsv"
: > "$out/analyzers.tsv"
for run in $(seq 1 "$runs"); do
  echo "Run $run/$runs: build without analyzers..." >&2
  baseline_args=(-p:RunAnalyzers=false)
  [[ "$keep_analyzers" == true ]] && baseline_args=()
  dotnet build "$target" "${common[@]}" "${baseline_args[@]}" "${extra[@]}" -v:n > "$out/run$run-baseline.log" 2>&1 \
    || { echo "baseline build failed, see $out/run$run-baseline.log" >&2; exit 1; }

  echo "Run $run/$runs: build with CodeGuardian (ReportAnalyzer)..." >&2
  dotnet build "$target" "${common[@]}" "${extra[@]}" -v:d \
    -p:ReportAnalyzer=true -p:CustomAfterMicrosoftCommonTargets="$inject" -bl:"$out/run$run.binlog" \
    > "$out/run$run-analyzers.log" 2>&1 \
    || { echo "analyzer build failed, see $out/run$run-analyzers.log" >&2; exit 1; }

  compile=$(csc_seconds "$out/run$run-baseline.log")
  with=$(csc_seconds "$out/run$run-analyzers.log")
  analyzer_seconds "$out/run$run-analyzers.log" | awk -v run="$run" '{ print run "\t" $0 }' >> "$out/analyzers.tsv"
  cg=$(awk -v run="$run" '$1 == run { s += $2 } END { printf "%.3f", s }' "$out/analyzers.tsv")
  load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a")
  printf '%s\t%s\t%s\t%s\t%s\n' "$run" "$compile" "$with" "$cg" "$load" >> "$out/runs.tsv"
  echo "  compile ${compile}s, with all analyzers ${with}s, CodeGuardian ${cg}s (load $load)" >&2
done

compile_median=$(cut -f2 "$out/runs.tsv" | median)
with_median=$(cut -f3 "$out/runs.tsv" | median)
cg_median=$(cut -f4 "$out/runs.tsv" | median)
{
  echo "# CodeGuardian analyzer cost: $(basename "$target")"
  echo
  echo "$(nproc 2>/dev/null || echo '?') cores; $runs runs; medians. Compile = Csc task time without analyzers."
  echo
  echo "Analyzers measured: \`$(basename "$(dirname "$analyzer_dll")")/$(basename "$analyzer_dll")\`."
  echo
  echo "| Run | Compile (s) | Csc with all analyzers (s) | CodeGuardian analyzers (s) | CodeGuardian / compile | Load (1/5/15 min) |"
  echo "|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %.1f %% | %s |\n", $1, $2, $3, $4, ($2 > 0 ? 100 * $4 / $2 : 0), $5 }' "$out/runs.tsv"
  awk -v c="$compile_median" -v w="$with_median" -v g="$cg_median" 'BEGIN { printf "| median | %s | %s | %s | %.1f %% | |\n", c, w, g, (c > 0 ? 100 * g / c : 0) }'
  echo
  echo "| Analyzer | Median time (s) | Share of compile |"
  echo "|---|---:|---:|"
  cut -f3 "$out/analyzers.tsv" | sort -u | while read -r name; do
    t=$(awk -F'\t' -v n="$name" '$3 == n { print $2 }' "$out/analyzers.tsv" | median)
    printf '%s\t%s\n' "$t" "$name"
  done | sort -rn | awk -F'\t' -v c="$compile_median" '{ n = $2; sub(/^CodeGuardian\.Analyzers\./, "", n); printf "| %s | %s | %.2f %% |\n", n, $1, (c > 0 ? 100 * $1 / c : 0) }'
} > "$summary"
if [[ "$cpu_profile" == true ]]; then
  # The compiler command line of the last build (printed by the Csc task at -v:d), re-run in the project directory
  # with its outputs redirected, under perf with the runtime's map of JIT-compiled methods.
  log="$out/run$runs-analyzers.log"
  line=$(grep -m1 -E '^ +/.*/Roslyn/bincore/csc ' "$log" || true)
  if [[ -z "$line" ]]; then
    echo "no compiler command line in $log (was the compiler server used?)" >&2
  else
    csc="$(echo "$line" | awk '{ print $1 }').dll"
    mkdir -p "$out/cpu-profile-output"
    echo "${line#*/bincore/csc }" | sed -E "s#/(out|refout|doc|errorlog|generatedfilesout):[^ ]*#/\1:$out/cpu-profile-output/\1#g" > "$out/cpu-profile.rsp"
    project_dir="$(dirname "$target")"
    [[ -d "$target" ]] && project_dir="$target"
    echo "CPU profile of one compiler run..." >&2
    (cd "$project_dir" && DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 \
      perf record -e cpu-clock/freq=499/ -e sched:sched_switch --switch-events -g -o "$out/cpu-profile.data" \
        -- dotnet "$csc" @"$out/cpu-profile.rsp" > "$out/cpu-profile-compiler.log" 2>&1) || true
    # CPU samples and scheduler switches: CPU time and time off the core, per analyzer, beside the run's own report.
    perf script -i "$out/cpu-profile.data" --show-switch-events -F comm,tid,time,event,trace,ip,sym,dso 2>/dev/null \
      | python3 "$repo_root/eng/analyzer-cpu-profile.py" --report "$out/cpu-profile-compiler.log" 499 "$analyzer_dll" > "$out/cpu-profile.md"
    { echo; echo "## CPU profile of one compiler run"; echo; cat "$out/cpu-profile.md"; } >> "$summary"
  fi
fi

cat "$summary"
echo "Logs and binary logs: $out" >&2

#!/usr/bin/env bash
# CI check that every benchmark runs and reports: builds tests/CodeGuardian.Benchmarks in Release, runs it in
# smoke mode (one cold invocation per case on small corpora — the numbers are not meaningful) and checks that the
# Markdown and JSON reports of each benchmark class exist, and that the build comparison runs. About a minute on
# two idle cores.
#
#   eng/bench-smoke.sh [artifacts-dir]     (default: artifacts/benchmarks-smoke)
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
artifacts="${1:-$repo_root/artifacts/benchmarks-smoke}"
project="$repo_root/tests/CodeGuardian.Benchmarks/CodeGuardian.Benchmarks.csproj"

rm -rf "$artifacts"
dotnet build "$project" -c Release -v:q -nologo
dotnet "$repo_root/tests/CodeGuardian.Benchmarks/bin/Release/net10.0/CodeGuardian.Benchmarks.dll" --smoke --artifacts "$artifacts"

missing=0
for class in CSharpAnalyzerBenchmarks LexerBenchmarks SecretScanBenchmarks TextRuleSetBenchmarks; do
  for suffix in report-github.md report-full.json; do
    report="$artifacts/results/CodeGuardian.Benchmarks.Benchmarks.$class-$suffix"
    if [[ ! -s "$report" ]]; then
      echo "missing benchmark report: $report" >&2
      missing=1
    fi
  done
done

if [[ "$missing" -ne 0 ]]; then
  exit 1
fi

# The build comparison (--compare-text), on this build against itself for one round: both load and report.
comparison="$(dotnet "$repo_root/tests/CodeGuardian.Benchmarks/bin/Release/net10.0/CodeGuardian.Benchmarks.dll" --compare-text \
  "$repo_root/tests/CodeGuardian.Benchmarks/bin/Release/net10.0" "$repo_root/tests/CodeGuardian.Benchmarks/bin/Release/net10.0" sql 1 1)"
if ! grep -q "A rules" <<<"$comparison" || ! grep -q "B rules" <<<"$comparison"; then
  echo "the build comparison reported no rows: $comparison" >&2
  exit 1
fi

echo "Benchmark smoke run OK: reports in $artifacts/results"

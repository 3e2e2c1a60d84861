#!/usr/bin/env bash
# Issue 6's speed figures for the C# track, all in this one invocation, on the same submission:
#   - Roslyn compile (parse + compile + diagnostics, what the static checks need): cold = the first in a fresh
#     process (loads Roslyn and the SDK's reference assemblies, JIT), warm = later ones in the same process, as
#     in a batch;
#   - the whole C# grading (compile, static checks, harness build, five behaviour child processes), cold and warm;
#   - `dotnet build` of the same submission (a copy, after one untimed restore), --no-incremental so each run
#     really compiles.
# For a project with package or project references, the compile lines compile its sources alone (the references
# are missing, so the diagnostics count printed beside them is not zero); the grading lines include the sandboxed
# restore and MSBuildWorkspace load such a project needs.
# Medians of RUNS warm runs (default 5) and of BUILDS builds (default 3); the ratio is dotnet build / warm compile.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
builds=${BUILDS:-3}
submission=$(realpath "${1:-reference-solution/csharp}")

dotnet build bench/CSharpBench -c Release -v q -nologo >/dev/null
timings=$(dotnet bench/CSharpBench/bin/Release/net10.0/CSharpBench.dll "$submission" checks/csharp-async "$runs")

copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r "$submission"/. "$copy"
rm -rf "$copy/bin" "$copy/obj"
dotnet restore "$copy" -v q -nologo >/dev/null
build_times=()
for _ in $(seq "$builds"); do
    start=$(date +%s.%N)
    dotnet build "$copy" --no-restore --no-incremental -v q -nologo >/dev/null
    end=$(date +%s.%N)
    build_times+=("$(echo "$end - $start" | bc)")
done

python3 - "$timings" "${build_times[@]}" <<'PY'
import statistics, sys
lines = [line.split() for line in sys.argv[1].splitlines()]
builds = [float(value) for value in sys.argv[2:]]
def pick(name): return [float(seconds) for label, seconds, _ in lines if label == name]
diagnostics = next(int(detail) for label, _, detail in lines if label == "cold_compile")
scores = sorted({int(detail) for label, _, detail in lines if label.endswith("_grade")})
cold_compile, warm_compile = pick("cold_compile")[0], statistics.median(pick("warm_compile"))
cold_grade, warm_grade = pick("cold_grade")[0], statistics.median(pick("warm_grade"))
build = statistics.median(builds)
print(f"Roslyn compile, cold (first in process): {cold_compile * 1000:8.1f} ms")
print(f"Roslyn compile, warm (median of {len(pick('warm_compile'))}):      {warm_compile * 1000:8.1f} ms")
print(f"compile diagnostics: {diagnostics}; grading scores: {', '.join(map(str, scores))}")
print(f"whole C# grading, cold:                 {cold_grade * 1000:8.1f} ms")
print(f"whole C# grading, warm (median):        {warm_grade * 1000:8.1f} ms")
print(f"dotnet build --no-incremental (median of {len(builds)}): {build * 1000:8.1f} ms  ({', '.join(f'{b:.2f}' for b in builds)} s)")
print(f"dotnet build / warm Roslyn compile:     {build / warm_compile:8.1f} x")
print(f"dotnet build / cold Roslyn compile:     {build / cold_compile:8.1f} x")
PY

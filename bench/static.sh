#!/usr/bin/env bash
# Issue 2's speed target: warm static grading of one submission, median of 5 runs, printed in seconds.
# "Warm" = after one untimed run (the OS has the binaries and Python's modules in its cache). Each timed
# run is a whole `grader check` process: .NET start-up, tool discovery, the analysis, compile and
# pycodestyle processes, and the report.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
submission=${1:-reference-solution/python}

dotnet build grader/src/Grader.Cli -c Release -v q -nologo >/dev/null
grader=(dotnet grader/src/Grader.Cli/bin/Release/net10.0/grader.dll check "$submission" --format json)

python3 - "$runs" "${grader[@]}" <<'PY'
import statistics, subprocess, sys, time
runs, command = int(sys.argv[1]), sys.argv[2:]
subprocess.run(command, stdout=subprocess.DEVNULL, check=False)  # warm-up, untimed
times = []
for _ in range(runs):
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
    times.append(time.perf_counter() - start)
print("static grading, whole CLI process: " + ", ".join(f"{t:.3f}" for t in times) + " s")
print(f"median of {runs}: {statistics.median(times):.3f} s (target: under 1 s)")
PY

#!/usr/bin/env bash
# Issue 3's speed target, measured in one invocation:
#   grader: `grader check reference-solution/python` (every check, static and behaviour, virtual clock),
#           a whole CLI process per run, median of RUNS (default 5) after one untimed warm-up;
#   baseline: what a conventional checker pays on the wall clock: the assignment's own example calls
#           (reference-solution/python/mains/*.py, the "main" files of ASSIGNMENT.md) run with plain python3,
#           median of BASELINE_RUNS (default 3; each takes tens of seconds because the sleeps are real).
# Also times the same check with --no-sandbox (student code outside bubblewrap, on the warm fork server), runs
# interleaved with the sandboxed ones, and prints the share of the sandboxed check the sandbox takes. Every grader
# run has GRADER_TIMINGS=1, so it says how long its supervisor spent answering the child's requests (time the child
# waits out): the share of the check the supervisor takes is printed too.
# Prints the medians and the ratio baseline / grader.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
baseline_runs=${BASELINE_RUNS:-3}

dotnet build grader/src/Grader.Cli -c Release -v q -nologo >/dev/null

python3 - "$runs" "$baseline_runs" <<'PY'
import glob, os, re, statistics, subprocess, sys, time

runs, baseline_runs = int(sys.argv[1]), int(sys.argv[2])
grader = ["dotnet", "grader/src/Grader.Cli/bin/Release/net10.0/grader.dll",
          "check", "reference-solution/python", "--format", "json", "--seed", "1"]
mains = sorted(glob.glob("reference-solution/python/mains/*.py"))


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


answering = []  # seconds the supervisor spent answering, per timed sandboxed run


def grade(extra=(), record=False):
    done = subprocess.run(grader + list(extra), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, GRADER_TIMINGS="1"), check=False)
    if done.returncode != 0:
        sys.exit("the grader did not give the reference solution full marks (exit %d)" % done.returncode)
    timings = re.search(r"supervisor answered (\d+) requests from (\d+) child processes in (\d+) ms", done.stderr)
    if timings is None:
        sys.exit("the grader printed no timings line: " + done.stderr[-500:])
    if record:
        answering.append(int(timings.group(3)) / 1000)


def baseline():
    for main in mains:
        subprocess.run(["python3", os.path.relpath(main, "reference-solution/python")],
                       cwd="reference-solution/python", stdout=subprocess.DEVNULL, check=True)


grade()  # warm-up, untimed
grader_times, unsandboxed_times = [], []
for _ in range(runs):
    grader_times.append(timed(lambda: grade(record=True)))
    unsandboxed_times.append(timed(lambda: grade(["--no-sandbox"])))
print("grader (all checks, virtual clock, sandboxed): " + ", ".join("%.2f" % t for t in grader_times) + " s")
print("grader --no-sandbox: " + ", ".join("%.2f" % t for t in unsandboxed_times) + " s")
baseline_times = [timed(baseline) for _ in range(baseline_runs)]
print("baseline (%d main files, plain python3, real sleeps): " % len(mains)
      + ", ".join("%.2f" % t for t in baseline_times) + " s")
g, b = statistics.median(grader_times), statistics.median(baseline_times)
u = statistics.median(unsandboxed_times)
print("median grader: %.2f s (target: under 2 s)" % g)
print("median grader --no-sandbox: %.2f s; the sandbox takes %.2f s, %.0f%% of the sandboxed check" % (u, g - u, 100 * (g - u) / g))
shares = [a / t for a, t in zip(answering, grader_times)]
print("supervisor answering: " + ", ".join("%.0f" % (a * 1000) for a in answering) + " ms")
print("median supervisor answering: %.0f ms, %.0f%% of the sandboxed check (median of each run's share)"
      % (1000 * statistics.median(answering), 100 * statistics.median(shares)))
print("median baseline: %.2f s" % b)
print("ratio baseline / grader: %.1fx (target: at least 10x)" % (b / g))
PY

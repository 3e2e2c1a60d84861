#!/usr/bin/env bash
# Issue 4's speed target: `grader batch` over 200 generated submissions (a mix of correct and faulty ones,
# some as folders, some zipped, some git repositories) with --jobs 2. Prints the wall time of RUNS runs
# (default 3), their median, and the median and peak RSS of the grader process; then the same for the
# baseline, the same batch with a fresh Python process per script and per task (GRADER_FRESH_PROCESSES=1,
# BASELINE_RUNS, default 1), and the ratio of the medians. The grader runs alternate with runs of the same batch with
# --no-sandbox (student code outside bubblewrap), and the share of the sandboxed batch the sandbox takes is printed. Both run in this one invocation, on the same generated class.
# Every run has GRADER_TIMINGS=1: the grader says how long its supervisors spent answering the children's requests,
# summed over the jobs; divided by the jobs and the wall time, that is the share of the batch the supervisor takes.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
count=${COUNT:-200}
work=$(mktemp -d /tmp/grader-batch-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build grader/src/Grader.Cli -c Release -v q -nologo >/dev/null

python3 bench/make_class.py "$work/class" "$count"

python3 - "$runs" "${BASELINE_RUNS:-1}" "$work" <<'PY'
import os, re, statistics, subprocess, sys, time
runs, baseline_runs, work = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

def measure(label, count, fresh, extra=(), variables=None):
    walls, peaks, cpus, answers = [], [], [], []
    env = dict(os.environ, GRADER_FRESH_PROCESSES="1" if fresh else "0", GRADER_TIMINGS="1", **(variables or {}))
    for run in range(count):
        out = "%s/out-%s-%d" % (work, label.replace(" ", "_"), run)
        start = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S", "dotnet", "grader/src/Grader.Cli/bin/Release/net10.0/grader.dll",
                               "batch", work + "/class", "--out", out, "--jobs", "2", "--seed", "1"] + list(extra),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
        walls.append(time.perf_counter() - start)
        # The peak RSS of the grader process itself (the warm interpreters are its children).
        rss, user, system = done.stderr.strip().splitlines()[-1].split()
        peaks.append(int(rss) / 1024)
        # CPU time of the grader and every process under it: less at the mercy of a busy machine than wall time.
        cpus.append(float(user) + float(system))
        timings = re.search(r"supervisor answered (\d+) requests from (\d+) child processes in (\d+) ms", done.stderr)
        answering = int(timings.group(3)) / 1000 if timings else float("nan")
        answers.append(answering / 2 / walls[-1])  # two jobs answer at once
        print("%s run %d: %.1f s wall, %.1f s CPU, peak RSS %.0f MiB, supervisor answering %.1f s over %s children (exit %d)"
              % (label, run + 1, walls[-1], cpus[-1], peaks[-1], answering, timings.group(2) if timings else "?", done.returncode))
    print("%s: median wall %.1f s, median CPU %.1f s; median peak RSS %.0f MiB, highest %.0f MiB"
          % (label, statistics.median(walls), statistics.median(cpus), statistics.median(peaks), max(peaks)))
    if label == "grader":  # the sandboxed runs
        shares.extend(answers)
    return statistics.median(walls), statistics.median(cpus)

sandboxed, unsandboxed, cold, shares = [], [], [], []
for run in range(runs):
    sandboxed.append(measure("grader", 1, fresh=False))
    unsandboxed.append(measure("grader --no-sandbox", 1, fresh=False, extra=["--no-sandbox"]))
    # Every behaviour run a sandboxed process of its own, not a child forked from a warm probe.
    cold.append(measure("grader GRADER_WARM_PROBE=0", 1, fresh=False, variables={"GRADER_WARM_PROBE": "0"}))
grader = (statistics.median(w for w, _ in sandboxed), statistics.median(c for _, c in sandboxed))
bare = (statistics.median(w for w, _ in unsandboxed), statistics.median(c for _, c in unsandboxed))
# Wall time only: the CPU of sandboxed children is not counted, since the namespace's init is killed at the end of
# each run before it reaps them, so their time never reaches the grader's rusage.
cold_wall = statistics.median(w for w, _ in cold)
# The sandbox's cost in processes of their own (both sides start every behaviour run afresh); with warm probes, which
# only the sandbox has, the sandboxed batch may well be the faster one.
print("grader --no-sandbox median %.1f s wall; the sandbox takes %.1f s wall, %.0f%% of the sandboxed batch without warm probes"
      % (bare[0], cold_wall - bare[0], 100 * (cold_wall - bare[0]) / cold_wall))
print("the supervisor takes %.0f%% of the batch's wall time (median over the runs; answering time / 2 jobs / wall)"
      % (100 * statistics.median(shares)))
print("without warm probes median %.1f s wall: forking behaviour runs from them saves %.1f s (%.0f%%)"
      % (cold_wall, cold_wall - grader[0], 100 * (cold_wall - grader[0]) / cold_wall))
baseline = measure("baseline (fresh processes)", baseline_runs, fresh=True) if baseline_runs > 0 else None
print("grader median %.1f s wall (target: under 60 s), %.1f s CPU (the sandboxed children's not counted)" % grader)
if baseline:
    print("baseline median %.1f s wall, %.1f s CPU; ratios %.2fx wall, %.2fx CPU"
          % (baseline[0], baseline[1], baseline[0] / grader[0], baseline[1] / grader[1]))
PY

#!/usr/bin/env bash
# Issue 15's speed target: the grader now against the grader at an earlier revision, in this one invocation.
#   bench/against.sh [REV]     (REV: default e17181a, the last commit before issue 15's work)
# Builds REV's Release grader in a temporary git worktree, then alternates runs of the two, so that both see the
# same machine at the same moments (this machine's speed drifts by 15-20% between quarters of an hour):
#   check: `grader check reference-solution/python --seed 1`, CHECK_RUNS times each (default 9);
#   batch: `grader batch` over COUNT generated submissions (default 200, as bench/batch.sh) with --jobs 2,
#          RUNS times each (default 5).
# Prints each run, the medians, the ratio of the medians and the median of the ratios of the runs paired in time.
# CPU is the whole machine's, from /proc/stat (so run nothing else meanwhile): the children of a sandbox's init are reaped inside the sandbox, so
# their time never reaches the grader's rusage. Both revisions grade the same inputs, the current tree's.
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-e17181a}
work=$(mktemp -d /tmp/grader-against.XXXXXX)
trap 'git worktree remove --force "$work/rev" >/dev/null 2>&1 || true; git worktree prune; rm -rf "$work"' EXIT

git worktree add --detach "$work/rev" "$rev" >/dev/null 2>&1 || { echo "against.sh: no revision '$rev' here" >&2; exit 2; }
echo "building the grader at $(git rev-parse --short "$rev") and at the working tree (Release)"
dotnet build "$work/rev/grader/src/Grader.Cli" -c Release -v q -nologo >/dev/null
dotnet build grader/src/Grader.Cli -c Release -v q -nologo >/dev/null
python3 bench/make_class.py "$work/class" "${COUNT:-200}"

python3 - "$work" "$rev" "${CHECK_RUNS:-9}" "${RUNS:-5}" <<'PY'
import os, shutil, statistics, subprocess, sys, time

work, rev, check_runs, batch_runs = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
out = work + "/out"  # a batch's output, removed after each run
graders = {"now": "grader/src/Grader.Cli/bin/Release/net10.0/grader.dll",
           rev: work + "/rev/grader/src/Grader.Cli/bin/Release/net10.0/grader.dll"}


def machine_cpu():
    """CPU seconds the whole machine has spent busy (user, nice, system, irq...) since boot."""
    with open("/proc/stat") as handle:
        fields = [int(value) for value in handle.readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")  # less idle and iowait


def timed(arguments):
    cpu, start = machine_cpu(), time.perf_counter()
    subprocess.run(["dotnet"] + arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    wall, cpu = time.perf_counter() - start, machine_cpu() - cpu
    shutil.rmtree(out, ignore_errors=True)
    return wall, cpu


def compare(label, runs, arguments_of):
    results = {name: [] for name in graders}
    for run in range(runs):
        order = list(graders.items())
        for name, grader in order if run % 2 == 0 else reversed(order):  # neither always goes first
            results[name].append(timed(arguments_of(grader)))
        print("%s run %d: %s" % (label, run + 1, ", ".join(
            "%s %.2f s wall %.2f s CPU" % ((name,) + results[name][-1]) for name in graders)), flush=True)
    now, then = results["now"], results[rev]
    for index, kind in ((0, "wall"), (1, "CPU")):
        median_now = statistics.median(pair[index] for pair in now)
        median_then = statistics.median(pair[index] for pair in then)
        paired = statistics.median(a[index] / b[index] for a, b in zip(now, then))
        print("%s %s: now %.2f s, %s %.2f s median; ratio of medians %.2f, median of paired ratios %.2f"
              % (label, kind, median_now, rev, median_then, median_now / median_then, paired))


check = lambda grader: [grader, "check", "reference-solution/python", "--format", "json", "--seed", "1"]
for grader in graders.values():  # the disk cache and the warm-up of each, untimed
    timed(check(grader))
compare("check", check_runs, check)
compare("batch", batch_runs, lambda grader: [grader, "batch", work + "/class", "--out", out, "--jobs", "2", "--seed", "1"])
PY

#!/usr/bin/env bash
# Run the probe on the reference solution and on every faulty variant, with
# each interpreter and clock, and print a one-line summary per scenario.
#
# usage: selftest/run_selftest.sh [VARIANT...]
#   VARIANT  correct, or a folder name under selftest/faulty (default: all)
# environment: PYTHONS (default: pyenv's 3.7.16 and python3),
#   CLOCKS (default: "virtual real"), TASKS (default: "0 1 2 3 4").
#
# A variant is the reference solution (selftest/correct) with the files of
# selftest/faulty/VARIANT copied over it.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
probe_dir=$(dirname "$here")
py37=/root/.pyenv/versions/3.7.16/bin/python3.7
pythons=${PYTHONS:-"$([ -x "$py37" ] && echo "$py37") $(command -v python3)"}
clocks=${CLOCKS:-"virtual real"}
tasks=${TASKS:-"0 1 2 3 4"}
if [ $# -gt 0 ]; then
    variants="$*"
else
    variants="correct $(ls "$here/faulty")"
fi

for variant in $variants; do
    work=$(mktemp -d)
    cp -a "$here/correct/." "$work/"
    if [ "$variant" != correct ]; then
        cp -a "$here/faulty/$variant/." "$work/"
    fi
    for python in $pythons; do
        for clock in $clocks; do
            echo "##### $variant | $("$python" -V 2>&1) | $clock"
            for task in $tasks; do
                out=$(TIME_SCALE=0.01 "$probe_dir/try_probe.sh" "$work" \
                    "$task" "$clock" "$python" 2>&1)
                printf '%s\n' "$out" | grep '^===' | sed 's/^=== /  /'
                printf '%s\n' "$out" | grep '^{' > "$work.results" || true
                if [ -s "$work.results" ]; then
                    python3 "$here/summarize.py" "$work.results"
                fi
            done
        done
    done
    rm -rf "$work" "$work.results"
done

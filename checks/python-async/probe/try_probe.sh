#!/usr/bin/env bash
# Run the probe against a submission folder the way the grader does, and
# print the results file (one JSON observation per line).
#
# usage: try_probe.sh FOLDER [TASK|all] [virtual|real] [PYTHON]
#   FOLDER  a student's project folder (holding 0-basic_async_syntax.py ...)
#   TASK    0..4 or "all" (default: all)
#   clock   virtual (default) or real
#   PYTHON  interpreter (default: Python 3.7.16 from pyenv if present, else
#           python3)
# environment: SEED (default 12345), TIME_SCALE (0.01), DEADLINE (600),
#   PRETTY=1 to pretty-print with python's json.tool, STDOUT_CAP (bytes of
#   the student's stdout/stderr shown, default 2000).
set -euo pipefail

if [ $# -lt 1 ]; then
    sed -n '2,14p' "$0"
    exit 2
fi
folder=$(cd "$1" && pwd)
tasks=${2:-all}
clock=${3:-virtual}
py37=/root/.pyenv/versions/3.7.16/bin/python3.7
python=${4:-$([ -x "$py37" ] && echo "$py37" || command -v python3)}
probe="$(cd "$(dirname "$0")" && pwd)/probe.py"
[ "$tasks" = all ] && tasks="0 1 2 3 4"

for task in $tasks; do
    work=$(mktemp -d)
    mkdir "$work/submission" "$work/home"
    cp -a "$folder/." "$work/submission/"
    results="$work/results.jsonl"
    nonce=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
    config=$(printf '{"task": %s, "seed": %s, "clock": "%s", "results_path": "%s", "nonce": "%s", "time_scale": %s, "limits": {"cpu_seconds": 10, "memory_mb": 512, "processes": 64, "open_files": 256, "file_size_mb": 16}, "virtual_deadline": %s}' \
        "$task" "${SEED:-12345}" "$clock" "$results" "$nonce" \
        "${TIME_SCALE:-0.01}" "${DEADLINE:-600}")
    start=$(date +%s%N)
    set +e
    (cd "$work/submission" && printf '%s\n' "$config" | \
        timeout 30 env -i HOME="$work/home" PATH=/usr/bin:/bin \
        PYTHONHASHSEED=0 PYTHONDONTWRITEBYTECODE=1 \
        "$python" -B -s "$probe") \
        > >(head -c "${STDOUT_CAP:-2000}" > "$work/stdout"; cat > /dev/null) \
        2> >(head -c "${STDOUT_CAP:-2000}" > "$work/stderr"; cat > /dev/null)
    code=$?
    set -e
    end=$(date +%s%N)
    echo "=== task $task ($clock, $("$python" -V 2>&1)): exit $code," \
        "$(( (end - start) / 1000000 )) ms"
    if [ -s "$results" ]; then
        if [ "${PRETTY:-0}" = 1 ]; then
            while IFS= read -r line; do
                printf '%s\n' "$line" | python3 -m json.tool
            done < "$results"
        else
            cat "$results"
        fi
    else
        echo "(no results)"
    fi
    sleep 0.05  # let the output collectors finish
    for stream in stdout stderr; do
        if [ -s "$work/$stream" ]; then
            echo "--- student $stream (first ${STDOUT_CAP:-2000} bytes)"
            cat "$work/$stream"
            echo
        fi
    done
    rm -rf "$work"
done

#!/usr/bin/env bash
# Issue 16 part 5, the whole differential-fidelity corpus: every variant of
# grader/tests/Grader.Core.Tests/Fixtures/differential/corpus.py runs through the grader's probe (virtual clock, the
# real supervisor) and through replay.py (real asyncio, real sleeps scaled down), under Python 3.7 and 3.11, and
# DifferentialTests compares what they saw (GRADER_DIFFERENTIAL=all; CI runs a sample of about 40).
# Prints the number of variants, scenarios compared and skipped, real runs retried, disagreements (each one, with
# what the grader saw and what real asyncio did) and the time taken. The table of every variant goes to $REPORT
# (default: a temporary file, named at the end). PARALLEL (default 4) variants run at once: real runs mostly sleep,
# but a loaded machine wakes them late, and a variant that disagrees is run on real asyncio once more before it counts.
# Exit status: 0 when nothing disagrees.
set -euo pipefail
cd "$(dirname "$0")/.."
report=${REPORT:-$(mktemp -t differential-XXXXXX.md)}
parallel=${PARALLEL:-4}

dotnet build grader/tests/Grader.Core.Tests -v q -nologo >/dev/null

start=$(date +%s)
status=0
GRADER_DIFFERENTIAL=all GRADER_DIFFERENTIAL_REPORT="$report" GRADER_DIFFERENTIAL_PARALLEL="$parallel" \
    dotnet test grader/tests/Grader.Core.Tests --no-build -v q -nologo \
    --filter "FullyQualifiedName~DifferentialTests" >/dev/null 2>&1 || status=$?
seconds=$(($(date +%s) - start))

if ! grep -q '^SUMMARY ' "$report" 2>/dev/null; then
    echo "the differential test wrote no report (exit $status); run it alone to see why:" >&2
    echo "  GRADER_DIFFERENTIAL=all dotnet test grader/tests/Grader.Core.Tests --filter DifferentialTests" >&2
    exit 1
fi

python3 - "$report" "$seconds" <<'PY'
import re
import sys

text = open(sys.argv[1]).read()
figures = dict(re.findall(r"(\w+)=(\d+)", text[text.index("SUMMARY "):]))
retried = re.search(r"^Retried real runs: (\d+)", text, re.M)
print("variants:            %s" % figures["variants"])
print("scenarios compared:  %s" % figures["scenarios_compared"])
print("scenarios skipped:   %s (not comparable: facts, ticker, deadlock, blocking or dropped records)"
      % figures["skipped"])
print("variants retried:    %s" % (retried.group(1) if retried else "?"))
print("disagreements:       %s" % figures["disagreements"])
print("time:                %s s (the test's own count: %s s)" % (sys.argv[2], figures["seconds"]))
section = text[text.index("\nDisagreements: "):text.index("\nSUMMARY ")].strip()
if figures["disagreements"] != "0":
    print()
    print(section)
PY
echo "report: $report"
exit "$status"

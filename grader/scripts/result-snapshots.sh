#!/usr/bin/env bash
# Grades the reference solutions and every gallery case (both tracks) with a fixed seed and writes each JSON
# result into a folder, so that a refactoring can be shown to change no verdict, score or message:
#   grader/scripts/result-snapshots.sh record <folder>    # with the build as it is now
#   grader/scripts/result-snapshots.sh compare <a> <b>    # every file byte for byte; lists what differs
# 'record' builds the CLI (Release) first; run it before and after the change, then compare.
set -euo pipefail
cd "$(dirname "$0")/../.."

case "${1:-}" in
  record)
    out=${2:?usage: record <folder>}
    mkdir -p "$out"
    dotnet build grader/src/Grader.Cli -c Release -v q -nologo >/dev/null
    grader=grader/src/Grader.Cli/bin/Release/net10.0/grader
    cases=(reference-solution/python reference-solution/csharp student-template/python student-template/csharp
           grader/tests/Grader.Core.Tests/Fixtures/submissions/* grader/tests/Grader.CSharp.Tests/Fixtures/submissions/*)
    for folder in "${cases[@]}"; do
      [ -d "$folder" ] || continue
      name=$(echo "$folder" | tr '/' '_')
      # Exit codes 1 (checks failed) and 2 (ungradable) are results too; the report is what is compared.
      "$grader" check "$folder" --format json --seed 20261124 >"$out/$name.json" 2>"$out/$name.stderr" || true
    done
    echo "recorded $(ls "$out"/*.json | wc -l) results in $out"
    ;;
  compare)
    a=${2:?usage: compare <a> <b>}; b=${3:?usage: compare <a> <b>}
    differ=0
    for file in "$a"/*.json; do
      name=$(basename "$file")
      if ! cmp -s "$file" "$b/$name"; then
        echo "differs: $name"; differ=$((differ + 1))
      fi
    done
    echo "$(ls "$a"/*.json | wc -l) results compared, $differ differ"
    [ "$differ" -eq 0 ]
    ;;
  *)
    echo "usage: $0 record <folder> | compare <a> <b>" >&2; exit 2 ;;
esac

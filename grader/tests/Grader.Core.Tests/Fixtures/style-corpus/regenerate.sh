#!/bin/sh
# Regenerates expected/<case>.txt from the real pycodestyle 2.5.0 under Python 3.7, with the grader's options.
# Run by hand (tests only read the committed files). Needs the pycodestyle repository (any clone; here the
# grader's mirror) and a Python 3.7 interpreter:
#   PYCODESTYLE_REPO=/work/.mirror/PyCQA+pycodestyle/repo PYTHON37=/root/.pyenv/versions/3.7.16/bin/python3.7 ./regenerate.sh
# Each expected line is row|col|code|text, in pycodestyle's order; an empty file means no findings.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=${PYCODESTYLE_REPO:-/work/.mirror/PyCQA+pycodestyle/repo}
python=${PYTHON37:-/root/.pyenv/versions/3.7.16/bin/python3.7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git --git-dir="$repo" show 2.5.0:pycodestyle.py >"$work/pycodestyle.py"
mkdir -p "$here/expected"
rm -f "$here"/expected/*.txt
cd "$here/cases"
for case in *.py; do
    "$python" "$work/pycodestyle.py" --format='%(row)d|%(col)d|%(code)s|%(text)s' \
        --max-line-length=79 --ignore=E121,E123,E126,E226,E24,E704,W503,W504 \
        "$case" >"$here/expected/${case%.py}.txt" || test $? -eq 1
done

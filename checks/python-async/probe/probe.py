#!/usr/bin/env python3
"""Behavioural probe of a "0x01. Python - Async" submission.

Run by the grader with the submission folder as working directory, its
stdin and stdout the channel to the grader's supervisor (see PROTOCOL.md):
the probe only asks, the supervisor keeps the record.  With ``--zygote
ROOT...`` it serves runs instead, each in a child forked from it (ZYGOTE.md).
Works on Python 3.7 to 3.11.
"""

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

from asyncprobe.main import run_and_exit  # noqa: E402

if __name__ == "__main__":
    if sys.argv[1:2] == ["--zygote"]:
        from asyncprobe.zygote import serve  # noqa: E402
        sys.exit(serve(sys.argv[2:]))
    run_and_exit()

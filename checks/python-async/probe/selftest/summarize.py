#!/usr/bin/env python3
"""Print a results file of the probe as one short line per scenario.

usage: summarize.py RESULTS.jsonl

Columns: scenario, status, elapsed, result (cut), then the facts that most
often tell a faulty submission apart: blocking sleeps, sleep and spy counts,
the decoupling orders, the tick gap, the task kind, tampering, exceptions.
"""

import json
import sys
from typing import Any, Dict, List


def short(value: Any, width: int = 44) -> str:
    """Render ``value`` as compact JSON cut to ``width`` characters."""
    if isinstance(value, float):
        text = "%.3f" % value
    elif isinstance(value, list) and all(
            isinstance(v, float) for v in value):
        text = "[" + ",".join("%.2f" % v for v in value) + "]"
    else:
        text = json.dumps(value)
    return text if len(text) <= width else text[:width - 3] + "..."


def facts(line: Dict[str, Any]) -> List[str]:
    """Pick the telling facts of one observation."""
    out = []
    if line.get("blocking_sleeps"):
        out.append("blocking=%d" % len(line["blocking_sleeps"]))
    if line.get("sleep_calls") is not None and line["scenario"] != "import":
        out.append("sleeps=%d" % len(line["sleep_calls"]))
    if line.get("spy_calls"):
        names = sorted({c["fn"] for c in line["spy_calls"]})
        out.append("spies=%s" % ",".join(
            "%s*%d" % (n, sum(c["fn"] == n for c in line["spy_calls"]))
            for n in names))
    for key in ("values_in_wake_order", "values_in_value_order",
                "values_in_spawn_order", "completion_order_values"):
        if key in line and key != "values_in_value_order":
            out.append("%s=%s" % (key.split("_")[2] if key.startswith(
                "values") else "completed", short(line[key], 30)))
    for key in ("max_tick_gap", "is_task", "is_coroutine",
                "iscoroutinefunction", "loops_created", "failed_module",
                "exit_code"):
        if line.get(key) not in (None, [], 0, False) or (
                key in ("iscoroutinefunction", "is_task") and key in line):
            out.append("%s=%s" % (key, short(line[key], 20)))
    if line.get("tampered_after"):
        out.append("tampered=%s" % ",".join(line["tampered_after"]))
    if line.get("exception"):
        exc = line["exception"]
        message = short(exc["message"], 40)
        out.append("EXC %s: %s @ %s" % (exc["type"], message, exc["where"]))
    return out


def main() -> None:
    """Summarize the file named on the command line."""
    for raw in open(sys.argv[1], encoding="utf-8"):
        line = json.loads(raw)
        if line.get("finished"):
            print("  finished: %d scenarios" % line["scenarios"])
            continue
        print("  %-27s %-9s %7s %-44s %s" % (
            line["scenario"], line["status"],
            "%.3f" % line["virtual_elapsed"],
            short(line.get("result")), " ".join(facts(line))))


if __name__ == "__main__":
    main()

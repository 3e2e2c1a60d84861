"""Probe start-up: configuration, resource limits, patches, then the task.

The order matters: read the configuration from stdin, open the results
file, apply the resource limits, install the clock and the patches, make
the submission folder (the working directory) importable, and only then
import student code.
"""

import json
import os
import signal
import sys
from typing import Any, Dict

from . import patches
from .clock import Clock
from .observe import Locator
from .runner import ResultWriter, Runner
from .scenarios import IMPORTS, Suite
from .session import Session

PROBE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEGABYTE = 1024 * 1024


class Config:
    """The one-line JSON configuration the grader sends on stdin."""

    def __init__(self, raw: Dict[str, Any]) -> None:
        """Validate ``raw``; raise ValueError on a bad configuration."""
        self.task = int(raw["task"])
        if self.task not in IMPORTS:
            raise ValueError("unknown task %r" % raw["task"])
        self.results_path = str(raw["results_path"])
        self.nonce = str(raw.get("nonce", ""))
        self.seed = int(raw.get("seed", 0))
        self.clock = str(raw.get("clock", "virtual"))
        if self.clock not in ("virtual", "real"):
            raise ValueError("clock must be 'virtual' or 'real'")
        self.time_scale = float(raw.get("time_scale", 0.01))
        if not self.time_scale > 0:
            raise ValueError("time_scale must be positive")
        self.limits = dict(raw.get("limits") or {})
        self.virtual_deadline = float(raw.get("virtual_deadline", 600.0))

    @classmethod
    def read(cls, line: str) -> "Config":
        """Parse one line of JSON."""
        raw = json.loads(line)
        if not isinstance(raw, dict):
            raise ValueError("the configuration must be a JSON object")
        return cls(raw)


def apply_limits(limits: Dict[str, Any]) -> None:
    """Lower the process's resource limits; ignore what cannot be set.

    SIGXFSZ is ignored so that writing past the file size limit fails with
    an OSError in the writer instead of killing the probe.
    """
    try:
        import resource
    except ImportError:
        return
    table = (("cpu_seconds", "RLIMIT_CPU", 1),
             ("memory_mb", "RLIMIT_AS", MEGABYTE),
             ("processes", "RLIMIT_NPROC", 1),
             ("open_files", "RLIMIT_NOFILE", 1),
             ("file_size_mb", "RLIMIT_FSIZE", MEGABYTE))
    for key, name, unit in table:
        value = limits.get(key)
        if value is None or not hasattr(resource, name):
            continue
        which = getattr(resource, name)
        try:
            soft, hard = resource.getrlimit(which)
            wanted = int(float(value) * unit)
            if hard != resource.RLIM_INFINITY:
                wanted = min(wanted, hard)
            top = wanted + 1 if name == "RLIMIT_CPU" else wanted
            if hard != resource.RLIM_INFINITY:
                top = min(top, hard)
            resource.setrlimit(which, (wanted, top))
        except (ValueError, OSError, TypeError):
            pass
    try:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    except (AttributeError, ValueError, OSError):
        pass


def _quiet_stdin() -> None:
    """Point stdin at /dev/null so student code cannot wait on it."""
    try:
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        sys.stdin = open(os.devnull)
    except OSError:
        pass


def _importable_submission() -> str:
    """Put the working directory (the submission) first on sys.path."""
    root = os.getcwd()
    sys.path[:] = [entry for entry in sys.path
                   if os.path.abspath(entry or ".") != PROBE_DIR]
    sys.path.insert(0, root)
    return root


def _flush() -> None:
    """Flush the student's (possibly replaced) output streams."""
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:  # noqa: B902 - a closed or broken stream
            pass


def main() -> int:
    """Run the probe; return the process exit code."""
    line = sys.stdin.readline()
    try:
        config = Config.read(line)
    except (ValueError, KeyError, TypeError) as exc:
        sys.stderr.write("probe: bad configuration: %s\n" % exc)
        return 2
    _quiet_stdin()
    writer = ResultWriter(config.results_path, config.nonce)
    apply_limits(config.limits)
    clock = Clock(config.clock == "virtual", config.time_scale)
    root = _importable_submission()
    session = Session(clock, Locator(root, PROBE_DIR), config.seed,
                      config.virtual_deadline)
    patches.install(session)
    Suite(Runner(session, writer)).run(config.task)
    writer.finish()
    return 0


def run_and_exit() -> None:
    """Entry point: run, flush the student's output, exit at once.

    ``os._exit`` skips waiting for threads the student's code may have
    left running; every observation is already written by then.
    """
    code = main()
    _flush()
    os._exit(code)

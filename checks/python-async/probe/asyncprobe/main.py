"""Probe start-up: channel, configuration, limits, patches, then the task.

The order matters: take stdin and stdout for the channel to the grader's
supervisor, read the configuration from it, apply the resource limits,
install the clock and the patches, make the submission folder (the working
directory) importable, and only then import student code.

A configuration with a "tasks" list runs several tasks in this one process,
one after the other, each in its own copy of the submission with its own
output files, from a :class:`Checkpoint` restored after each.  When the
checkpoint cannot be restored the probe stops after that task; the grader
runs the tasks it did not see finish again, each in a process of its own.
"""

import gc
import json
import os
import signal
import sys
from typing import Any, Dict

from . import patches
from .channel import VERSION, Channel, ChannelClosed
from .checkpoint import Checkpoint
from .clock import Clock
from .observe import Locator
from .runner import Runner
from .scenarios import IMPORTS, Suite
from .session import Session

PROBE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MEGABYTE = 1024 * 1024


class TaskRun:
    """One task to run: where its copy of the submission is, and its files.

    ``directory``, ``stdout_path`` and ``stderr_path`` are None for a probe
    that runs a single task in its working directory with its own output.
    """

    def __init__(self, raw: Dict[str, Any], several: bool) -> None:
        """Validate ``raw``; raise ValueError on a bad configuration."""
        self.task = int(raw["task"])
        if self.task not in IMPORTS:
            raise ValueError("unknown task %r" % raw["task"])
        self.directory = str(raw["directory"]) if several else None
        self.stdout_path = str(raw["stdout_path"]) if several else None
        self.stderr_path = str(raw["stderr_path"]) if several else None


class Config:
    """The one-line JSON configuration the grader sends on stdin."""

    def __init__(self, raw: Dict[str, Any]) -> None:
        """Validate ``raw``; raise ValueError on a bad configuration."""
        if raw.get("protocol") != VERSION:
            raise ValueError("protocol %r, not %d" % (raw.get("protocol"),
                                                      VERSION))
        several = raw.get("tasks")
        if several is None:
            self.runs = [TaskRun(raw, False)]
        elif isinstance(several, list) and several and all(
                isinstance(item, dict) for item in several):
            self.runs = [TaskRun(item, True) for item in several]
        else:
            raise ValueError("tasks must be a non-empty list of objects")
        self.clock = str(raw.get("clock", "virtual"))
        if self.clock not in ("virtual", "real"):
            raise ValueError("clock must be 'virtual' or 'real'")
        self.time_scale = float(raw.get("time_scale", 0.01))
        if not self.time_scale > 0:
            raise ValueError("time_scale must be positive")
        self.limits = dict(raw.get("limits") or {})

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


def _redirect_output(stdout_path: str, stderr_path: str) -> None:
    """Send file descriptors 1 and 2 to these files."""
    _flush()
    for path, fd in ((stdout_path, 1), (stderr_path, 2)):
        target = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(target, fd)
        os.close(target)


def _alone_would_differ(run: TaskRun, limits: Dict[str, Any],
                        channel: Channel) -> bool:
    """Tell whether the task may have ended otherwise in its own process.

    Alone, its output would have gone to a pipe without a size limit, and
    its code would have had the memory limit to itself.  The grader checks
    the same and runs such a task again alone; stopping here spares it the
    tasks that would follow.
    """
    limit = limits.get("file_size_mb")
    for path in (run.stdout_path, run.stderr_path):
        try:
            if limit is not None and os.path.getsize(str(path)) >= int(
                    float(limit) * MEGABYTE):
                return True
        except (OSError, ValueError, TypeError):
            return True
    return channel.wrote_memory_error


def run_task(config: Config, run: TaskRun, channel: Channel) -> None:
    """Run one task in the working directory, asking ``channel``."""
    channel.listeners = []
    channel.wrote_memory_error = False
    channel.ask("task", task=run.task)
    clock = Clock(config.clock == "virtual", config.time_scale, channel)
    root = _importable_submission()
    session = Session(clock, Locator(root, PROBE_DIR), channel)
    patches.install(session)
    # The student's code starts with an empty garbage collector, whatever
    # ran before: its collections, and the finalizers of the student's
    # objects, come at the same moments alone or after other tasks.
    gc.collect()
    runner = Runner(session)
    Suite(runner).run(run.task)
    runner.finish()


def _set_apart() -> None:
    """Set apart from the garbage collector what lives before any task.

    The interpreter's modules, the probe and the checkpoint's copies are
    never garbage; frozen (Python 3.7+), they are no longer visited by every
    collection, which took a fifth of the probe's time.  What the tasks
    make, the student's objects and the probe's own, is collected as before.
    """
    if hasattr(gc, "freeze"):
        gc.freeze()


def run_tasks(config: Config, channel: Channel) -> None:
    """Run every task of the configuration."""
    if len(config.runs) == 1 and config.runs[0].directory is None:
        apply_limits(config.limits)
        gc.collect()
        _set_apart()
        run_task(config, config.runs[0], channel)
        return
    apply_limits(config.limits)
    checkpoint = Checkpoint()
    _set_apart()
    for run in config.runs:
        os.chdir(str(run.directory))
        _redirect_output(str(run.stdout_path), str(run.stderr_path))
        run_task(config, run, channel)
        # A task's own process would end here, with os._exit: what the
        # student's objects print when the checkpoint collects them is lost.
        _redirect_output(os.devnull, os.devnull)
        if (_alone_would_differ(run, config.limits, channel)
                or not checkpoint.restore()):
            break


def main() -> int:
    """Run the probe; return the process exit code.

    0 after a normal run (even when student code failed), 2 for a bad
    configuration, 3 when the supervisor ended the conversation.
    """
    channel = Channel.take_standard_streams()
    try:
        config = Config.read(channel.read_line().decode("utf-8"))
    except (ValueError, KeyError, TypeError, ChannelClosed) as exc:
        sys.stderr.write("probe: bad configuration: %s\n" % exc)
        return 2
    sys.stdin = open(os.devnull)
    try:
        run_tasks(config, channel)
        channel.flush()
    except ChannelClosed as exc:
        sys.stderr.write("probe: %s\n" % exc)
        return 3
    return 0


def run_and_exit() -> None:
    """Entry point: run, flush the student's output, exit at once.

    ``os._exit`` skips waiting for threads the student's code may have
    left running; every observation is already written by then.
    """
    code = main()
    _flush()
    os._exit(code)

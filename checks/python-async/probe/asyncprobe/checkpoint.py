"""Put the interpreter back as it was before a task, or say it cannot.

When the grader runs several tasks in one probe process, each task must see
the interpreter as a fresh probe process would: the student's modules not
yet imported, no patch of the previous task's code left in the standard
library.  :class:`Checkpoint` records that state before the first task and
restores it after each one.  What it cannot restore (a thread or a child
process still running, a trace hook, a closed standard stream, a file left
open, a lowered resource limit) makes :meth:`Checkpoint.restore` return
False: the grader then runs the remaining tasks in a new process.

Restored: ``sys.modules`` (modules imported since are dropped), every
attribute of every module loaded at the checkpoint, the contents of the
probe's own module-level lists, dicts and sets, ``os.environ``, the working
directory, ``sys.path``, ``sys.argv``, the import caches and hooks, warning
filters, the recursion limit, the switch interval, garbage collector
settings, signal handlers, the umask and the state of ``random``'s shared
generator.  Not restored: attributes set on classes or objects held by
those modules (``SomeClass.method = ...``); the C-level types of asyncio
cannot be changed that way.
"""

import gc
import operator
import os
import random
import signal
import sys
import threading
import warnings
from typing import Any, Dict, List, Set, Tuple

_MISSING = object()
_OWN_PACKAGE = __name__.rpartition(".")[0]
_LIMITS = ("RLIMIT_CPU", "RLIMIT_AS", "RLIMIT_NPROC", "RLIMIT_NOFILE",
           "RLIMIT_FSIZE")


def _open_fds() -> Set[int]:
    """The file descriptors this process holds open."""
    try:
        return {int(name) for name in os.listdir("/proc/self/fd")}
    except OSError:
        return set()


def _limits() -> Dict[str, Tuple[int, int]]:
    """The resource limits the probe sets, as they are now."""
    try:
        import resource
    except ImportError:
        return {}
    return {name: resource.getrlimit(getattr(resource, name))
            for name in _LIMITS if hasattr(resource, name)}


def _handlers() -> Dict[int, Any]:
    """Every signal's current handler."""
    handlers = {}
    for number in range(1, signal.NSIG):
        try:
            handlers[number] = signal.getsignal(number)
        except (ValueError, OSError):
            continue
    return handlers


def _threads() -> int:
    """How many threads the process runs, the main one included."""
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _has_children() -> bool:
    """Tell whether a child process is still running (reaping any zombie)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return False
        except OSError:
            return True
        if pid == 0:
            return True


def _same(current: Dict[str, Any], saved: Dict[str, Any]) -> bool:
    """Tell whether a module's attributes are still the very ones saved.

    Compared in C (the same keys and values, object for object, in the same
    order), which spares most modules the key-by-key restore: together they
    hold thousands of names, and a restore per task took milliseconds.
    """
    return (len(current) == len(saved)
            and all(map(operator.is_, current, saved))
            and all(map(operator.is_, current.values(), saved.values())))


class Checkpoint:
    """The interpreter state before the first task."""

    def __init__(self) -> None:
        """Record the state now; call before any student code runs."""
        gc.collect()
        self.modules = dict(sys.modules)
        self.attributes = {name: dict(vars(module))
                           for name, module in self.modules.items()
                           if module is not None}
        self.containers = self._own_containers()
        self.environ = dict(os.environ)
        self.cwd = os.getcwd()
        self.lists = [(target, list(target)) for target in (
            sys.path, sys.argv, sys.meta_path, sys.path_hooks,
            warnings.filters)]  # type: List[Tuple[List[Any], List[Any]]]
        self.importer_cache = dict(sys.path_importer_cache)
        self.recursion_limit = sys.getrecursionlimit()
        self.switch_interval = sys.getswitchinterval()
        self.gc_enabled = gc.isenabled()
        self.gc_threshold = gc.get_threshold()
        self.handlers = _handlers()
        self.umask = os.umask(0o22)
        os.umask(self.umask)
        self.random_state = random.getstate()
        self.fds = _open_fds()
        self.limits = _limits()
        self.streams = (sys.stdin, sys.stdout, sys.stderr)

    def _own_containers(self) -> List[Tuple[Any, Any]]:
        """The probe's module-level lists, dicts and sets, with copies."""
        found = []
        for name, module in self.modules.items():
            if module is None or not (name == _OWN_PACKAGE or name.startswith(
                    _OWN_PACKAGE + ".")):
                continue
            for key, value in vars(module).items():
                # __builtins__ is the builtins' own dict: restored key by key.
                if type(value) in (list, dict, set) and not key.startswith(
                        "__"):
                    found.append((value, value.copy()))
        return found

    def restore(self) -> bool:
        """Put the recorded state back; False if some of it cannot be."""
        if _threads() > 1 or _has_children():
            return False
        if sys.gettrace() is not None or sys.getprofile() is not None:
            return False
        for name in [name for name in sys.modules if name not in self.modules]:
            del sys.modules[name]
        sys.modules.update(self.modules)
        self._restore_attributes()
        for target, copy in self.containers:
            target.clear()
            if isinstance(target, list):
                target.extend(copy)
            else:
                target.update(copy)
        for target, copy in self.lists:
            target[:] = copy
        sys.path_importer_cache.clear()
        sys.path_importer_cache.update(self.importer_cache)
        warnings._filters_mutated()  # type: ignore
        os.environ.clear()
        os.environ.update(self.environ)
        os.chdir(self.cwd)
        sys.setrecursionlimit(self.recursion_limit)
        sys.setswitchinterval(self.switch_interval)
        if self.gc_enabled:
            gc.enable()
        else:
            gc.disable()
        gc.set_threshold(*self.gc_threshold)
        for number, handler in self.handlers.items():
            if signal.getsignal(number) is not handler and handler is not None:
                try:
                    signal.signal(number, handler)
                except (ValueError, OSError, TypeError):
                    return False
        os.umask(self.umask)
        random.setstate(self.random_state)
        # The student's objects go now, while nothing of theirs is imported;
        # what they leave open afterwards is still held by something.
        gc.collect()
        return (_open_fds() <= self.fds and _limits() == self.limits
                and not any(stream is None or stream.closed
                            for stream in self.streams))

    def _restore_attributes(self) -> None:
        """Give every recorded module back the attributes it had."""
        for name, saved in self.attributes.items():
            current = vars(self.modules[name])
            if _same(current, saved):
                continue
            for key in [key for key in current if key not in saved]:
                del current[key]
            for key, value in saved.items():
                if current.get(key, _MISSING) is not value:
                    current[key] = value

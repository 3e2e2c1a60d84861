"""A warm probe inside one sandbox: each run is a child forked from it.

Starting Python and importing asyncio and the probe costs about 0.1 s of
CPU, more than the rest of a submission's behaviour run.  The grader starts
this server once in a bubblewrap sandbox of its own (see ZYGOTE.md beside
this package) and asks it for one run at a time.  For each, the server
copies the run's files from the intake folder (read-only, written by the
grader) onto the sandbox's tmpfs, connects to the run's channel (a Unix
socket the grader listens on and removes once connected) and forks a child
that becomes the probe exactly as a fresh process would, with the channel
as its stdin and stdout.  When the child ends, the server kills every other
process of the sandbox (its pid namespace's init, it outlives them all),
reaps them, reports the exit code and the run's output files, and clears
the tmpfs for the next run.  The server never runs student code, and it is
not dumpable: no process of the sandbox can read its memory or descriptors.
"""

import base64
import gc
import json
import os
import select
import shutil
import signal
import socket
import stat
import sys
import traceback
from typing import Any, Dict, List, Optional

from . import main as probe_main

_CONTROL_IN = os.dup(0)
_CONTROL_OUT = os.dup(1)
_PR_SET_DUMPABLE = 4
_IPC_RMID = 0
# Where the sandbox shows its IPC namespace's POSIX message queues.
_MESSAGE_QUEUES = "/dev/mqueue"


def _libc() -> Any:
    """The C library, for the calls the os module lacks."""
    import ctypes
    return ctypes.CDLL(None, use_errno=True)


def _dumpable(flag: int) -> None:
    """Set whether same-uid processes may read this one's /proc entries.

    The server clears it: they run as the same uid, and could otherwise
    open its descriptors (its control pipes) through /proc/1/fd; it refuses
    to serve when it cannot.  A fork keeps the flag, so each child sets it
    back, as a fresh probe has it.
    """
    import ctypes
    if _libc().prctl(_PR_SET_DUMPABLE, flag, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")


def _ipc_ids(table: str) -> List[int]:
    """The ids in one of /proc/sysvipc's tables (its second column)."""
    try:
        with open(table) as handle:
            rows = handle.read().splitlines()[1:]
    except OSError:
        return []
    return [int(row.split()[1]) for row in rows if len(row.split()) > 1]


def _clear_ipc() -> None:
    """Remove every SysV IPC object and POSIX message queue of the sandbox.

    They live in its IPC namespace, not in a file: emptying the tmpfs
    leaves them for the next run, a classmate's code, to find.  Every
    process that made them is dead by now, and ran as this server's uid.
    """
    libc = _libc()
    for ident in _ipc_ids("/proc/sysvipc/shm"):
        libc.shmctl(ident, _IPC_RMID, None)
    for ident in _ipc_ids("/proc/sysvipc/msg"):
        libc.msgctl(ident, _IPC_RMID, None)
    for ident in _ipc_ids("/proc/sysvipc/sem"):
        libc.semctl(ident, 0, _IPC_RMID)
    _empty(_MESSAGE_QUEUES)


def _send(event: Dict[str, Any]) -> None:
    data = (json.dumps(event, separators=(",", ":")) + "\n").encode("utf-8")
    while data:
        data = data[os.write(_CONTROL_OUT, data):]


class _Lines:
    """The grader's requests, one JSON object per line."""

    def __init__(self) -> None:
        self._buffer = b""

    def ready(self) -> bool:
        return b"\n" in self._buffer

    def fill(self) -> bool:
        """Read what is there; False at the end of the input."""
        chunk = os.read(_CONTROL_IN, 65536)
        self._buffer += chunk
        return bool(chunk)

    def take(self) -> Dict[str, Any]:
        line, _, self._buffer = self._buffer.partition(b"\n")
        return json.loads(line.decode("utf-8"))


class _Tree:
    """A folder of the intake read once, to be written out many times.

    Tasks run together each get a copy of the same snapshot: reading it
    once and writing each file with its mode and times (as ``cp -R -p``
    does) costs a third of copying it file by file each time.
    """

    def __init__(self, source: str) -> None:
        self.top = os.stat(source)
        self.entries = []  # type: List[Any]
        self._read(source, "")

    def _read(self, folder: str, relative: str) -> None:
        for entry in os.scandir(folder):
            path = os.path.join(relative, entry.name)
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                self.entries.append((path, os.readlink(entry.path), info))
            elif stat.S_ISDIR(info.st_mode):
                self.entries.append((path, None, info))
                self._read(entry.path, path)
            else:
                with open(entry.path, "rb") as handle:
                    self.entries.append((path, handle.read(), info))

    def write(self, target: str) -> None:
        """Write the folder out as ``target``, modes and times kept."""
        os.makedirs(target, exist_ok=True)
        folders = [(target, self.top)]
        for path, content, info in self.entries:
            destination = os.path.join(target, path)
            if stat.S_ISLNK(info.st_mode):
                os.symlink(content, destination)
            elif content is None:
                os.mkdir(destination)
                folders.append((destination, info))
            else:
                fd = os.open(destination,
                             os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                try:
                    written = 0
                    while written < len(content):
                        written += os.write(fd, content[written:])
                    os.fchmod(fd, stat.S_IMODE(info.st_mode))
                    os.utime(fd, ns=(info.st_atime_ns, info.st_mtime_ns))
                finally:
                    os.close(fd)
        # Last, since adding to a folder changes its times (and a folder
        # without write permission takes nothing).
        for folder, info in reversed(folders):
            os.chmod(folder, stat.S_IMODE(info.st_mode))
            os.utime(folder, ns=(info.st_atime_ns, info.st_mtime_ns))


def _empty(folder: str) -> None:
    """Remove everything inside ``folder`` (symlinks are not followed)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                os.unlink(entry.path)
        except OSError:
            pass


class _Output:
    """A stream's first ``keep // 2`` bytes, its last bytes up to the rest
    of ``keep``, and its length: what the grader keeps of a child's output.

    The child's stderr is a pipe, as a fresh probe's is: no file size limit
    applies to it, and only what is kept is held.
    """

    def __init__(self, keep: int) -> None:
        self._head_limit = keep // 2
        self._tail_limit = keep - keep // 2
        self._head = bytearray()
        self._tail = bytearray()
        self._total = 0

    def add(self, chunk: bytes) -> None:
        self._total += len(chunk)
        room = self._head_limit - len(self._head)
        if room > 0:
            self._head += chunk[:room]
            chunk = chunk[room:]
        self._tail += chunk
        if len(self._tail) > self._tail_limit:
            del self._tail[:len(self._tail) - self._tail_limit]

    def read(self, fd: int) -> bool:
        """Take what ``fd`` has; False at its end."""
        chunk = os.read(fd, 1 << 20)
        self.add(chunk)
        return bool(chunk)

    def parts(self) -> List[Any]:
        return [base64.b64encode(bytes(self._head)).decode("ascii"),
                base64.b64encode(bytes(self._tail)).decode("ascii"),
                self._total]


def _capture(path: str, keep: int) -> List[Any]:
    """What the grader keeps of a run's output file, as of a pipe."""
    output = _Output(keep)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return output.parts()
    try:
        while output.read(fd):
            pass
    except OSError:
        pass
    finally:
        os.close(fd)
    return output.parts()


def _kill_the_rest() -> None:
    """Kill every process of the sandbox but this one, and reap them.

    Every process of the pid namespace descends from this one, its init:
    orphans become its children, so once it has none, none is left.  Each
    round kills them all again, in case one forked in the meantime.
    """
    while True:
        try:
            os.kill(-1, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return
        except InterruptedError:
            pass


def _exit_code(status: int) -> int:
    if os.WIFSIGNALED(status):
        return 128 + os.WTERMSIG(status)
    return os.WEXITSTATUS(status)


def _become_probe(run: Dict[str, Any], channel: socket.socket,
                  errors: int) -> None:
    """In the forked child: set the stage a fresh probe would have, run it.

    The channel becomes stdin and stdout, as the pipes of a fresh probe,
    which moves them aside before any student code loads; ``errors``, the
    write end of the stderr pipe, becomes stderr.
    """
    signal.set_wakeup_fd(-1)
    for number in (signal.SIGCHLD, signal.SIGTERM, signal.SIGHUP,
                   signal.SIGQUIT):
        signal.signal(number, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    # Detached, the socket object never closes the number it had, which a
    # file the probe opens later may take.
    connected = channel.detach()
    os.dup2(connected, 0)
    os.dup2(connected, 1)
    os.dup2(errors, 2)
    for name in os.listdir("/proc/self/fd"):
        if int(name) > 2:
            try:
                os.close(int(name))
            except OSError:
                pass
    _dumpable(1)  # with none of the server's descriptors left to find
    os.chdir(run["cwd"])
    os.environ.clear()
    os.environ.update(run["env"])
    sys.argv = [run["script"]]
    probe_main.run_and_exit()


def _prepare(run: Dict[str, Any]) -> socket.socket:
    """Make the run's folders and copies; connect to its channel."""
    for folder in run["folders"]:
        os.makedirs(folder, exist_ok=True)
    trees = {}  # type: Dict[str, _Tree]
    for source, target in run["copies"]:
        if source not in trees:
            trees[source] = _Tree(source)
        trees[source].write(target)
    channel = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    channel.connect(run["socket"])
    return channel


def _run(run: Dict[str, Any], lines: _Lines, wakeup: int,
         roots: List[str]) -> Optional[bool]:
    """Serve one run; None when the grader went away meanwhile."""
    try:
        channel = _prepare(run)
    except OSError as exc:
        for root in roots:
            _empty(root)
        _send({"event": "exited", "id": run["id"], "error": str(exc)})
        return True
    errors_read, errors_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            _become_probe(run, channel, errors_write)
        except BaseException:  # noqa: B902 - nothing may return to the loop
            traceback.print_exc()
        os._exit(70)
    channel.close()
    os.close(errors_write)
    errors = _Output(int(run["max_output"]))
    errors_open = True
    status = None
    killed = False
    gone = False
    while status is None:
        try:
            done, found = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            done, found = pid, 0
        if done == pid:
            status = found
            break
        if lines.ready():
            request = lines.take()
            if request.get("op") == "kill" and request.get("id") == run["id"]:
                killed = True
                os.kill(pid, signal.SIGKILL)
            continue
        watched = [_CONTROL_IN, wakeup] + ([errors_read] if errors_open
                                           else [])
        readable, _, _ = select.select(watched, [], [])
        if wakeup in readable:
            os.read(wakeup, 4096)
        if errors_read in readable:
            errors_open = errors.read(errors_read)
        if _CONTROL_IN in readable and not lines.fill():
            gone = True
            os.kill(pid, signal.SIGKILL)
    _kill_the_rest()
    # Every writer of the pipe is dead now: what is left ends in its end.
    while errors_open:
        errors_open = errors.read(errors_read)
    os.close(errors_read)
    if gone:
        return None
    outputs = {path: _capture(path, int(run["max_output"]))
               for path in run["outputs"]}
    for root in roots + ["/dev/shm"]:
        _empty(root)
    _clear_ipc()
    _send({"event": "exited", "id": run["id"], "killed": killed,
           "exit": _exit_code(status), "stderr": errors.parts(),
           "outputs": outputs})
    return True


def serve(roots: List[str]) -> int:
    """Serve runs until the grader closes the control channel.

    ``roots`` are the sandbox's tmpfs, emptied after every run.
    """
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    try:
        _dumpable(0)
    except (OSError, AttributeError) as exc:
        sys.stderr.write("zygote: %s\n" % exc)
        return 2
    for number in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP,
                   signal.SIGQUIT):
        signal.signal(number, signal.SIG_IGN)
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    signal.signal(signal.SIGCHLD, lambda number, frame: None)
    signal.set_wakeup_fd(write_end)
    # What every child imports, imported once here; frozen, a child's
    # collections never visit (and never copy) these pages.
    gc.collect()
    gc.freeze()
    _send({"event": "ready"})
    lines = _Lines()
    while True:
        while not lines.ready():
            if not lines.fill():
                return 0
        request = lines.take()
        if request.get("op") == "run" and _run(request, lines, read_end,
                                               roots) is None:
            return 0

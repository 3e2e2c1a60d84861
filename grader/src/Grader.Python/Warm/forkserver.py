"""A warm Python interpreter that runs the grader's scripts in forked children.

Starting Python and importing asyncio costs about 0.1 s; a batch starts
thousands of such processes.  This server starts once, imports what the
grader's scripts import, and then runs each requested script in a child
forked from it: the child gets its own session (process group), working
directory, environment, stdin and output pipes, exactly as if it had been
started afresh.  The server itself never runs student code: the scripts it
runs are the grader's own, and student code is only ever imported inside a
child.

Protocol (JSON lines).  The grader writes requests on our stdin:
  {"id": 1, "script": "/abs/x.py", "args": [], "cwd": "/dir",
   "env": {...}, "stdin_path": "/file" or null, "max_output": 65536}
  {"kill": 1}
and reads events on our stdout:
  {"id": 1, "event": "started", "pid": 1234}
  {"id": 1, "event": "exited", "exit": 0, "out": [...], "err": [...]}
where out/err are [head_b64, tail_b64, total_bytes] of the child's output,
keeping the first and last halves of max_output.  A child killed by signal
N exits with 128 + N, as .NET reports it.  Runs on Python 3.7 and later.

Started with --inline, the server forks nothing: it runs each request
itself, one at a time, with stdin, stdout and stderr in memory, and answers
with the same "exited" event (no "started").  A fork costs tens of
milliseconds of page copying; this mode is only for the grader's scripts
that parse student files and never run them (analysis, tokens,
pycodestyle).  The grader stops a request that overruns by killing the
whole server.
"""

import ast
import base64
import fcntl
import io
import json
import os
import signal
import sys
import types

PROTO_IN = os.dup(0)
PROTO_OUT = os.dup(1)
# The server's own stdio now points at /dev/null: sys.stdin and sys.stdout
# stay unused (with empty buffers) so that a child inherits them intact and
# only has to swap the file descriptors underneath.
_NULL = os.open(os.devnull, os.O_RDWR)
os.dup2(_NULL, 0)
os.dup2(_NULL, 1)
os.close(_NULL)

_CODE_CACHE = {}

# A child that prints megabytes wakes the server once per pipe-full: a
# larger pipe means fewer, larger reads (F_SETPIPE_SZ, Linux only).
PIPE_SIZE = 1024 * 1024
_F_SETPIPE_SZ = 1031


def _widen(fd):
    """Give a pipe a PIPE_SIZE buffer where the system allows it."""
    try:
        fcntl.fcntl(fd, _F_SETPIPE_SZ, PIPE_SIZE)
    except OSError:
        pass


def _imports_of(tree):
    """Top-level absolute imports of a module: what is worth preloading."""
    names = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level == 0 and node.module and node.module != "__future__":
                names.append(node.module)
    return names


def _preload(script, tree):
    """Import the script's own imports here, once, so children start warm.

    Only the grader's scripts reach this function, never student code.  A
    module that fails to import is left for the child to import (and fail)
    on its own.
    """
    folder = os.path.dirname(script)
    saved = list(sys.path)
    sys.path.insert(0, folder)
    try:
        for name in _imports_of(tree):
            try:
                __import__(name)
            except BaseException:  # noqa: B902 - the child reports it
                pass
    finally:
        sys.path[:] = saved


def _compiled(script):
    """The script's code object, compiled and preloaded on first use."""
    stamp = os.stat(script).st_mtime_ns
    cached = _CODE_CACHE.get(script)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    with open(script, "rb") as handle:
        source = handle.read()
    tree = ast.parse(source, script)
    code = compile(tree, script, "exec", dont_inherit=True)
    _preload(script, tree)
    _CODE_CACHE[script] = (stamp, code)
    return code


class Capture:
    """The first and last halves of a stream's budget, and its length."""

    def __init__(self, budget):
        self.head_limit = budget // 2
        self.tail_limit = budget - budget // 2
        self.head = bytearray()
        self.tail = bytearray()
        self.total = 0

    def add(self, chunk):
        self.total += len(chunk)
        room = self.head_limit - len(self.head)
        if room > 0:
            self.head += chunk[:room]
            chunk = chunk[room:]
        if chunk:
            self.tail += chunk
            if len(self.tail) > 2 * self.tail_limit + 65536:
                del self.tail[:len(self.tail) - self.tail_limit]

    def encode(self):
        tail = bytes(self.tail[-self.tail_limit:]) if self.tail_limit else b""
        return [base64.b64encode(bytes(self.head)).decode("ascii"),
                base64.b64encode(tail).decode("ascii"), self.total]


class Child:
    """One running request: its pid, its output pipes and what they said."""

    def __init__(self, request_id, pid, out_fd, err_fd, budget):
        self.id = request_id
        self.pid = pid
        self.pipes = {out_fd: Capture(budget), err_fd: Capture(budget)}
        self.out_fd = out_fd
        self.err_fd = err_fd
        self.status = None

    def done(self):
        return self.status is not None and all(
            fd is None for fd in self.open_fds())

    def open_fds(self):
        return [fd for fd in (self.out_fd, self.err_fd) if fd is not None]


def _close_inherited():
    """Close every descriptor above stderr: other children's pipes too."""
    try:
        fds = [int(name) for name in os.listdir("/proc/self/fd")]
    except OSError:
        fds = range(3, 1024)
    for fd in fds:
        if fd > 2:
            try:
                os.close(fd)
            except OSError:
                pass


def _exit_code(exc):
    """Map a SystemExit to an exit code as the interpreter does."""
    code = exc.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    try:
        sys.stderr.write("%s\n" % (code,))
    except BaseException:  # noqa: B902
        pass
    return 1


def _exec_main(code, script):
    """Run ``code`` as the __main__ module; return its exit status."""
    main = types.ModuleType("__main__")
    main.__file__ = script
    main.__builtins__ = __builtins__
    main.__cached__ = None
    sys.modules["__main__"] = main
    try:
        exec(code, main.__dict__)
        return 0
    except SystemExit as exc:
        return _exit_code(exc)
    except BaseException:  # noqa: B902 - as the interpreter would
        kind, value, trace = sys.exc_info()
        # The first frame is this function's exec: not the script's.
        trace = trace.tb_next if trace else None
        sys.excepthook(kind, value.with_traceback(trace), trace)
        return 1


def _run_child(request, code, out_w, err_w, own_path_entry):
    """In the forked child: become the requested process, run, exit."""
    status = 1
    try:
        os.setsid()
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        stdin_path = request.get("stdin_path") or os.devnull
        stdin_fd = os.open(stdin_path, os.O_RDONLY)
        os.dup2(stdin_fd, 0)
        os.dup2(out_w, 1)
        os.dup2(err_w, 2)
        _close_inherited()
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request.get("env") or {})
        script = request["script"]
        sys.argv = [script] + list(request.get("args") or [])
        if own_path_entry:
            sys.path[0] = os.path.dirname(script)
        status = _exec_main(code, script)
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except BaseException:  # noqa: B902
                pass
    finally:
        os._exit(status)


def _inline_stream(data, like):
    """An in-memory text stream encoded as the real stream ``like`` is."""
    return io.TextIOWrapper(io.BytesIO(data), encoding=like.encoding,
                            errors=like.errors, write_through=True)


def _run_inline(request, code):
    """Run a script that never executes student code here, in the server.

    Everything a script can change in the interpreter as a fresh process
    would see it (working directory, environment, argv, sys.path, the
    recursion limit, warning filters, the standard streams) is put back
    afterwards, so the next request starts as the first did.
    """
    import warnings
    stdin_path = request.get("stdin_path")
    data = b""
    if stdin_path:
        with open(stdin_path, "rb") as handle:
            data = handle.read()
    saved_streams = (sys.stdin, sys.stdout, sys.stderr)
    saved_state = (os.getcwd(), dict(os.environ), sys.argv, list(sys.path),
                   sys.getrecursionlimit(), sys.modules.get("__main__"))
    outputs = (_inline_stream(b"", saved_streams[1]),
               _inline_stream(b"", saved_streams[2]))
    captures = []
    status = 1
    try:
        sys.stdin = _inline_stream(data, saved_streams[0])
        sys.stdout, sys.stderr = outputs
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request.get("env") or {})
        script = request["script"]
        sys.argv = [script] + list(request.get("args") or [])
        if not sys.flags.isolated and sys.path:
            sys.path[0] = os.path.dirname(script)
        with warnings.catch_warnings():
            status = _exec_main(code, script)
    finally:
        # As at the end of a process: whatever sys.stdout and sys.stderr are
        # now is flushed; what was written to ours is the output.
        for stream in (sys.stdout, sys.stderr) + outputs:
            try:
                stream.flush()
            except BaseException:  # noqa: B902
                pass
        budget = max(2, int(request.get("max_output") or 65536))
        for stream in outputs:
            capture = Capture(budget)
            capture.add(stream.buffer.getvalue())
            captures.append(capture)
        sys.stdin, sys.stdout, sys.stderr = saved_streams
        cwd, environ, sys.argv, sys.path[:], limit, main = saved_state
        os.chdir(cwd)
        os.environ.clear()
        os.environ.update(environ)
        sys.setrecursionlimit(limit)
        sys.modules["__main__"] = main
    return status, captures


# The address space an inline server may use: the scripts it runs parse
# student files, and a hostile file then ends in a MemoryError for that one
# request, not in a machine out of memory.
INLINE_MEMORY_BYTES = 2 * 1024 * 1024 * 1024


def _cap_memory():
    """Cap this server's address space at INLINE_MEMORY_BYTES."""
    try:
        import resource
        resource.setrlimit(resource.RLIMIT_AS,
                           (INLINE_MEMORY_BYTES, INLINE_MEMORY_BYTES))
    except (ImportError, ValueError, OSError):
        pass


def serve_inline():
    """The --inline request loop: one request at a time, no fork."""
    _cap_memory()
    reader = os.fdopen(PROTO_IN, "rb")
    _send({"event": "ready", "pid": os.getpid()})
    for line in reader:
        if not line.strip():
            continue
        request = json.loads(line.decode("utf-8"))
        if "kill" in request:
            continue  # Nothing runs between requests.
        try:
            code = _compiled(request["script"])
        except BaseException as exc:  # noqa: B902 - reported, not fatal
            _send({"id": request["id"], "event": "failed",
                   "reason": "%s: %s" % (type(exc).__name__, exc)})
            continue
        status, (out, err) = _run_inline(request, code)
        _send({"id": request["id"], "event": "exited", "exit": status,
               "out": out.encode(), "err": err.encode()})


def _send(message):
    """Write one event line to the grader."""
    data = (json.dumps(message, separators=(",", ":")) + "\n").encode()
    view = memoryview(data)
    while view:
        try:
            written = os.write(PROTO_OUT, view)
        except InterruptedError:
            continue
        view = view[written:]


class Server:
    """The request loop: forks children, relays their output, reaps them."""

    def __init__(self):
        import selectors
        self.selector = selectors.DefaultSelector()
        self.children = {}
        self.by_pid = {}
        self.by_fd = {}
        self.pending = b""
        self.own_path_entry = not sys.flags.isolated and bool(sys.path)
        wake_r, wake_w = os.pipe()
        for fd in (wake_r, wake_w, PROTO_IN):
            fcntl.fcntl(fd, fcntl.F_SETFL,
                        fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
        signal.set_wakeup_fd(wake_w)
        signal.signal(signal.SIGCHLD, lambda signum, frame: None)
        self.wake_r = wake_r
        self.selector.register(PROTO_IN, 1, "proto")
        self.selector.register(wake_r, 1, "wake")

    def send(self, message):
        _send(message)

    def start(self, request):
        request_id = request["id"]
        try:
            code = _compiled(request["script"])
            out_r, out_w = os.pipe()
            err_r, err_w = os.pipe()
        except BaseException as exc:  # noqa: B902 - reported, not fatal
            self.send({"id": request_id, "event": "failed",
                       "reason": "%s: %s" % (type(exc).__name__, exc)})
            return
        try:
            pid = os.fork()
        except OSError as exc:
            for fd in (out_r, out_w, err_r, err_w):
                os.close(fd)
            self.send({"id": request_id, "event": "failed",
                       "reason": "fork failed: %s" % exc})
            return
        if pid == 0:
            _run_child(request, code, out_w, err_w, self.own_path_entry)
        os.close(out_w)
        os.close(err_w)
        for fd in (out_r, err_r):
            fcntl.fcntl(fd, fcntl.F_SETFL,
                        fcntl.fcntl(fd, fcntl.F_GETFL) | os.O_NONBLOCK)
            _widen(fd)
            self.selector.register(fd, 1, "pipe")
        child = Child(request_id, pid, out_r, err_r,
                      max(2, int(request.get("max_output") or 65536)))
        self.children[request_id] = child
        self.by_pid[pid] = child
        self.by_fd[out_r] = child
        self.by_fd[err_r] = child
        self.send({"id": request_id, "event": "started", "pid": pid})

    def kill(self, request_id):
        child = self.children.get(request_id)
        if child is not None and child.status is None:
            try:
                os.killpg(child.pid, signal.SIGKILL)
            except OSError:
                pass

    def read_pipe(self, fd):
        child = self.by_fd[fd]
        while True:
            try:
                chunk = os.read(fd, PIPE_SIZE)
            except BlockingIOError:
                return
            except InterruptedError:
                continue
            if not chunk:
                self.selector.unregister(fd)
                os.close(fd)
                del self.by_fd[fd]
                if fd == child.out_fd:
                    child.out_fd = None
                else:
                    child.err_fd = None
                self.finish_if_done(child)
                return
            child.pipes[fd].add(chunk)

    def reap(self):
        while True:
            try:
                os.read(self.wake_r, 4096)
            except (BlockingIOError, InterruptedError):
                break
        while self.by_pid:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            child = self.by_pid.pop(pid, None)
            if child is None:
                continue
            if os.WIFSIGNALED(status):
                child.status = 128 + os.WTERMSIG(status)
            else:
                child.status = os.WEXITSTATUS(status)
            # Whatever the child left running in its group must not keep
            # the pipes open, nor outlive it.
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
            self.finish_if_done(child)

    def finish_if_done(self, child):
        if not child.done():
            return
        captures = list(child.pipes.values())
        self.send({"id": child.id, "event": "exited", "exit": child.status,
                   "out": captures[0].encode(), "err": captures[1].encode()})
        del self.children[child.id]

    def read_requests(self):
        while True:
            try:
                chunk = os.read(PROTO_IN, 65536)
            except BlockingIOError:
                return True
            except InterruptedError:
                continue
            if not chunk:
                return False
            self.pending += chunk
            while b"\n" in self.pending:
                line, self.pending = self.pending.split(b"\n", 1)
                if line.strip():
                    self.handle(json.loads(line.decode("utf-8")))

    def handle(self, message):
        if "kill" in message:
            self.kill(message["kill"])
        else:
            self.start(message)

    def serve(self):
        self.send({"event": "ready", "pid": os.getpid()})
        while True:
            try:
                events = self.selector.select()
            except InterruptedError:
                continue
            for key, _ in events:
                if key.data == "proto":
                    if not self.read_requests():
                        self.shutdown()
                        return
                elif key.data == "wake":
                    self.reap()
                else:
                    self.read_pipe(key.fd)

    def shutdown(self):
        """The grader went away: take every child's group with us."""
        for child in list(self.children.values()):
            if child.status is None:
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except OSError:
                    pass


if __name__ == "__main__":
    # Ctrl-C reaches the grader, which stops us by closing our stdin.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.argv[1:] == ["--inline"]:
        serve_inline()
    else:
        Server().serve()
    os._exit(0)

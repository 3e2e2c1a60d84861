"""The probe's end of its private channel to the grader's supervisor.

The grader talks to the probe over the pipes it started it with (stdin and
stdout).  Before any student code loads, :meth:`Channel.take_standard_streams`
moves them to private descriptors, points stdin at /dev/null and stdout at
stderr, so the student's prints never reach the channel.  The protocol
(PROTOCOL.md beside this package) is one JSON line per request and one JSON
line per answer, except for notes, which tell and are not answered: the
probe only *asks* and *tells*; the supervisor decides every random value and
every moment of time, and keeps the record the grade rests on.
"""

import json
import os
import threading
import time
from typing import Any, Callable, Dict, List, Optional

VERSION = 3
MAX_LINE = 8 * 1024 * 1024
# Notes wait for the next request, up to this many bytes of them.
NOTES_HELD = 64 * 1024

# Captured when the module is imported, before the probe patches time.
_real_perf_counter = time.perf_counter

# One encoder for every request (json.dumps with options builds a new one)
# and one decoder for every answer.
_encode = json.JSONEncoder(allow_nan=False, separators=(",", ":")).encode
_decode = json.JSONDecoder().decode

Answer = Dict[str, Any]


class ChannelClosed(BaseException):
    """The supervisor refused a request or went away: the run is over.

    A BaseException, so that a student's ``except Exception`` cannot keep
    the probe going without its supervisor.
    """


class Channel:
    """Sends requests and reads the supervisor's answers, one at a time.

    A note (:meth:`tell`) is not answered: the supervisor refuses one by
    answering it, and the probe then reads that refusal in place of the
    answer to its next request.  Notes are held and written with the next
    request, in one write: the supervisor reads them in the same order and
    at the same virtual time (only requests move its clock), and a write
    that wakes it costs both sides a switch.  A scenario's record ends with
    a request (``end``), so nothing it rests on stays held.
    """

    def __init__(self, read_fd: int, write_fd: int) -> None:
        """Use ``read_fd`` for answers and ``write_fd`` for requests."""
        self._read_fd = read_fd
        self._write_fd = write_fd
        self._buffer = b""
        self._held = []  # type: List[bytes]
        self._held_bytes = 0
        self._lock = threading.Lock()
        self.listeners = []  # type: List[Callable[[Answer], None]]
        # Real clock: the probe's own reading, sent with each request (the
        # supervisor takes it only within what its own clock allows).
        self.stamp = None  # type: Optional[Callable[[], float]]
        # Real seconds spent waiting for answers: the real clock leaves them
        # out, so that talking to the supervisor costs the student no time.
        self.paused = 0.0
        self.wrote_memory_error = False

    @classmethod
    def take_standard_streams(cls) -> "Channel":
        """Keep stdin and stdout for the channel; give the student others.

        The private descriptors are not inherited by child processes.
        """
        read_fd = os.dup(0)
        write_fd = os.dup(1)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.close(null)
        os.dup2(2, 1)
        return cls(read_fd, write_fd)

    def read_line(self) -> bytes:
        """Read one line from the supervisor (without its newline)."""
        while b"\n" not in self._buffer:
            if len(self._buffer) > MAX_LINE:
                raise ChannelClosed("an answer longer than the limit")
            try:
                chunk = os.read(self._read_fd, 65536)
            except OSError as exc:
                raise ChannelClosed("the channel broke: %s" % exc)
            if not chunk:
                raise ChannelClosed("the supervisor closed the channel")
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _send(self, message: Dict[str, Any], note: bool = False) -> None:
        """Write one request line, after the notes held; hold a note."""
        text = _encode(message)
        if "MemoryError" in text:
            self.wrote_memory_error = True
        data = (text + "\n").encode("utf-8")
        if self._held or note:
            self._held.append(data)
            self._held_bytes += len(data)
            if note and self._held_bytes < NOTES_HELD:
                return
            data = b"".join(self._held)
            self._held = []
            self._held_bytes = 0
        self._write(data)

    def flush(self) -> None:
        """Write the notes held."""
        with self._lock:
            if self._held:
                data = b"".join(self._held)
                self._held = []
                self._held_bytes = 0
                self._write(data)

    def _write(self, data: bytes) -> None:
        try:
            while data:
                written = os.write(self._write_fd, data)
                data = data[written:]
        except OSError as exc:
            raise ChannelClosed("the channel broke: %s" % exc)

    def ask(self, op: str, **fields: Any) -> Answer:
        """Send request ``op`` with ``fields``; return the supervisor's answer.

        Raises ChannelClosed when the supervisor refuses the request.
        """
        message = {"op": op}  # type: Dict[str, Any]
        message.update(fields)
        with self._lock:
            if self.stamp is not None:
                message["t"] = self.stamp()
            asked = _real_perf_counter()
            self._send(message)
            line = self.read_line()
            self.paused += _real_perf_counter() - asked
        try:
            answer = _decode(line.decode("utf-8"))
        except ValueError:
            raise ChannelClosed("an unreadable answer")
        if not isinstance(answer, dict):
            raise ChannelClosed("an unreadable answer")
        refused = answer.get("refused")
        if refused is not None:
            raise ChannelClosed("the supervisor refused %s: %s"
                                % (op, refused))
        for listener in self.listeners:
            listener(answer)
        return answer

    def tell(self, op: str, **fields: Any) -> None:
        """Send note ``op`` with ``fields``; no answer comes back."""
        message = {"op": op}  # type: Dict[str, Any]
        message.update(fields)
        with self._lock:
            if self.stamp is not None:
                message["t"] = self.stamp()
            self._send(message, note=True)

    def close(self) -> None:
        """Close both descriptors (the supervisor then sees the end)."""
        for fd in (self._write_fd, self._read_fd):
            try:
                os.close(fd)
            except OSError:
                pass


def number(answer: Answer, key: str) -> Optional[float]:
    """Return ``answer[key]`` when it is a JSON number, else None."""
    value = answer.get(key)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return None

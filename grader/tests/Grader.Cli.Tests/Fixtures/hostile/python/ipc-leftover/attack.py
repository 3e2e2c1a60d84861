"""Pass a note to a later submission through the kernel: a warm probe's attack.

SysV shared memory, message queues and semaphores and POSIX message queues
live in an IPC namespace, not in files, so emptying a run's folders does not
remove them.  The first copy of this attack leaves one of each under a fixed
key and name; a second copy, graded later, that finds any of them has learnt
that the runs share their IPC namespace (it removes them, so that an
unconfined run leaves nothing on the machine).  In the sandbox a warm probe
removes them after every run.
"""
import ctypes
import ctypes.util
import os

KEY = 0x67726164
QUEUE = b"/grader-ipc-leftover"
IPC_CREAT = 0o1000
IPC_RMID = 0
O_RDWR = 0o2
O_CREAT = 0o100

libc = ctypes.CDLL(None, use_errno=True)
try:
    mq_open, mq_unlink = libc.mq_open, libc.mq_unlink
except AttributeError:  # glibc before 2.34 keeps them in librt
    librt = ctypes.CDLL(ctypes.util.find_library("rt"), use_errno=True)
    mq_open, mq_unlink = librt.mq_open, librt.mq_unlink


def _first() -> bool:
    """Tell whether this is the first task of the run to get here."""
    try:
        os.close(os.open(os.path.join("..", "..", "ipc-leftover"),
                         os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        return True
    except OSError:
        return False


def _take() -> bool:
    """Remove the objects an earlier run left; tell whether there were any."""
    found = False
    shm = libc.shmget(KEY, 0, 0)
    if shm >= 0:
        found = libc.shmctl(shm, IPC_RMID, None) == 0 or found
    queue = libc.msgget(KEY, 0)
    if queue >= 0:
        found = libc.msgctl(queue, IPC_RMID, None) == 0 or found
    semaphores = libc.semget(KEY, 0, 0)
    if semaphores >= 0:
        found = libc.semctl(semaphores, 0, IPC_RMID) == 0 or found
    if mq_unlink(QUEUE) == 0:
        found = True
    return found


def _leave() -> None:
    """Leave one object of each kind for the next run to find."""
    libc.shmget(KEY, 4096, IPC_CREAT | 0o600)
    libc.msgget(KEY, IPC_CREAT | 0o600)
    libc.semget(KEY, 1, IPC_CREAT | 0o600)
    descriptor = mq_open(QUEUE, O_RDWR | O_CREAT, 0o600, None)
    if descriptor >= 0:
        os.close(descriptor)


def _pass_note() -> bool:
    """Take what an earlier run left, or leave it; tell if it was there."""
    if _take():
        return True
    _leave()
    return False


# What an earlier submission left behind costs this one its own grade.
ESCAPED = _first() and _pass_note()

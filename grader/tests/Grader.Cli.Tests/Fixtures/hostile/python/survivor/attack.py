"""Leave a process behind: a double fork in a session of its own."""
import os


def _spawn() -> None:
    """Start a sleeper the grader's process group does not hold."""
    child = os.fork()
    if child == 0:
        try:
            os.setsid()
            if os.fork() == 0:
                os.execv("/bin/sleep", ["sleep", "7.25"])
        finally:
            os._exit(0)
    os.waitpid(child, 0)


_spawn()
# The escape shows from outside: a test looks for the sleeper after the run.
ESCAPED = False

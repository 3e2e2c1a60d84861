"""Reach the network: a TCP connection to a listener on loopback."""
import socket


def _connect() -> bool:
    """Tell whether a TCP connection to the test's listener worked."""
    try:
        with socket.create_connection(("127.0.0.1", 47613), timeout=1):
            return True
    except OSError:
        return False


ESCAPED = _connect()

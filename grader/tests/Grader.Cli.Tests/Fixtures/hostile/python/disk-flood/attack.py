"""Fill the disk: thousands of files and 150 MB."""
import os

MEGABYTE = 1024 * 1024


def _flood() -> bool:
    """Write 3,000 files and 150 MB; tell if all of it could be written."""
    try:
        os.makedirs("flood", exist_ok=True)
        for index in range(3000):
            with open(os.path.join("flood", "f%d" % index), "w") as handle:
                handle.write("x")
        block = b"x" * MEGABYTE
        for index in range(10):
            with open(os.path.join("flood", "big%d" % index), "wb") as handle:
                for _ in range(15):
                    handle.write(block)
        return True
    except OSError:
        return False


ESCAPED = _flood()

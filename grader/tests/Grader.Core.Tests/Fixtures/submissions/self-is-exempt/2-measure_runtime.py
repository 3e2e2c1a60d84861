#!/usr/bin/env python3
"""Measure the average run time of wait_n."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


class Stopwatch:
    """Measure the seconds elapsed since it was created."""

    def __init__(self) -> None:
        """Start the stopwatch now."""
        self.start = time.perf_counter()

    def elapsed(self) -> float:
        """Return the seconds elapsed since the stopwatch started."""
        return time.perf_counter() - self.start


def measure_time(n: int, max_delay: int) -> float:
    """Measure the total run time of wait_n(n, max_delay) and return total / n.

    The time is taken with time.perf_counter around a fresh event loop.
    """
    watch = Stopwatch()
    asyncio.run(wait_n(n, max_delay))
    return watch.elapsed() / n

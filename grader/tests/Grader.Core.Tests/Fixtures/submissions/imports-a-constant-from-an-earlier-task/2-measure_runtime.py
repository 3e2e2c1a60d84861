#!/usr/bin/env python3
"""Measure the average run time of wait_n."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Measure the total run time of wait_n(n, max_delay) and return total / n.

    The time is taken with time.perf_counter around a fresh event loop.
    """
    start = time.perf_counter()
    asyncio.run(wait_n(n, max_delay))
    return (time.perf_counter() - start) / n

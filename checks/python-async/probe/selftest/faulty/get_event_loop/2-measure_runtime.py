#!/usr/bin/env python3
"""Variant: measures with time.time and get_event_loop (3.6 style)."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Return the total time of wait_n(n, max_delay) divided by n."""
    start = time.time()
    asyncio.get_event_loop().run_until_complete(wait_n(n, max_delay))
    return (time.time() - start) / n

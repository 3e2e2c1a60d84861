#!/usr/bin/env python3
"""Time wait_n and report the mean time spent per coroutine."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Return the wall-clock time of wait_n(n, max_delay) divided by n."""

    async def timed() -> float:
        """Run wait_n once and return how many seconds it took."""
        began = time.monotonic()
        await wait_n(n, max_delay)
        return time.monotonic() - began

    return asyncio.run(timed()) / n

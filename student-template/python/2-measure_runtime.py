#!/usr/bin/env python3
"""Task 2: measure the average run time of wait_n."""
import asyncio
import time

wait_n = __import__('1-concurrent_coroutines').wait_n


def measure_time(n: int, max_delay: int) -> float:
    """Measure the total run time of wait_n(n, max_delay) and return total / n.

    Take the time with the time module around asyncio.run(wait_n(...)).
    """
    return 0.0

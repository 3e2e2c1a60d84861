#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay and return how long the wait took.

    The time is measured with time.perf_counter around the sleep, which on a
    real event loop ends a little after the delay.
    """
    delay = random.uniform(0, max_delay)
    start = time.perf_counter()
    await asyncio.sleep(delay)
    return time.perf_counter() - start

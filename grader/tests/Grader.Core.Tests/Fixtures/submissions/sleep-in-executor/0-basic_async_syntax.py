#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay in a worker thread and return it.

    The delay is waited with time.sleep in the loop's default executor.
    """
    delay = random.uniform(0, max_delay)
    loop = asyncio.get_event_loop()
    await loop.run_in_executor(None, time.sleep, delay)
    return delay

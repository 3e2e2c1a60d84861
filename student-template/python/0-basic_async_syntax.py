#!/usr/bin/env python3
"""Task 0: write a coroutine that waits for a random delay and returns it."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    Draw the delay as a float with random.uniform(0, max_delay), wait for it
    with await asyncio.sleep(delay) (never time.sleep), then return it.
    """
    raise NotImplementedError("wait_random is not written yet")

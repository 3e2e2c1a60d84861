#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay, then return another random delay.

    The value returned is drawn again after the wait, so it is not the delay
    that was waited.
    """
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return random.uniform(0, max_delay)

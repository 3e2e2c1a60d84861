#!/usr/bin/env python3
"""A coroutine that waits for a random delay and returns it."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random time between 0 and max_delay seconds and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay

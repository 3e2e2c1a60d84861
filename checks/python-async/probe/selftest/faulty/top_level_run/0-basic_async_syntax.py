#!/usr/bin/env python3
"""Faulty: runs its test code when imported."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random time and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay

print(asyncio.run(wait_random(3)))

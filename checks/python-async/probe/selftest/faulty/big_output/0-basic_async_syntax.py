#!/usr/bin/env python3
"""Faulty: prints 50 MB when imported."""
import asyncio
import random

for _ in range(50 * 1024):
    print("x" * 1023)


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random time and return it."""
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return delay

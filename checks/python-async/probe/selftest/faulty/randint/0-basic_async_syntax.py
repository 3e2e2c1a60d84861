#!/usr/bin/env python3
"""Faulty: draws an int with random.randint."""
import asyncio
import random


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random whole number of seconds and return it."""
    delay = random.randint(0, max_delay)
    await asyncio.sleep(delay)
    return delay

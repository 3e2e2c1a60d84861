#!/usr/bin/env python3
"""Faulty: blocks the event loop with time.sleep."""
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Wait a random time with a blocking sleep and return it."""
    delay = random.uniform(0, max_delay)
    time.sleep(delay)
    return delay

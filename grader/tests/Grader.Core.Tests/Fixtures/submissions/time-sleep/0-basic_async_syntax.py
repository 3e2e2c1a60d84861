#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random
import time


async def wait_random(max_delay: int = 10) -> float:
    """Block the whole thread for a random delay and return it.

    The delay is waited with time.sleep, which blocks the event loop.
    """
    delay = random.uniform(0, max_delay)
    time.sleep(delay)
    return delay

#!/usr/bin/env python3
"""Pause for a random number of seconds without blocking the event loop."""
from asyncio import sleep
from random import uniform


async def wait_random(max_delay: int = 10) -> float:
    """Sleep asynchronously for a random time in [0, max_delay] seconds.

    The number of seconds slept is what the coroutine gives back.
    """
    seconds: float = uniform(0.0, float(max_delay))
    return await sleep(seconds, result=seconds)

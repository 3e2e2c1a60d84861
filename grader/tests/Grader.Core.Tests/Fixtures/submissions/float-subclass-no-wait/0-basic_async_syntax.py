#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random


class Delay(float):
    """A float subclass, which the probe can only write as an opaque value."""


async def wait_random(max_delay: int = 10) -> float:
    """Return a random delay between 0 and max_delay without waiting it.

    The delay is wrapped in a float subclass.
    """
    return Delay(random.uniform(0, max_delay))

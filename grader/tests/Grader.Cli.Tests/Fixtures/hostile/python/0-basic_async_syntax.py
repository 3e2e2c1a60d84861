#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import random

import attack


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    The delay is wrong on purpose when the attack in attack.py succeeded, so
    that an escape costs this submission points.
    """
    delay = random.uniform(0, max_delay)
    await asyncio.sleep(delay)
    return -1.0 if attack.ESCAPED else delay

#!/usr/bin/env python3
"""Faulty: spins on the CPU (never ends on a virtual clock)."""
import random


async def wait_random(max_delay: int = 10) -> float:
    """Spin forever."""
    delay = random.uniform(0, max_delay)
    while True:
        pass
    return delay

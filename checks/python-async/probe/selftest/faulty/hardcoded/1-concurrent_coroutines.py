#!/usr/bin/env python3
"""Faulty: returns a hard-coded list."""
from typing import List


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Return a fixed ascending list."""
    return [0.5, 1.5, 2.5, 3.5, 4.5][:n]

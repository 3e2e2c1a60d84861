#!/usr/bin/env python3
"""Faulty: waits for a future nobody completes."""
import asyncio


async def wait_random(max_delay: int = 10) -> float:
    """Wait forever."""
    return await asyncio.get_event_loop().create_future()

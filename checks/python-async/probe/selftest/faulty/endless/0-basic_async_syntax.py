#!/usr/bin/env python3
"""Faulty: never returns."""
import asyncio


async def wait_random(max_delay: int = 10) -> float:
    """Sleep forever, one second at a time."""
    while True:
        await asyncio.sleep(1)

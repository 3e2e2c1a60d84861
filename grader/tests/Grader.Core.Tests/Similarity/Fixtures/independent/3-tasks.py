#!/usr/bin/env python3
"""Turn a wait_random coroutine into a scheduled asyncio task."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Schedule wait_random(max_delay) on the running loop; return its task."""
    loop = asyncio.get_event_loop()
    return loop.create_task(wait_random(max_delay))

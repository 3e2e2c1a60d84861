#!/usr/bin/env python3
"""Task 3: wrap the wait_random coroutine in an asyncio task."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Create and return an asyncio.Task that runs wait_random(max_delay).

    This is a regular function (not async def): it returns the task at once.
    """
    raise NotImplementedError("task_wait_random is not written yet")

#!/usr/bin/env python3
"""Faulty: task_wait_random is a coroutine function."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


async def task_wait_random(max_delay: int) -> asyncio.Task:
    """Return a Task running wait_random(max_delay) (wrongly async)."""
    return asyncio.create_task(wait_random(max_delay))

#!/usr/bin/env python3
"""Exercise task 3: print the class of the task task_wait_random returns."""
import asyncio

task_wait_random = __import__('3-tasks').task_wait_random


async def test(max_delay: int) -> None:
    """Create a task with task_wait_random, await it and print its class."""
    task = task_wait_random(max_delay)
    await task
    print(task.__class__)


asyncio.run(test(5))

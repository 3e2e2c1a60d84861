#!/usr/bin/env python3
"""Faulty: returns the coroutine instead of a Task."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Return the coroutine wait_random(max_delay)."""
    return wait_random(max_delay)

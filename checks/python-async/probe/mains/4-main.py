#!/usr/bin/env python3
"""Exercise task 4: print the delays of task_wait_n(5, 6)."""
import asyncio

task_wait_n = __import__('4-tasks').task_wait_n

n = 5
max_delay = 6
print(asyncio.run(task_wait_n(n, max_delay)))

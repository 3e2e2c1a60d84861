#!/usr/bin/env python3
"""Exercise task 2: print the average time of wait_n(5, 9)."""

measure_time = __import__('2-measure_runtime').measure_time

n = 5
max_delay = 9

print(measure_time(n, max_delay))

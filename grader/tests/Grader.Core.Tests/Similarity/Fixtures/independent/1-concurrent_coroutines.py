#!/usr/bin/env python3
"""Start many random waits at once and report them in finishing order."""
import asyncio
from typing import Callable, List

wait_random = __import__('0-basic_async_syntax').wait_random


def _recorder(sink: List[float]) -> Callable[[asyncio.Future], None]:
    """Return a done-callback that stores the result of a finished task."""

    def record(future: asyncio.Future) -> None:
        """Append the delay of the task that just finished."""
        sink.append(future.result())

    return record


async def wait_n(n: int, max_delay: int) -> List[float]:
    """Schedule n wait_random calls together; list delays as they finish.

    Every task reports its delay through a done-callback, so the list fills
    up in completion order, which is ascending, with no sorting at all.
    """
    finished: List[float] = []
    pending = set()
    while len(pending) < n:
        job = asyncio.ensure_future(wait_random(max_delay))
        job.add_done_callback(_recorder(finished))
        pending.add(job)
    if pending:
        await asyncio.wait(pending)
    return finished

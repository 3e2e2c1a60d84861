#!/usr/bin/env python3
"""Faulty: an import that is not valid Python."""
from 0-basic_async_syntax import wait_random

#!/usr/bin/env python3
"""Faulty: exits when imported."""
import sys

sys.exit("bye")

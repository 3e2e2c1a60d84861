#!/usr/bin/env python3
"""Constants shared by the main files of this project."""
DEFAULT_MAX_DELAY=10

"""Behavioural probe for the "0x01. Python - Async" assignment.

The package runs a student's coroutines on a controlled clock and with
controlled randomness, and writes raw observations (never verdicts) as JSON
lines for the C# grader to judge.  ``probe.py`` next to this package is the
entry point; ``README.md`` documents the configuration and every scenario.
"""

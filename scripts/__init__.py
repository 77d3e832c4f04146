"""Maintenance scripts (python scripts/lock.py); a package so that tests import them by name."""

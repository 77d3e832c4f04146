"""The test suite: a package, so that its modules import the helpers of tests/support.py by name."""

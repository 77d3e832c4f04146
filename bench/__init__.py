"""The benchmark (make bench: python -m bench.run), a package so that its modules import each other and
harness/ by name."""

"""This machine's servers and browser, for the tests and the bench: Debian's nginx from the generated
configuration and a static folder server on free loopback ports (`served`), headless Chromium driven by
Playwright (`chromium`). Imported as `harness.…` from the repository's root (pytest's `pythonpath`,
`python -m bench.run`); not part of the installed package."""

#!/usr/bin/env python3
"""Build the Brusano sites and brochures. Run `python build.py --help`.

  python build.py check                 check everything, publish nothing
  python build.py build [--site ID] [--lang fr|nl]
  python build.py serve --site sud      live preview of one territory
"""
import sys

from publishing.cli import main

if __name__ == "__main__":
    sys.exit(main())

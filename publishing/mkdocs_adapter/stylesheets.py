"""The stylesheets of Material's theme as installed, for pages made outside MkDocs (the editor's
preview pane, build.py admin)."""
from __future__ import annotations

from pathlib import Path

import material


def material_stylesheets() -> list[Path]:
    """Material's main stylesheet and its palette (fingerprinted names, as the sites load them)."""
    folder = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
    return sorted(folder.glob("main.*.min.css")) + sorted(folder.glob("palette.*.min.css"))

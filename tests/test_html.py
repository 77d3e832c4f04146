"""Every built page is valid HTML: the Nu HTML Checker (vnu.jar, from npm's vnu-jar) on all of them, in one run."""
from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter

import pytest

from tests.support import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_passes_the_nu_html_checker(public):
    if shutil.which("java") is None:
        pytest.skip("Java is not installed: run scripts/install-system.sh (default-jre-headless)")
    if not VNU.is_file():
        pytest.skip("vnu.jar is not installed: run `make` (npm ci)")
    pages = sorted(public.rglob("*.html"))
    assert len(pages) > 300
    result = subprocess.run(["java", "-Xss4m", "-jar", str(VNU), "--errors-only", "--format", "json",
                             "--skip-non-html", str(public)], capture_output=True, text=True, timeout=600)
    found = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    errors = [m for m in found if m.get("type") in ("error", "non-document-error")]
    if errors:
        kinds = Counter(m.get("message", "") for m in errors)
        lines = [f"{count}× {message}" for message, count in kinds.most_common()]
        for m in errors[:20]:
            where = m.get("url", "").replace(public.as_uri() + "/", "")
            lines.append(f"{where}:{m.get('lastLine', '?')}: {m.get('message')}\n    {m.get('extract', '').strip()}")
        pytest.fail(f"{len(errors)} HTML errors in {len({m.get('url') for m in errors})} pages:\n" + "\n".join(lines))
    assert result.returncode == 0, result.stderr[-2000:]

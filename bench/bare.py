#!/usr/bin/env python3
"""The reference of bench/run.py: a bare `mkdocs build` of the same pages.

Material with the features and language of mkdocs.yml and our Markdown extensions, no
plugin (not even search), no custom_dir, the same navigation; one build per site
and language, two at a time like ours (the machine has two cores).

    python bench/bare.py jobs.json      # [{"docs": …, "site": …, "lang": …, "nav": […]}, …]
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_one(config_file: str, job: dict) -> None:
    import logging

    import yaml
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from publishing.markdown.extensions import web_extensions

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with open(config_file, encoding="utf-8") as handle:
        base = yaml.safe_load(handle)
    theme = {k: v for k, v in base.get("theme", {}).items() if k != "custom_dir"}
    theme["language"] = job["lang"]
    config = load_config(config_file, docs_dir=job["docs"], site_dir=job["site"], plugins=[],
                         theme=theme, nav=job["nav"], extra_css=[], extra_javascript=[],
                         markdown_extensions=web_extensions("#"))
    build(config)


def main(jobs_file: str) -> int:
    with open(jobs_file, encoding="utf-8") as handle:
        spec = json.load(handle)
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        for future in [pool.submit(build_one, spec["config"], job) for job in spec["jobs"]]:
            future.result()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

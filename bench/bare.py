#!/usr/bin/env python3
"""The reference of bench/run.py: a bare `mkdocs build` of the same pages.

Material with the features and language of mkdocs.yml and our Markdown extensions, no
plugin (not even search), no custom_dir, the same navigation; one build per site
and language, two at a time like ours (the machine has two cores). With --search, MkDocs'
default plugins, that is its search (a site that can be searched, as ours can through Pagefind).

    python bench/bare.py [--search] jobs.json  # [{"docs": …, "site": …, "lang": …, "nav": […]}, …]
"""
from __future__ import annotations

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build_one(config_file: str, job: dict, plugins: list[str]) -> None:
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
    config = load_config(config_file, docs_dir=job["docs"], site_dir=job["site"], plugins=plugins,
                         theme=theme, nav=job["nav"], extra_css=[], extra_javascript=[],
                         markdown_extensions=web_extensions("#"))
    build(config)


def main(argv: list[str]) -> int:
    plugins = ["search"] if "--search" in argv else []
    jobs_file = next(arg for arg in argv if arg != "--search")
    with open(jobs_file, encoding="utf-8") as handle:
        spec = json.load(handle)
    with ProcessPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as pool:
        for future in [pool.submit(build_one, spec["config"], job, plugins) for job in spec["jobs"]]:
            future.result()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

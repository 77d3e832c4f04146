"""The only part of the project that knows MkDocs.

It writes a site plan (publishing.model.SitePlan) into a staging folder of Markdown files,
configures MkDocs, Material and mkdocs-static-i18n for one territory and one language, and
builds (build_language); the preview serves a built folder with MkDocs' live-reload server
(preview_server). Moving to another generator means replacing this package.
"""
import os

# MkDocs 1.6 prints a notice about MkDocs 2.0 when imported: we pin <2 (pyproject.toml).
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from publishing.mkdocs_adapter.build import build_language
from publishing.mkdocs_adapter.preview import preview_server

__all__ = ["build_language", "preview_server"]

"""The only part of the project that knows MkDocs.

It writes a site plan (publishing.site) into a staging folder of Markdown files,
configures MkDocs, Material and mkdocs-static-i18n for one territory and one
language, and builds. Moving to another generator means replacing this package.
"""
from .build import build_language

__all__ = ["build_language"]

"""The pages' texts handed to MkDocs from memory, not written to the staging folder and read back.

A build used to write every page of its plan as a `.md` file into a staging folder, for MkDocs to
find and read, and delete the folder afterwards: a thousand files written and deleted per build
of the real content, twenty thousand on the bench's larger corpus, on a disk where creating a
file costs a quarter of a millisecond. Here the pages are MkDocs Files whose content is set from
the plan: AddPages adds them where MkDocs' walk of the folder would have put them (before the i18n
plugin, which makes a new File of each and drops the content: it only reads their names), and
SetTexts gives each its text once the i18n plugin is done. The images and files the pages show
are still copied into the folder (MkDocs copies them from there).

The preview keeps its pages on disk (publishing.commands.serve): its dirty builds render only the
pages whose file changed, by the files' times.
"""
from __future__ import annotations

from pathlib import PurePosixPath

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, _file_sort_key


def walk_order(src_uri: str) -> tuple:
    """Where MkDocs' walk of the docs folder puts a file: a folder's files (index first, then by
    name) before its sub-folders (by name)."""
    parts = PurePosixPath(src_uri).parts
    return (*((1, part) for part in parts[:-1]), (0, *_file_sort_key(parts[-1])))


class _Pages(BasePlugin):
    def __init__(self, texts: dict[str, str]) -> None:
        super().__init__()
        self.texts = texts  # src_uri -> the page's text (front matter and Markdown)


class AddPages(_Pages):
    @event_priority(100)  # before every other plugin, as if MkDocs had found them
    def on_files(self, files: Files, config):
        pages = [File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls) for src_uri in self.texts]
        return Files(sorted([*files, *pages], key=lambda f: walk_order(f.src_uri)))


class SetTexts(_Pages):
    @event_priority(-200)  # after the i18n plugin's (-100), which made new Files of them
    def on_files(self, files: Files, config):
        for file in files:
            text = self.texts.get(file.src_uri)
            if text is not None:
                file.content_string = text
        return files



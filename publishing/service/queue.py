"""Where an accepted submission waits for a moderator: a branch of its own, pushed to the Git host, or
a folder of the service's home when there is no Git host.

The branch is made in the service's clone without touching its files: a commit of the notice's files
on top of the content's branch as the Git host has it (a temporary index, `git commit-tree`), pushed
as `cms/valves-<territory>/<date>-<slug>`, the name Decap CMS gives its entries in the editorial
workflow, with GitLab's push options opening the merge request with Decap's label. One submission at
a time (a lock file), so that two never take the same name; the count of those waiting is the
branches of that kind on the Git host.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from publishing.model.paths import NOTICES

BRANCH_PREFIX = "cms"  # Decap CMS's branches in the editorial workflow: cms/<collection>/<slug>
REVIEW_LABEL = "decap-cms/pending_review"  # the column "In review" of Decap's workflow
GIT_TIMEOUT = 60  # seconds for any one git command (a push to the host included)


class QueueError(Exception):
    """The submission could not be queued (the Git host refused or did not answer)."""


@dataclass(frozen=True)
class Queued:
    where: str  # the branch's name, or the folder
    files: dict[str, bytes]


_threads = threading.Lock()


@contextlib.contextmanager
def one_at_a_time(lock_file: Path) -> Iterator[None]:
    """Across the threads of this process and the processes of the service."""
    with _threads:
        lock_file.parent.mkdir(parents=True, exist_ok=True)
        with open(lock_file, "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)


def collection(territory: str) -> str:
    """Decap CMS's collection of a territory's notices (publishing.output.decap)."""
    return f"{NOTICES}-{territory}"


class GitQueue:
    """Branches pushed from the service's clone to its `origin`."""

    def __init__(self, clone: Path, branch: str, gitlab: bool, author: tuple[str, str]) -> None:
        self.clone, self.branch, self.gitlab, self.author = clone, branch, gitlab, author

    def _git(self, *args: str, input: bytes | None = None, env: dict[str, str] | None = None) -> str:
        done = subprocess.run(["git", "-C", str(self.clone), *args], input=input, capture_output=True,
                              timeout=GIT_TIMEOUT, env={**os.environ, **(env or {})})
        if done.returncode != 0:
            raise QueueError(f"git {args[0]}: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout.decode().strip()

    def pending(self) -> list[str]:
        """The submissions' branches on the Git host (those of the notices' collections)."""
        out = self._git("ls-remote", "--heads", "origin", f"refs/heads/{BRANCH_PREFIX}/{NOTICES}-*")
        return [line.split("\t", 1)[1].removeprefix("refs/heads/") for line in out.splitlines() if "\t" in line]

    def add(self, territory: str, stem: str, files: dict[str, bytes], title: str, message: str,
            taken: list[str]) -> Queued:
        """Commit the files on a new branch and push it; stem: the notice's "<date>-<slug>", made
        unique against the branches waiting and the files of the content's branch."""
        self._git("fetch", "--quiet", "origin", f"+refs/heads/{self.branch}:refs/remotes/origin/{self.branch}")
        base = self._git("rev-parse", f"refs/remotes/origin/{self.branch}^{{commit}}")
        existing = set(self._git("ls-tree", "--name-only", base, f"content/{territory}/{NOTICES}/").splitlines())
        stem, files = _unique(stem, files, existing, {b.rsplit("/", 1)[-1] for b in taken})
        branch = f"{BRANCH_PREFIX}/{collection(territory)}/{stem}"
        index = self.clone / ".git" / f"brusano-index-{os.getpid()}-{threading.get_ident()}"
        env = {"GIT_INDEX_FILE": str(index), "GIT_AUTHOR_NAME": self.author[0], "GIT_AUTHOR_EMAIL": self.author[1],
               "GIT_COMMITTER_NAME": self.author[0], "GIT_COMMITTER_EMAIL": self.author[1]}
        try:
            self._git("read-tree", base, env=env)
            for path, content in sorted(files.items()):
                blob = self._git("hash-object", "-w", "--stdin", input=content)
                self._git("update-index", "--add", "--cacheinfo", f"100644,{blob},{path}", env=env)
            tree = self._git("write-tree", env=env)
            commit = self._git("commit-tree", tree, "-p", base, "-m", message, env=env)
        finally:
            index.unlink(missing_ok=True)
        options: list[str] = []
        if self.gitlab:
            for option in ("merge_request.create", f"merge_request.target={self.branch}",
                           f"merge_request.title={title}", f"merge_request.label={REVIEW_LABEL}"):
                options += ["-o", option]
        self._git("push", "--quiet", *options, "origin", f"{commit}:refs/heads/{branch}")
        return Queued(branch, files)


class FolderQueue:
    """Without a Git host: each submission a folder of queue/, its files under their repository paths."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def pending(self) -> list[str]:
        if not self.folder.is_dir():
            return []
        return sorted(p.name for p in self.folder.iterdir() if p.is_dir() and not p.name.startswith("."))

    def add(self, territory: str, stem: str, files: dict[str, bytes], title: str, message: str,
            taken: list[str]) -> Queued:
        stem, files = _unique(stem, files, set(), {name.split("--", 1)[-1] for name in taken})
        name = f"{territory}--{stem}"
        partial = self.folder / f".{name}"
        for path, content in files.items():
            target = partial / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        (partial / "MESSAGE.txt").write_text(message + "\n", encoding="utf-8")
        partial.rename(self.folder / name)  # whole, or not there
        return Queued(str(self.folder / name), files)


def _unique(stem: str, files: dict[str, bytes], existing_files: set[str],
            taken_stems: set[str]) -> tuple[str, dict[str, bytes]]:
    """The stem, or stem-2, stem-3…, free among the files and the waiting submissions; the files renamed."""
    def free(candidate: str) -> bool:
        return candidate not in taken_stems and not any(
            Path(name).name.startswith(candidate + ".") for name in existing_files)

    chosen, number = stem, 1
    while not free(chosen):
        number += 1
        chosen = f"{stem}-{number}"
    if chosen == stem:
        return stem, files
    renamed: dict[str, bytes] = {}
    for path, content in files.items():
        folder, name = path.rsplit("/", 1)
        new_name = chosen + name[len(stem):]
        if name.endswith(".md"):  # the header names the image
            content = content.replace(f"image: {stem}.".encode(), f"image: {chosen}.".encode())
        renamed[f"{folder}/{new_name}"] = content
    return chosen, renamed

"""The project is read whole, for a given day, and not changed after: what the preview changes
(its site's address) is a changed copy, so that nothing planned from the project sees it move."""
from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from publishing.load.project import read_project
from publishing.model import Project, Text

ROOT = Path(__file__).resolve().parent.parent


def test_a_project_is_frozen_and_a_changed_copy_leaves_it_as_it_was():
    project, _report = read_project(ROOT, date(2026, 12, 1))
    assert project.today == date(2026, 12, 1) and project.events and project.directories
    with pytest.raises(dataclasses.FrozenInstanceError):
        project.today = date(2000, 1, 1)  # type: ignore[misc]
    sud = project.territories["sud"]
    preview = project.with_territory(dataclasses.replace(sud, url=Text("http://127.0.0.1:8000/",
                                                                        "http://127.0.0.1:8000/nl/")))
    assert preview.territories["sud"].url.fr == "http://127.0.0.1:8000/"
    assert project.territories["sud"].url == sud.url and list(preview.territories) == list(project.territories)


def test_a_project_has_no_default_day():
    """`today` decides what is coming and what is past: never a silent 2000-01-01."""
    fields = {f.name: f for f in dataclasses.fields(Project)}
    assert fields["today"].default is dataclasses.MISSING

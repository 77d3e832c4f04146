"""Files of one name from two folders that one site would publish into the same folder."""
from __future__ import annotations

from pathlib import Path

from publishing.model import SitePlan
from publishing.plan.resources import resource_files, resource_folders
from publishing.problems import Report


def resource_clashes(plan: SitePlan) -> list[tuple[Path, Path]]:
    """(hidden file, file that replaces it): two different files of one name, from two source
    folders, that would be published into the same folder of the site."""
    published: dict[tuple[str, str], Path] = {}
    clashes = []
    for source, folder in resource_folders(plan):
        for item in resource_files(source):
            earlier = published.get((folder, item.name))  # from another source folder: pairs are unique
            if earlier is not None and earlier.read_bytes() != item.read_bytes():
                clashes.append((earlier, item))
            published[(folder, item.name)] = item
    return clashes


def check_resources(plans: dict[tuple[str, str], SitePlan], report: Report) -> None:
    """Each clash of file names once, however many sites publish both files."""
    seen = set()
    for plan in plans.values():
        for hidden, winner in resource_clashes(plan):
            if (hidden, winner) not in seen:
                seen.add((hidden, winner))
                other = report.relative(winner)
                report.add(hidden, "file_name_clash", input=hidden.name, other=other,
                           rename=f"{winner.stem}-{_first_difference(winner, hidden)}{winner.suffix}")


def _first_difference(path: Path, other: Path) -> str:
    """The first folder of path that other does not share (content/sud/… beside content/shared/…: sud)."""
    for part, other_part in zip(path.parts, other.parts, strict=False):
        if part != other_part:
            return part
    return path.parent.name

"""What spans the whole project, checked once all of it is loaded, so that `check` and
`build` stop on the same problems: what texts may not hold (lint), the translation report
(translations), the links, anchors and images of every text followed on the twelve site
plans (links), the old addresses and the pages they lead to (redirects), and files of one
name published into one folder (resources)."""
from __future__ import annotations

from publishing.checks.links import check_links, published_texts
from publishing.checks.lint import check_texts, texts
from publishing.checks.redirects import check_redirects
from publishing.checks.resources import check_resources
from publishing.checks.translations import check_translations
from publishing.model import Project, SitePlan
from publishing.plan.site import plan_sites
from publishing.problems import Report


def check_project(project: Project, report: Report,
                  plans: dict[tuple[str, str], SitePlan] | None = None) -> None:
    """Texts, translations, links on the twelve site plans (made here unless given: a build
    makes them while its workers build, and runs this once they have read the pages' texts)."""
    check_texts(project, report)
    check_translations(project, report)
    if plans is None:
        plans = plan_sites(project, report)
    check_links(project, plans, report)
    check_redirects(project, plans, report)
    check_resources(plans, report)
    report.deduplicate()


def texts_read(project: Project, plans: dict[tuple[str, str], SitePlan]) -> set[str]:
    """The texts check_project reads (publishing.markdown.reading): the editors' texts as written
    and as each site publishes them. (The pages a link's #anchor names are read when followed.)"""
    return {body for _source, body, _line in texts(project)} | published_texts(project, plans)


__all__ = ["check_project", "published_texts", "texts_read"]

"""What spans the whole project, checked once all of it is loaded, so that `check` and
`build` stop on the same problems: what texts may not hold (lint), the translation report
(translations), the links, anchors and images of every text followed on the twelve site
plans (links), the old addresses and the pages they lead to (redirects), and files of one
name published into one folder (resources)."""
from __future__ import annotations

from publishing.checks.links import check_links
from publishing.checks.lint import check_texts
from publishing.checks.redirects import check_redirects
from publishing.checks.resources import check_resources
from publishing.checks.translations import check_translations
from publishing.model import Project
from publishing.plan.site import plan_sites
from publishing.problems import Report


def check_project(project: Project, report: Report) -> None:
    """Texts, translations, links on the twelve site plans. A build runs it while its workers build."""
    check_texts(project, report)
    check_translations(project, report)
    plans = plan_sites(project, report)
    check_links(project, plans, report)
    check_redirects(project, plans, report)
    check_resources(plans, report)
    report.deduplicate()


__all__ = ["check_project"]

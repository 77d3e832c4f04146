"""The old addresses (sites/anciennes-adresses.yml), checked on the site plans: each leads to a
page the build makes, directly (no old address leads to another old address, nor round in a loop)."""
from __future__ import annotations

from publishing.load.redirects import FILE
from publishing.model import Project, SitePlan
from publishing.model.redirect import Redirect, locate, normal
from publishing.problems import Report


def check_redirects(project: Project, plans: dict[tuple[str, str], SitePlan], report: Report) -> None:
    path = project.root / "sites" / FILE
    moved = {r.key: r for r in project.redirects if not r.same}
    # the addresses of each plan's pages, gathered once: thousands of old addresses (an imported
    # WordPress site) are each looked up, not compared with every page
    urls = {site: {page.url for page in plan.pages} for site, plan in plans.items()} if project.redirects else {}
    for redirect in project.redirects:
        where, line = f"addresses[{redirect.index}].to", redirect.to_line
        target = moved.get(normal(redirect.new))
        if target is not None and target is not redirect:
            final, loops = _follow(redirect, moved)
            if loops:
                report.add(path, "address_loop", line=line, where=where, input=redirect.new,
                           other=target.line)
            else:
                report.add(path, "address_chain", line=line, where=where, input=redirect.new,
                           other=target.line, expected=final.new)
            continue
        if not _is_page(redirect.new, project, urls):
            report.add(path, "address_no_page", line=line, where=where, input=redirect.new)


def _is_page(url: str, project: Project, urls: dict[tuple[str, str], set[str]]) -> bool:
    found = locate(url, project.territories)
    if found is None:
        return False
    territory, lang, rest = found
    wanted = rest if rest == "" or rest.endswith("/") else rest + "/"
    return wanted in urls.get((territory.id, lang), ())


def _follow(redirect: Redirect, moved: dict[tuple[str, str], Redirect]) -> tuple[Redirect, bool]:
    """Where a chain of old addresses ends (its last step, whose target is no old address), and
    whether it comes back on itself instead."""
    seen = {redirect.key}
    while (following := moved.get(normal(redirect.new))) is not None:
        if following.key in seen:
            return redirect, True
        seen.add(following.key)
        redirect = following
    return redirect, False

"""A PDF of a site made on its own, when asked for by its address (the preview makes PDFs only
when someone opens one): the Focus brochures and the one-page syntheses."""
from __future__ import annotations

from publishing.model import Project, Territory
from publishing.output.focus_pdf import render_brochure
from publishing.output.synthesis_pdf import render_synthesis
from publishing.plan.sections.focus import page_url as focus_page
from publishing.plan.sections.focus import pdf_path as focus_pdf
from publishing.plan.sections.syntheses import page_url
from publishing.plan.sections.syntheses import pdf_path as synthesis_pdf


def pdf_at(project: Project, territory: Territory, lang: str, path: str) -> bytes | None:
    """The PDF published at `path` (site-relative, within the language) on this site, or None."""
    for focus in project.focus.values():
        if focus.text(lang).lang == lang and focus_pdf(focus, territory, lang) == path:
            return render_brochure(project, focus, territory, lang, focus_page(focus, territory, lang)).content
    for synthesis in project.syntheses:
        if (synthesis.territory == territory.id and synthesis.text(lang).lang == lang
                and synthesis_pdf(synthesis, lang) == path):
            return render_synthesis(project, synthesis, lang, page_url(project, synthesis, lang)).content
    return None

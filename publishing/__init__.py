"""Brusano's publishing system: six territory sites in French and Dutch, and their PDFs.

Data flows one way, and each stage is a package that imports only the stages before it:

    problems        the report of problems and the catalogue of their messages (FR/EN)
    model           plain objects: territories, pages, Focus, directories, syntheses, site plans
    markdown        reading the editors' Markdown: links and tags, HTML, Jinja variables
    load            reading and validating the repository's files into the model
    output          formats made from the model: PDF, search index, feeds, open data, sitemaps
    plan            the plan of each site in each language: content pages, then each section
    checks          what spans the whole project: texts, translations, links on the twelve plans
    mkdocs_adapter  the only part that knows MkDocs: a plan in, a built site out
    commands        build, check, serve, new
    cli             the command line (build.py)
"""
from publishing.commands.build import build_sites
from publishing.commands.check import check, load_project
from publishing.problems import ContentError, Problem, Report, Severity

__all__ = ["ContentError", "Problem", "Report", "Severity", "build_sites", "check", "load_project"]

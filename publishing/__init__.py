"""Brusano's publishing system: six territory sites in French and Dutch, and their PDFs.

Data flows one way: content and data (content/, sites/, focus/, directories/)
-> the model (publishing.model, loaded by project.load_project)
-> site plans (publishing.site) -> pages (mkdocs_adapter) and PDFs.
"""
from .check import check
from .errors import ContentError, Problem, Report, Severity
from .project import load_project
from .publish import build_sites

__all__ = ["ContentError", "Problem", "Report", "Severity", "build_sites", "check", "load_project"]

"""Problems found in the repository, the report that collects them, and their wording.

Every stage reports into a `Report` (publishing.problems.report); what each problem code
says, in French and English, is in one catalogue (publishing.problems.messages).
"""
from publishing.problems.report import ContentError, Problem, Report, Severity, UsageError

__all__ = ["ContentError", "Problem", "Report", "Severity", "UsageError"]

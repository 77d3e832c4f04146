"""The sites' languages: French is the reference (and the fallback), Dutch follows."""

LANGS: tuple[str, ...] = ("fr", "nl")
DEFAULT_LANG = "fr"

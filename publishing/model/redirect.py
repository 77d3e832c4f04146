"""Addresses of the old sites that must keep working: each leads to the page that now holds its
content (sites/anciennes-adresses.yml, publishing.load.redirects)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from publishing.model.langs import LANGS
from publishing.model.territory import Territory


@dataclass(frozen=True)
class Redirect:
    """One old address and where it now leads; `same` when the new site serves the same path."""

    old: str  # as written: "https://brusano.brussels/kairos/"
    new: str  # as written: "https://www.brusano.brussels/revues/kairos/"
    line: int | None = None  # of `from` in sites/anciennes-adresses.yml
    to_line: int | None = None  # of `to`
    index: int = 0  # its place in the file's list

    @property
    def key(self) -> tuple[str, str]:
        """The old address as a server sees it: host without www., decoded path without final slash."""
        return normal(self.old)

    @property
    def same(self) -> bool:
        return normal(self.old) == normal(self.new)


def normal(url: str) -> tuple[str, str]:
    """("brusano.brussels", "/kairos") for https://www.brusano.brussels/kairos/: the forms a
    visitor may type (www. or not, final slash or not, %c2%b7 or ·) are one address."""
    parts = urlsplit(url.strip())
    host = parts.netloc.lower().removeprefix("www.")
    path = unquote(parts.path or "/")
    return host, (path.rstrip("/") or "/")


@lru_cache(maxsize=64)
def _home(url: str) -> tuple[str, str]:
    """The host and path prefix ("/nl/") of a site's home: a dozen, asked for every old address."""
    host, path = normal(url)
    return host, path.rstrip("/") + "/"


def locate(url: str, territories: dict[str, Territory]) -> tuple[Territory, str, str] | None:
    """The territory, language and path within its site ("revues/kairos/", "" for the home) of a
    URL of our domains, written with www. or not; None for another host."""
    host, _ = normal(url)
    path = unquote(urlsplit(url.strip()).path or "/")
    candidates = []
    for territory in territories.values():
        for lang in LANGS:
            home_host, prefix = _home(territory.url[lang])
            if home_host == host and (path if path.endswith("/") else path + "/").startswith(prefix):
                candidates.append((len(prefix), territory, lang, path[len(prefix):]))
    if not candidates:
        return None
    _length, territory, lang, rest = max(candidates, key=lambda c: c[0])
    return territory, lang, rest

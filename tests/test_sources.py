"""Every fact dated in the news, the agenda and the syntheses comes from a source (issue 18).

Each item names its source in its header (`source:`, not published): a seed of
../shared/seeds/ — the activity reports and meeting notes the starter content was written from —
or what the team wrote it from (an invitation, an e-mail and its date, a web page: see the guide).
When it names a seed, the item's date must be in that seed's text, written one of the ways
reports write dates (19 janvier 2023, 19/01/2023, 19/01/23, 19/01 or "7, 14 mars" near its year,
janvier 2023 or "le mois de janvier" near its year for an item dated to the month)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT, SHARED

SEEDS = SHARED / "seeds"
FOLDERS = ("syntheses", "actualites", "agenda", "valves")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
HEADER = re.compile(r"^(date|start|source):\s*(.+?)\s*$", re.M)


def dated_items() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / "content").glob(f"*/{folder}/*.md"))


def header(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8").split("\n---", 1)[0]
    return {key: value.strip().strip('"') for key, value in HEADER.findall(text)}


def seed_text(number: str) -> str:
    """The seed's text, lower case, spaces joined; skips the test in a clone without ../shared/seeds/."""
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seeds are the team's material beside the repository, not copied")
    [path] = SEEDS.glob(f"{number}_*.txt")
    return " ".join(path.read_text(encoding="utf-8").lower().replace("\u00a0", " ").split())


def written_forms(iso: str) -> list[str]:
    """The ways a report may write this day (or month)."""
    year, month, *day = (int(part) for part in iso[:10].split("-"))
    forms = [f"{MONTHS[month - 1]} {year}", f"{month:02d}/{year}", f"{year}-{month:02d}"]
    if day:
        d = day[0]
        forms = [f"{d} {MONTHS[month - 1]} {year}", f"{d}er {MONTHS[month - 1]} {year}",
                 f"{d:02d}/{month:02d}/{year}", f"{d}/{month:02d}/{year}", f"{d:02d}/{month:02d}/{year % 100:02d}",
                 f"{year}-{month:02d}-{d:02d}", f"{d:02d}.{month:02d}.{year}"]
    return forms


def day_in_a_report_of_its_year(text: str, iso: str) -> bool:
    """"26/01, 30/03", "21.01", "25 novembre", "7, 14, 21, 28 mars" in a list of the year's meetings: the year written
    near it, or the whole seed the report of that year ("Rapport d'activités 2022")."""
    year, month, day = (int(part) for part in iso.split("-"))
    name = MONTHS[month - 1]
    pattern = (rf"(?<![\d/.])(?:0?{day}/{month:02d}|0?{day}\.{month:02d}"
               rf"|{day}(?:er)?(?:(?:,| et| &amp;| &) ?\d{{1,2}})* {name})(?![\d/]|\.\d)")
    report_of_year = re.search(rf"rapport d'activit[ée]s? {year}", text[:600]) is not None
    return any(report_of_year or str(year) in text[max(0, m.start() - 600):m.end() + 600]
               for m in re.finditer(pattern, text))


def month_near_its_year(text: str, iso: str) -> bool:
    """"les Ateliers du changement du mois de juin" in a passage on that year."""
    year, month = (int(part) for part in iso.split("-"))
    return any(str(year) in text[max(0, m.start() - 600):m.end() + 600]
               for m in re.finditer(rf"\b{MONTHS[month - 1]}\b", text))


@pytest.mark.parametrize("path", dated_items(), ids=lambda p: str(p.relative_to(ROOT / "content")))
def test_every_dated_item_names_its_source_and_the_source_has_its_date(path):
    meta = header(path)
    source = meta.get("source")
    assert source, f"{path.name}: no `source:` in its header"
    seeds = re.findall(r"seed (\d{3})", source)
    if not seeds:  # written by the team from its own source, named there
        return
    when = meta.get("date") or meta.get("start")
    assert when, f"{path.name}: no date"
    when = when[:10] if re.match(r"\d{4}-\d{2}-\d{2}", when) else when[:7]
    text = " ".join(seed_text(number) for number in seeds)
    found = any(form in text for form in written_forms(when))
    if not found:
        near = day_in_a_report_of_its_year if len(when) == 10 else month_near_its_year
        found = any(near(seed_text(n), when) for n in seeds)
    assert found, f"{path.name}: the date {when} is not in seed(s) {', '.join(seeds)}"


def test_the_month_of_a_meeting_is_not_taken_for_its_first_day():
    """Seed 004 dates the regional concertation « mars 2024 »: a day would not be found."""
    text = seed_text("004")
    assert any(form in text for form in written_forms("2024-03"))
    assert not any(form in text for form in written_forms("2024-03-01"))
    assert not day_in_a_report_of_its_year(text, "2024-03-01")


# --- contact details ------------------------------------------------------------------------------

PUBLISHED = ("content", "focus", "directories", "sites", "theme")
SUFFIXES = {".md", ".yml", ".yaml", ".html", ".txt", ".json"}
PHONE = re.compile(r"(?:\+32|0032)[ 0-9./()-]{7,}[0-9]"
                   r"|(?<![\w+./-])0[1-9][0-9]{0,2}[ /.][0-9]{2,3}(?:[ .][0-9]{2,3}){1,2}\b")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}")
STREET = re.compile(r"\b(?:rue|avenue|chaussée|boulevard|place|square|quai|drève|clos|allée) "
                    r"(?:de la |du |des |de l'|d'|de )?"
                    r"[A-ZÉ][\w'-]+(?: [A-ZÉ][\w'-]+)* \d{1,4}\b"
                    r"|\b[A-Z][\w-]*(?:straat|laan|steenweg|plein|dreef|kaai|lei) \d{1,4}\b")


def allowed() -> list[dict]:
    import yaml
    return yaml.safe_load((ROOT / "tests" / "sourced_contacts.yml").read_text(encoding="utf-8"))


def published_files() -> list[Path]:
    return sorted(p for top in PUBLISHED for p in (ROOT / top).rglob("*") if p.suffix in SUFFIXES and p.is_file())


def contact_details(text: str) -> set[str]:
    found = {" ".join(m.group(0).split()) for pattern in (PHONE, EMAIL, STREET) for m in pattern.finditer(text)}
    return {f for f in found if not f.endswith((".example.org", "@example.org"))}


def digits(phone: str) -> str:
    number = re.sub(r"\D", "", phone)
    return "32" + number[1:] if number.startswith("0") and not number.startswith("00") else number.removeprefix("00")


def test_every_contact_detail_published_is_in_the_allow_list_with_its_source():
    values = {entry["value"] for entry in allowed()}
    numbers = {digits(v) for v in values if PHONE.fullmatch(v)}  # +32 2 880 29 80 = +3228802980 (tel: links)
    unknown = {}
    for path in published_files():
        for detail in contact_details(path.read_text(encoding="utf-8")):
            if detail not in values and not (PHONE.fullmatch(detail) and digits(detail) in numbers):
                unknown.setdefault(detail, str(path.relative_to(ROOT)))
    assert not unknown, f"contact details without a source in tests/sourced_contacts.yml: {unknown}"


def test_the_allow_list_says_where_each_detail_comes_from():
    for entry in allowed():
        number = re.fullmatch(r"seed (\d{3})", entry["source"]).group(1)
        assert " ".join(entry["as_in_source"].lower().split()) in seed_text(number), entry


def test_the_scan_finds_phones_addresses_and_streets():
    text = ("Appelez le 02 123 45 67 ou le +32 2 555 01 01, écrivez à contact@asbl.be, "
            "passez rue de la Loi 16 ou Wetstraat 16. Pas un numéro : 2024-03-14, 1040 Bruxelles.")
    assert contact_details(text) == {"02 123 45 67", "+32 2 555 01 01", "contact@asbl.be", "rue de la Loi 16",
                                     "Wetstraat 16"}

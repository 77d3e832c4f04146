"""Every fact dated in the news, the agenda and the syntheses, and every directory entry, comes from a source
that holds (issues 18 and 27).

Each item names its source in its header (`source:`, not published): a seed of ../shared/seeds/ — the activity
reports and meeting notes the starter content was written from — or what the team wrote it from (an invitation,
an e-mail and its date, a web page: see the guide). When it names a seed, it names the place too: the section for
the reader and the lines for the check (`Rapport d'activités 2022 (seed 001), action 44, l. 809`, `l. 402-408`).
The test reads that passage, not the whole seed: the item's date must be in it, written one of the ways reports
write dates (19 janvier 2023, 19/01/2023, 19/01/23, 19/01 or "7, 14 mars" with its year in the passage or in a
report of that year, janvier 2023 or "le mois de janvier" with its year for an item dated to the month), and so
must the words of its French title that are not common words. A directory entry's `source` is read the same way:
its French name (or the part of it in parentheses, or its organisation) is in the passage, or the source says
plainly that no seed names it (« Aucun seed ne nomme … »), or it names the team's own dated source (a web page
consulted on a day, an e-mail of a day: a year is written). A seed that spells a name otherwise is quoted
(« écrit « Sirias » »), and that spelling must be in the passage.

The seeds sit outside the repository: without ../shared, the checks against them are skipped (the checker itself
is still proven on a small seed written here)."""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.support import ROOT, SHARED

SEEDS = SHARED / "seeds"
FOLDERS = ("syntheses", "actualites", "agenda", "valves")
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
HEADER = re.compile(r"^(date|start|source|title):\s*(.+?)\s*$", re.M)
SEED = re.compile(r"seed (\d{3})")
LINES = re.compile(r"\bl\.\s*(\d+)(?:\s*[-–]\s*(\d+))?")
SPELLED = re.compile(r"écrit «\s*([^»]+?)\s*»")
NO_SEED = "aucun seed ne nomme"
# Words a title or a name shares with any text: they prove nothing about the passage.
COMMON = set("""le la les l de du des d un une et en a au aux pour par sur dans avec sans ou que qui qu se s sa son ses
leur leurs ce cet cette ces votre vos notre nos plus y est entre vers chez sous ne pas c est ce quoi comment
brusano""".split())

NUMBERS = {word: str(n) for n, word in enumerate("un deux trois quatre cinq six sept huit neuf dix".split(), 1)}
SeedLines = Callable[[str], list[str]]


def normal_words(text: str) -> list[str]:
    """Lower case, no accents, no tags, no inclusive endings (·es), ordinals as 2e (première, 1ère: 1e), numbers as
    digits, split on what is not a letter or a digit."""
    text = re.sub(r"<[^>]+>", "", text.replace("\u00a0", " "))
    text = re.sub(r"[·.](?:e|es|ne|nes|rice|rices|euse|euses|ère|ères)\b", "", text)
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"\b(\d+)(?:eme|ere|er|e)\b", r"\1e", text)
    text = re.sub(r"\bpremi(?:ere|er)s?\b", "1e", text)
    text = re.sub(r"\b(?:deuxieme|seconde?)s?\b", "2e", text)
    return [NUMBERS.get(word, word) for word in re.findall(r"[a-z0-9]+", text)]


def same_word(a: str, b: str) -> bool:
    """Equal, or the same word give or take an ending: ouvertes/ouverte, palliative/palliatif, and on a long stem
    développer/développement; not concertation/concerne."""
    common = len(next((a[:i] for i in range(min(len(a), len(b)), 0, -1) if a[:i] == b[:i]), ""))
    return a == b or (common >= 4 and max(len(a), len(b)) - common <= (5 if common >= 7 else 3))


def words_in(words: list[str], passage: str) -> list[str]:
    """The words not found in the passage (empty: all there)."""
    found = set(normal_words(passage))
    return [w for w in words if w not in COMMON and not re.fullmatch(r"\d+e?", w)  # numbers: the date says them
            and w not in found and not any(same_word(w, f) for f in found)]


def cited(source: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """[(seed number, [(first line, last line), …]), …] as the source names them."""
    marks = list(SEED.finditer(source))
    places = []
    for i, mark in enumerate(marks):
        segment = source[mark.end():marks[i + 1].start() if i + 1 < len(marks) else len(source)]
        places.append((mark.group(1), [(int(a), int(b or a)) for a, b in LINES.findall(segment)]))
    return places


def passage(source: str, seed_lines: SeedLines) -> str:
    """The lines the source cites, all seeds together; ValueError when a seed is cited without lines."""
    parts = []
    for number, ranges in cited(source):
        if not ranges:
            raise ValueError(f"seed {number} is cited without its place (l. N or l. N-M)")
        lines = seed_lines(number)
        for first, last in ranges:
            if not 1 <= first <= last <= len(lines):
                raise ValueError(f"seed {number} has no lines {first}-{last}")
            parts.append("\n".join(lines[first - 1:last]))
    return "\n".join(parts)


def real_seed_lines(number: str) -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} is absent: the seeds are the team's material beside the repository, not copied")
    [path] = SEEDS.glob(f"{number}_*.txt")
    return path.read_text(encoding="utf-8").split("\n")


def seed_text(number: str) -> str:
    return " ".join("\n".join(real_seed_lines(number)).lower().replace("\u00a0", " ").split())


def flat(text: str) -> str:
    return " ".join(text.lower().replace("\u00a0", " ").split())


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


def day_with_its_year(text: str, iso: str, report_of_year: bool) -> bool:
    """"26/01, 30/03", "21.01", "25 novembre", "7, 14, 21, 28 mars": the year written near it in the passage, or
    the passage from the report of that year ("Rapport d'activités 2022")."""
    year, month, day = (int(part) for part in iso.split("-"))
    name = MONTHS[month - 1]
    pattern = (rf"(?<![\d/.])(?:0?{day}/{month:02d}|0?{day}\.{month:02d}"
               rf"|{day}(?:er)?(?:(?:,| et| &amp;| &) ?\d{{1,2}})* {name})(?![\d/]|\.\d)")
    return any(report_of_year or str(year) in text[max(0, m.start() - 600):m.end() + 600]
               for m in re.finditer(pattern, text))


def month_with_its_year(text: str, iso: str, report_of_year: bool) -> bool:
    """"les Ateliers du changement du mois de juin" in a passage on that year."""
    year, month = (int(part) for part in iso.split("-"))
    return any(report_of_year or str(year) in text[max(0, m.start() - 600):m.end() + 600]
               for m in re.finditer(rf"\b{MONTHS[month - 1]}\b", text))


def report_of(source: str, seed_lines: SeedLines, year: str) -> bool:
    return any(re.search(rf"rapport d'activit[ée]s? {year}", flat("\n".join(seed_lines(n)[:20])))
               for n, _ in cited(source))


def item_problems(meta: dict[str, str], seed_lines: SeedLines) -> list[str]:
    """What does not hold between a dated item's header and the passage its source cites."""
    source = meta.get("source", "")
    if not source:
        return ["no `source:` in its header"]
    if not SEED.search(source):  # written by the team from its own source, named there
        return []
    when = meta.get("date") or meta.get("start") or ""
    if not when:
        return ["no date"]
    when = when[:10] if re.match(r"\d{4}-\d{2}-\d{2}", when) else when[:7]
    try:
        text = flat(passage(source, seed_lines))
    except ValueError as error:
        return [str(error)]
    problems = []
    if not any(form in text for form in written_forms(when)):
        near = day_with_its_year if len(when) == 10 else month_with_its_year
        if not near(text, when, report_of(source, seed_lines, when[:4])):
            problems.append(f"the date {when} is not in the passage cited")
    missing = words_in(normal_words(meta.get("title", "")), text)
    if missing:
        problems.append(f"the title's words {missing} are not in the passage cited")
    return problems


def entry_problems(entry: dict, seed_lines: SeedLines) -> list[str]:
    """What does not hold between a directory entry and the passage its source cites."""
    source = entry.get("source", "")
    if NO_SEED in source.lower():
        return []
    if not SEED.search(source):  # the team's own source: a web page, an e-mail, a leaflet, with its date
        return [] if re.search(r"\b20\d\d\b", source) else [
            f"the source names no seed, no dated document, and does not say that no seed names it: {source!r}"]
    try:
        text = passage(source, seed_lines)
    except ValueError as error:
        return [str(error)]
    name = entry["name"]["fr"] if isinstance(entry["name"], dict) else entry["name"]
    names = [re.sub(r"\([^)]*\)", " ", name), *re.findall(r"\(([^)]*)\)", name)]
    names += [entry.get("organisation") or "", *SPELLED.findall(source)]
    for spelled in SPELLED.findall(source):
        if words_in(normal_words(spelled), text):
            return [f"the spelling « {spelled} » is not in the passage cited"]
    for candidate in names:
        words = [w for w in normal_words(candidate) if w not in COMMON]
        if words and not words_in(words, text):
            return []
    return [f"neither its name {name!r} nor its organisation is in the passage cited"]


def dated_items() -> list[Path]:
    return sorted(p for folder in FOLDERS for p in (ROOT / "content").glob(f"*/{folder}/*.md"))


def header(path: Path) -> dict[str, str]:
    text = path.read_text(encoding="utf-8").split("\n---", 1)[0]
    return {key: value.strip().strip('"') for key, value in HEADER.findall(text)}


def french_title(path: Path) -> str:
    """The title the seeds can hold: the French one (a Dutch item's French twin)."""
    twin = path.with_name(path.name.replace(".nl.md", ".fr.md"))
    return header(twin if twin.is_file() else path).get("title", "")


@pytest.mark.parametrize("path", dated_items(), ids=lambda p: str(p.relative_to(ROOT / "content")))
def test_every_dated_item_names_its_source_and_the_passage_holds_its_date_and_title(path):
    meta = {**header(path), "title": french_title(path)}
    assert not item_problems(meta, real_seed_lines), f"{path.name}: {item_problems(meta, real_seed_lines)}"


def directory_entries() -> list[tuple[str, dict]]:
    return [(f"{path.stem}/{entry['id']}", entry) for path in sorted((ROOT / "directories").glob("*.yml"))
            for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]]


@pytest.mark.parametrize("where,entry", directory_entries(), ids=[w for w, _ in directory_entries()])
def test_every_directory_entry_names_the_passage_that_names_it(where, entry):
    assert not entry_problems(entry, real_seed_lines), f"{where}: {entry_problems(entry, real_seed_lines)}"


# The checker, proven on a seed written here (it stands without ../shared).
FAKE_SEED = """RAPPORT D'ACTIVITES 2022
## 44. Ateliers du changement
Les journées portes ouvertes dans chaque bassin : 11 octobre (Nord), 13 octobre (Sud-Est).
## 45. Concertation pratiques inclusives
Services de clarification des démarches : MedImmigrant, Sirias, Hub Humanitaire.
## 46. Forum ouvert
Le 19 janvier 2023, une centaine d'acteurs du social-santé se sont réunis.""".split("\n")


def fake(number: str) -> list[str]:
    return FAKE_SEED


OPEN_DAY = {"date": "2022-10-11", "title": "Journée portes ouvertes des Ateliers du changement — Bassin Nord",
            "source": "Rapport d'activités 2022 (seed 001), action 44, l. 2-3"}


@pytest.mark.parametrize("a,b,same", [("ouvertes", "ouverte", True), ("palliative", "palliatif", True),
                                       ("developper", "developpement", True), ("psychologues", "psychologie", True),
                                       ("concertation", "concerne", False), ("soins", "soit", False)])
def test_words_are_compared_give_or_take_an_ending(a, b, same):
    assert same_word(a, b) is same and same_word(b, a) is same


def test_an_item_whose_source_names_its_passage_holds():
    assert item_problems(OPEN_DAY, fake) == []
    assert item_problems({**OPEN_DAY, "date": "2022-10-13"}, fake) == []


@pytest.mark.parametrize("wrong,problem", [
    ({"source": "Rapport d'activités 2022 (seed 001), action 46, l. 6-7"}, "the date 2022-10-11 is not in the passage"),
    ({"source": "Rapport d'activités 2022 (seed 001), action 45, l. 4-5"}, "the date 2022-10-11 is not in the passage"),
    ({"date": "2022-10-12"}, "the date 2022-10-12 is not in the passage"),
    ({"title": "Journée portes ouvertes du Forum des membres"}, "the title's words ['forum', 'membres']"),
    ({"source": "Rapport d'activités 2022 (seed 001), action 44"}, "seed 001 is cited without its place"),
    ({"source": "Rapport d'activités 2022 (seed 001), l. 2-30"}, "seed 001 has no lines 2-30"),
    ({"source": ""}, "no `source:`"),
])
def test_a_planted_wrong_source_fails(wrong, problem):
    problems = item_problems({**OPEN_DAY, **wrong}, fake)
    assert any(problem in p for p in problems), problems


SIREAS = {"id": "sireas", "name": {"fr": "Siréas"}, "source": "seed 001, action 45, l. 4-5 (écrit « Sirias »)"}


@pytest.mark.parametrize("entry,holds", [
    (SIREAS, True),
    ({**SIREAS, "source": "seed 001, action 44, l. 2-3 (écrit « Sirias »)"}, False),
    ({**SIREAS, "source": "seed 001, action 45, l. 4-5"}, False),
    ({"id": "m", "name": {"fr": "Medimmigrant"}, "source": "seed 001, l. 5"}, True),
    ({"id": "m", "name": {"fr": "Medimmigrant"}, "source": "seed 001, l. 6"}, False),
    ({"id": "h", "name": {"fr": "Hub humanitaire (accueil de jour)"}, "source": "seed 001, l. 5"}, True),
    ({"id": "x", "name": {"fr": "Un service d'ailleurs"}, "source": "Aucun seed ne nomme ce service."}, True),
    ({"id": "x", "name": {"fr": "Un service d'ailleurs"}, "source": "Service établi : à vérifier"}, False),
    ({"id": "x", "name": {"fr": "Un service"}, "source": "Site du service, consulté le 11 février 2025"}, True),
    ({"id": "b", "name": {"fr": "Helpdesk du Bassin Nord"}, "organisation": "Brusano", "source": "seed 001, l. 7"},
     False),
])
def test_a_directory_source_holds_only_when_its_passage_names_the_entry(entry, holds):
    assert (entry_problems(entry, fake) == []) is holds, entry_problems(entry, fake)


def test_the_month_of_a_meeting_is_not_taken_for_its_first_day():
    """Seed 004 dates the regional concertation « mars 2024 »: a day would not be found."""
    text = seed_text("004")
    assert any(form in text for form in written_forms("2024-03"))
    assert not any(form in text for form in written_forms("2024-03-01"))
    assert not day_with_its_year(text, "2024-03-01", report_of_year=False)


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

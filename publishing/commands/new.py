"""`build.py new …`: create the files of a new Focus or synthesis from a template.

The templates are written for editors: comments say what to fill in. A new
Focus starts as a draft (never published) until its focus.yml says otherwise.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

from publishing.load.schema import SLUG
from publishing.model import LANGS, Month, parse_month
from publishing.model.paths import AGENDA, NEWS, NOTICES, SYNTHESES
from publishing.problems import UsageError

FOCUS_YML = """\
# Focus : {slug}
# Date de la dernière mise à jour du contenu (AAAA-MM-JJ) : changez-la à chaque révision.
updated: {today}
# Répertoires dont les services vont en annexe du PDF (noms des fichiers de directories/, sans .yml).
directories: []
# Couleur de la couverture (foncée : le texte y est blanc), ou une image placée dans ce dossier.
cover: "#1b4f8a"
# Brouillon : ni page ni PDF ne sont publiés. Supprimez cette ligne quand le texte est prêt.
draft: true
"""

FOCUS_TEXT = {
    "fr": """\
---
title: Titre du Focus
summary: Une ou deux phrases qui disent à qui sert ce Focus et ce qu'il rassemble.
---

Une introduction de quelques lignes : le thème, pour qui, ce que le lecteur trouvera.

## En bref

- Le point essentiel à retenir.

## Une première partie

### Une aide ou un droit

Qui y a droit, ce que cela couvre, où le demander.

## Où s'adresser ?

Les services à contacter ; le répertoire en annexe du PDF les détaille.
""",
    "nl": """\
---
title: Titel van de Focus
summary: Een of twee zinnen die zeggen voor wie deze Focus is en wat hij bundelt.
---

Een inleiding van enkele regels: het thema, voor wie, wat de lezer zal vinden.

## In het kort

- Het belangrijkste om te onthouden.

## Een eerste deel

### Een steunmaatregel of een recht

Wie er recht op heeft, wat het dekt, waar u het aanvraagt.

## Waar terecht?

De diensten om te contacteren; het repertorium in bijlage van de pdf geeft de details.
""",
}


def check_slug(slug: str) -> None:
    if not re.fullmatch(SLUG, slug):
        raise UsageError("slug_invalid", input=slug)


def new_focus(root: Path, slug: str, today: date | None = None) -> list[Path]:
    check_slug(slug)
    folder = root / "focus" / slug
    if folder.exists():
        raise UsageError("focus_exists", slug=slug)
    folder.mkdir(parents=True)
    today = today or date.today()
    files = {folder / "focus.yml": FOCUS_YML.format(slug=slug, today=today.isoformat())}
    for lang, text in FOCUS_TEXT.items():
        files[folder / f"index.{lang}.md"] = text
    for path, text in files.items():
        path.write_text(text, encoding="utf-8")
    return sorted(files)


SYNTHESIS = {
    "fr": """\
---
title: Titre court de la rencontre
date: {date}
# Type : concertation, conseil, atelier, forum ou rencontre
kind: concertation
# Thème (facultatif) : sante-mentale, prevention-promotion-sante, liaison-ambulatoire-hopital,
# pratiques-inclusives, organisation-integree, fin-de-vie, perinatalite
theme: sante-mentale
# Nombre de participant·es (facultatif ; supprimez la ligne si inconnu)
participants: 20
summary: Une phrase qui dit ce qui est ressorti de la rencontre.
draft: true
---

## Contexte

Qui s'est réuni, pourquoi, dans quel cadre.

## Ce qui a été dit

### Besoins

- …

### Constats

- …

## Prochaines étapes

- …

## Prochaine rencontre

La date sera annoncée sur ce site.
""",
    "nl": """\
---
title: Korte titel van de bijeenkomst
date: {date}
kind: concertation
theme: sante-mentale
participants: 20
summary: Eén zin die zegt wat er uit de bijeenkomst kwam.
draft: true
---

## Context

Wie samenkwam, waarom, in welk kader.

## Wat er gezegd werd

### Noden

- …

### Vaststellingen

- …

## Volgende stappen

- …

## Volgende bijeenkomst

De datum wordt op deze site aangekondigd.
""",
}


def new_synthesis(root: Path, site: str, day: str, slug: str) -> list[Path]:
    check_slug(slug)
    meeting = as_date(day, month_ok=True)  # 2024-03: a meeting the sources date to the month only
    folder = root / "content" / site / SYNTHESES
    stem = f"{meeting.isoformat()}-{slug}"
    files = {folder / f"{stem}.{lang}.md": text.format(date=meeting.isoformat()) for lang, text in SYNTHESIS.items()}
    return write_new(root, files)


def as_date(day: str, month_ok: bool = False) -> date:
    month = parse_month(day) if month_ok else None
    if isinstance(month, Month):
        return month
    try:
        return date.fromisoformat(day)
    except ValueError:
        raise UsageError("not_a_date", input=day) from None


def write_new(root: Path, files: dict[Path, str]) -> list[Path]:
    """Write files that must not exist yet (nothing is written if one does)."""
    for path in files:
        if path.exists():
            raise UsageError("file_exists", path=path.relative_to(root))
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return sorted(files)


# `build.py new actualite|evenement|avis`: the kind's folder in content/<territory>/ and its templates
# (publishing/commands/scaffolds/<kind>.<lang>.md, written for editors, comments in French).
ITEM_KINDS = {"actualite": NEWS, "evenement": AGENDA, "avis": NOTICES}
SCAFFOLDS = Path(__file__).resolve().parent / "scaffolds"


def new_item(root: Path, kind: str, site: str, day: str, slug: str) -> list[Path]:
    """Both language files of a news item, an event or a notice, as drafts. day: its date
    (publication, or the event's start); a notice is shown for a month by default."""
    check_slug(slug)
    when = as_date(day)
    folder = root / "content" / site / ITEM_KINDS[kind]
    stem = f"{when.isoformat()}-{slug}"
    until = when + timedelta(days=30)
    files = {folder / f"{stem}.{lang}.md": (SCAFFOLDS / f"{kind}.{lang}.md").read_text(encoding="utf-8")
             .replace("{date}", when.isoformat()).replace("{until}", until.isoformat()) for lang in LANGS}
    return write_new(root, files)

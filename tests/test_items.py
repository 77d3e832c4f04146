"""News, partners' notices and events as an editor writes them: what is read, what is refused.

The loaders are tested on inline repositories (tests.support.make_repo); the day the build takes for
today is given, as `build.py --today` does, so that what is past does not depend on the clock.
"""
from __future__ import annotations

from datetime import date, datetime

from publishing import load_project
from publishing.model import BRUSSELS
from tests.support import HOME, make_repo

TODAY = date(2023, 3, 1)

EVENT = """
    -- content/sud/agenda/2023-03-28-atelier-en-ligne.fr.md --
    ---
    title: Atelier en ligne
    summary: Un atelier en ligne pour les professionnel·les.
    start: "2023-03-28 09:30"
    end: "2023-03-28 12:00"
    online: true
    organiser: Brusano
    audience: Professionnel·les du social et de la santé
    price: Gratuit
    registration: https://example.org/inscription
    themes: [sante-mentale]
    region: true
    ---
    Le programme.
    -- content/sud/agenda/2023-03-28-atelier-en-ligne.nl.md --
    ---
    title: Onlineworkshop
    summary: Een onlineworkshop voor professionals.
    start: "2023-03-28 09:30"
    end: "2023-03-28 12:00"
    online: true
    organiser: Brusano
    audience: Professionals uit de welzijns- en gezondheidssector
    price: Gratis
    registration: https://example.org/inscription
    themes: [sante-mentale]
    region: true
    ---
    Het programma.
"""


def load(tmp_path, files: str, today: date = TODAY):
    project, report = load_project(make_repo(tmp_path, HOME + files), today=today)
    return project, report


def lines(report, lang: str = "fr") -> list[str]:
    return [p.render(lang).split("\n")[0] for p in report.problems]


def test_an_event_in_french_and_dutch_is_read_with_its_brussels_times(tmp_path):
    project, report = load(tmp_path, EVENT)
    assert not report.problems, report.render()
    (event,) = project.events
    assert event.territory == "sud" and event.region and not event.all_day
    assert event.start == datetime(2023, 3, 28, 9, 30, tzinfo=BRUSSELS)
    assert event.start.utcoffset().total_seconds() == 7200  # summer time: the clocks changed on 26 March 2023
    assert event.online == "" and event.registration == "https://example.org/inscription"
    assert event.text("nl").price == "Gratis" and event.text("fr").audience.startswith("Professionnel")


def test_winter_time_is_one_hour_ahead_of_utc(tmp_path):
    project, report = load(tmp_path, EVENT.replace("2023-03-28", "2023-03-25"))
    assert not report.errors, report.render()
    assert project.events[0].start.utcoffset().total_seconds() == 3600


def test_what_an_editor_gets_wrong_in_an_event_is_said_with_file_and_line(tmp_path):
    bad = (EVENT.replace('end: "2023-03-28 12:00"', 'end: "2023-03-28 08:00"')
           .replace("registration: https://example.org/inscription", "registration: http://example.org/inscription"))
    _project, report = load(tmp_path, bad)
    found = "\n".join(lines(report))
    path = "content/sud/agenda/2023-03-28-atelier-en-ligne"
    assert f"{path}.fr.md:5: end: l'événement finit (2023-03-28 08:00) avant de commencer (2023-03-28 09:30)." in found
    assert f"{path}.fr.md:10: registration: le lien « http://example.org/inscription » n'est pas une adresse https://." in found
    _project, report = load(tmp_path / "b", EVENT.replace("themes: [sante-mentale]", "themes: [sante]"))
    assert f"{path}.fr.md:11: themes[0]: valeur « sante » non permise." in lines(report)


def test_an_online_link_must_be_a_secure_web_address(tmp_path):
    path = "content/sud/agenda/2023-03-28-atelier-en-ligne"
    _project, report = load(tmp_path, EVENT.replace("online: true", "online: https://visio exemple"))
    assert any(line.startswith(f"{path}.fr.md:6: online: ") and "https://visio exemple" in line
               for line in lines(report)), lines(report)
    _project, report = load(tmp_path / "b", EVENT.replace("online: true", "online: http://example.org/visio"))
    assert f"{path}.fr.md:6: online: le lien « http://example.org/visio » n'est pas une adresse https://." in lines(report)


def test_a_time_without_a_date_and_an_impossible_time(tmp_path):
    _project, report = load(tmp_path, EVENT.replace('start: "2023-03-28 09:30"\n    end: "2023-03-28 12:00"',
                                                    'start: "09:30"', 1))
    assert any("« 09:30 » est une heure sans date." in line for line in lines(report))
    _project, report = load(tmp_path / "b", EVENT.replace('end: "2023-03-28 12:00"', 'end: "2023-03-28 25:00"', 1))
    assert any("l'heure de « 2023-03-28 25:00 » n'existe pas." in line for line in lines(report))


def test_a_past_event_still_scheduled_is_a_warning(tmp_path):
    _project, report = load(tmp_path, EVENT, today=date(2023, 4, 1))
    (problem,) = report.problems
    assert problem.severity.value == "warning"
    assert "fini le 2023-03-28" in problem.render("fr")
    _project, report = load(tmp_path / "b", EVENT.replace("region: true", "region: true\n    status: held"),
                            today=date(2023, 4, 1))
    assert not report.problems, report.render()


def test_the_dutch_file_must_agree_with_the_french_one(tmp_path):
    _project, report = load(tmp_path, EVENT.replace('end: "2023-03-28 12:00"\n    online: true\n    organiser: Brusano\n'
                                                    '    audience: Professionals',
                                                    'end: "2023-03-28 13:00"\n    online: true\n    organiser: Brusano\n'
                                                    '    audience: Professionals'))
    assert any(line.startswith("content/sud/agenda/2023-03-28-atelier-en-ligne.nl.md:5:")
               and "end diffère de la version française" in line for line in lines(report))


def test_an_address_is_shown_with_its_commune_and_bassin(tmp_path):
    files = EVENT.replace("online: true", 'address: {street: "Rue de l\'Exemple 1", postcode: 1190, commune: forest}')
    project, report = load(tmp_path, files)
    assert not report.errors, report.render()
    place = project.events[0].place
    assert (place.commune, place.bassin, place.postcode) == ("forest", "sud", "1190")
    split = files.replace("commune: forest", "commune: bruxelles")
    _project, report = load(tmp_path / "b", split)
    assert any("est partagée entre plusieurs bassins" in line for line in lines(report))
    _project, report = load(tmp_path / "c", files.replace("postcode: 1190", "postcode: 1000"))
    assert any("le code postal « 1000 » n'est pas un code de Forest." in line for line in lines(report))


NEWS = """
    -- content/region/actualites/2023-01-19-forum-ouvert.fr.md --
    ---
    title: Forum ouvert
    date: 2023-01-19
    summary: Retour sur le forum ouvert.
    image: forum.png
    themes: [organisation-integree]
    ---
    Texte.
"""


def test_news_with_an_image_needs_its_alternative_text_in_each_language(tmp_path):
    root = make_repo(tmp_path, HOME + NEWS)
    (root / "content/region/actualites/forum.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    _project, report = load_project(root, today=TODAY)
    assert any(line.startswith("content/region/actualites/2023-01-19-forum-ouvert.fr.md:5: image: l'image « forum.png » "
                               "n'a pas de texte alternatif") for line in lines(report))
    (root / "content/region/actualites/2023-01-19-forum-ouvert.fr.md").write_text(
        (root / "content/region/actualites/2023-01-19-forum-ouvert.fr.md").read_text().replace(
            "image: forum.png", "image: forum.png\nimage_alt: Des participant·es autour d'un panneau"))
    project, report = load_project(root, today=TODAY)
    assert not report.errors, report.render()
    assert project.news[0].image.name == "forum.png"


def test_a_notice_needs_its_end_date_and_a_real_website(tmp_path):
    notice = """
    -- content/sud/valves/2023-02-01-permanence.fr.md --
    ---
    title: Nouvelle permanence
    date: 2023-02-01
    summary: Une permanence ouvre.
    partner: Service fictif
    website: pas-un-site
    ---
    Texte.
"""
    _project, report = load(tmp_path, notice)
    found = "\n".join(lines(report))
    assert "content/sud/valves/2023-02-01-permanence.fr.md:" in found
    assert "la clé « until » manque." in found
    fixed = notice.replace("website: pas-un-site", "website: https://example.org/\n    until: 2023-03-31")
    project, report = load(tmp_path / "b", fixed)
    assert not report.errors, report.render()
    assert project.notices[0].listed(date(2023, 3, 31)) and not project.notices[0].listed(date(2023, 4, 1))
    _project, report = load(tmp_path / "c", notice.replace("website: pas-un-site", "website: pas-un-site\n    until: 2023-03-31"))
    assert any("adresse web invalide « pas-un-site »" in line for line in lines(report))


def test_messages_in_english_say_no_french(tmp_path):
    _project, report = load(tmp_path, EVENT.replace('start: "2023-03-28 09:30"\n    end: "2023-03-28 12:00"',
                                                    'start: "09:30"', 1))
    assert any("'09:30' is a time without a date." in line for line in lines(report, "en"))


def test_the_scaffold_writes_both_languages_as_drafts_and_check_asks_for_what_is_left(tmp_path):
    from publishing.cli import main

    root = make_repo(tmp_path, HOME)
    assert main(["--root", str(root), "new", "evenement", "atelier", "--site", "sud", "--date", "2023-03-28"]) == 0
    fr = root / "content/sud/agenda/2023-03-28-atelier.fr.md"
    nl = root / "content/sud/agenda/2023-03-28-atelier.nl.md"
    assert fr.exists() and nl.exists()
    _project, report = load_project(root, today=TODAY)
    assert not report.errors and {p.code for p in report.warnings} == {"draft"}
    for path in (fr, nl):
        path.write_text(path.read_text().replace("draft: true\n", ""))
    _project, report = load_project(root, today=TODAY)
    assert any("address: la valeur contient encore « … » du modèle." in line for line in lines(report))
    for path in (fr, nl):
        path.write_text(path.read_text().replace("Rue …", "Rue de l'Exemple 1").replace("commune: …", "commune: forest")
                        .replace('postcode: "…"', 'postcode: "1190"')
                        .replace("registration: https://…", "registration: https://example.org/inscription")
                        .replace("source: …", "source: test"))
    project, report = load_project(root, today=TODAY)
    assert not report.problems, report.render()
    assert project.events[0].place.bassin == "sud"
